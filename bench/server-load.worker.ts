/**
 * One autocannon run in its own thread (bench/server.ts runs BENCH_LOAD_THREADS of them), so the load generator and
 * the server under test do not share an event loop. Every connection is one client with its own cookie (round-robin over `cookies`); request
 * paths and bodies rotate over `requests`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon, { type Options } from 'autocannon';

export interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** One per client; none for anonymous load. */
  cookies: readonly string[];
  /** Paths (and bodies) the clients go through in turn. */
  requests: readonly { path: string; body?: string }[];
  connections: number;
  seconds: number;
}

const job = workerData as LoadJob;
let nextClient = 0;
let nextRequest = 0;
const options = {
  url: job.url,
  method: job.method,
  connections: job.connections,
  duration: job.seconds,
  headers: job.headers,
  setupClient: (client) => {
    const cookie = job.cookies[nextClient++ % Math.max(1, job.cookies.length)];
    client.setHeaders({ ...job.headers, ...(cookie ? { cookie } : {}) });
  },
  requests: [
    {
      setupRequest: (request) => {
        const next = job.requests[nextRequest++ % job.requests.length];
        return { ...request, path: next?.path ?? request.path, body: next?.body ?? request.body };
      },
    },
  ],
} satisfies Options;
// In a worker thread autocannon returns its histograms encoded: the parent merges the threads' results.
const raw: unknown = await autocannon(options);
parentPort?.postMessage(raw);
