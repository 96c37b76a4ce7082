/// <reference lib="webworker" />
// First: no schema may be made before zod is told to do without eval (the content security policy).
import '../../contract/jitless.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import { compileConfiguration } from '../../core/configurator/configurator.ts';
import type { CompileReply } from './compile-reply.ts';

/**
 * Compiles a catalog off the main thread, so the page stays responsive while the PC's diagram is built (about a
 * second on a slow machine). The diagram's typed arrays are transferred, not copied.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<Catalog>) => {
  let reply: CompileReply;
  try {
    reply = { ok: true, compiled: compileConfiguration(event.data) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const d = reply.ok ? reply.compiled.diagram : undefined;
  // The big arrays move; a buffer listed twice would make postMessage throw.
  const transfer = d
    ? [...new Set([d.nodeLevel, d.edgeStart, d.edgeValue, d.edgeChild].map((a) => a.buffer))]
    : [];
  self.postMessage(reply, transfer);
};
