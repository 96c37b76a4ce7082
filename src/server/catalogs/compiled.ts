import type { Catalog } from '../../core/catalog/index.ts';
import type { ConfigurationOptions } from '../../core/configurator/configurator.ts';
import type { CompileThreadData, CompileThreadReply } from './compile.worker.ts';
import { runInThread } from './in-thread.ts';
import type { CatalogEntry } from './registry.ts';

/** A catalog version's compiled form, MDD or d-DNNF (core/configurator/compiled-binary.ts), ready to send. */
export interface CompiledForm {
  bytes: Buffer;
  gzip: Buffer;
  /** Strong validator of `bytes`; the gzip representation's is the same with `-gzip` (RFC 9110 §8.8.3). */
  etag: string;
}

/**
 * Each catalog version compiled once, on first request or ahead with {@link CompiledCatalogs.warm}, in a worker
 * thread so that requests keep being answered meanwhile. Keyed by the catalog's content hash: a changed file is a
 * new compile even under the same version. A catalog that does not compile keeps failing with the same error
 * (compiling is deterministic), without compiling again.
 */
export interface CompiledCatalogs {
  get(entry: CatalogEntry): Promise<CompiledForm>;
  /** Starts compiling these entries now, one after another (start-up: the first shopper does not wait). */
  warm(entries: readonly CatalogEntry[]): void;
  /** Stops a compile under way (server shutdown). */
  close(): Promise<void>;
}

/** Compiles a catalog into its compiled form's bytes, gzip and sha256; stops when `signal` aborts. */
export type CatalogCompiler = (
  catalog: Catalog,
  signal: AbortSignal,
) => Promise<Extract<CompileThreadReply, { ok: true }>>;

/** Runs compile.worker.ts in a worker thread, with the engine's options (the bound that picks the form). */
export function compilerInThread(options: ConfigurationOptions = {}): CatalogCompiler {
  return async (catalog, signal) => {
    const data: CompileThreadData = { catalog, options };
    const reply = await runInThread<CompileThreadReply>(
      new URL('./compile.worker.ts', import.meta.url),
      data,
      signal,
    );
    if (!reply.ok)
      throw new Error(`catalog ${catalog.id}@${catalog.version} does not compile: ${reply.message}`);
    return reply;
  };
}

/** {@link compilerInThread} with the engine's defaults. */
export const compileInThread: CatalogCompiler = compilerInThread();

export function compiledCatalogs(compile: CatalogCompiler = compileInThread): CompiledCatalogs {
  const cache = new Map<string, Promise<CompiledForm>>();
  const closing = new AbortController();
  let queue: Promise<unknown> = Promise.resolve();
  const get = (entry: CatalogEntry) => {
    let found = cache.get(entry.hash);
    if (!found) {
      // One compile at a time: the machine's other cores answer requests.
      found = queue.then(async () => {
        const { bytes, gzip, sha256 } = await compile(entry.catalog, closing.signal);
        const tag = sha256.slice(0, 32);
        return { bytes: Buffer.from(bytes), gzip: Buffer.from(gzip), etag: `"${tag}"` };
      });
      queue = found.catch(() => undefined);
      cache.set(entry.hash, found);
    }
    return found;
  };
  return {
    get,
    warm: (entries) => {
      for (const entry of entries) get(entry).catch(() => undefined); // the request that wants it reports it
    },
    close: async () => {
      closing.abort();
      await queue;
    },
  };
}
