import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import type { Catalog } from '../../core/catalog/index.ts';
import { encodeConfiguration } from '../../core/configurator/compiled-binary.ts';
import { compileConfiguration, type ConfigurationOptions } from '../../core/configurator/configurator.ts';

/** What the compile thread is given: the catalog and the engine's options (which bound picks the form). */
export interface CompileThreadData {
  catalog: Catalog;
  options: ConfigurationOptions;
}

/** What the compile thread answers: a catalog's compiled form and its gzip, or why it does not compile. */
export type CompileThreadReply =
  { ok: true; bytes: Uint8Array; gzip: Uint8Array; sha256: string } | { ok: false; message: string };

/**
 * One catalog compiled off the server's event loop (the PC's diagram takes about a second): its compiled form (the
 * MDD, or the d-DNNF past the options' bound), gzipped once here rather than on every request, and the hash its
 * ETag is made of.
 */
function reply({ catalog, options }: CompileThreadData): CompileThreadReply {
  try {
    const bytes = encodeConfiguration(compileConfiguration(catalog, options));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { ok: true, bytes, gzip: gzipSync(bytes, { level: 9 }), sha256 };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const answer = reply(workerData as CompileThreadData);
parentPort?.postMessage(
  answer,
  answer.ok ? [answer.bytes.buffer as ArrayBuffer, answer.gzip.buffer as ArrayBuffer] : [],
);
