import { Worker } from 'node:worker_threads';

/**
 * Runs a worker file in a thread with `data` and resolves the one message it posts: heavy engine work (compiling a
 * catalog, checking a draft) off the server's event loop. The server runs TypeScript through tsx, whose loader a
 * worker does not inherit: the worker registers it first, then imports the file.
 * @throws when the thread dies or exits before answering, or `signal` aborts (it is then stopped).
 */
export function runInThread<T>(file: URL, data: unknown, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('the server is closing'));
    const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const bootstrap = `import(${tsx}).then((api) => { api.register(); return import(${JSON.stringify(file.href)}); });`;
    const worker = new Worker(bootstrap, { eval: true, workerData: data });
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (reply: T) => resolve(reply));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      // After a message this settles nothing; before one, the thread died or was stopped.
      reject(new Error(`the worker thread stopped (exit code ${code})`));
    });
  });
}
