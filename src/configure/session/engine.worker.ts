/// <reference lib="webworker" />
// First: no schema may be made before zod is told to do without eval (the content security policy).
import '../../contract/jitless.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import { compileConfiguration } from '../../core/configurator/configurator.ts';
import { formBuffers } from '../../core/engine/compiled-form.ts';
import type { CompileReply } from './compile-reply.ts';

/**
 * Compiles a catalog off the main thread, so the page stays responsive while the PC's diagram is built (about a
 * second on a slow machine). The compiled form's typed arrays (the diagram's or the d-DNNF's) are transferred, not
 * copied.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<Catalog>) => {
  let reply: CompileReply;
  try {
    reply = { ok: true, compiled: compileConfiguration(event.data) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply, reply.ok ? formBuffers(reply.compiled.form) : []);
};
