import type { CompiledConfiguration } from '../../core/configurator/configurator.ts';

/** What the engine worker answers: the compiled catalog, or why it could not be compiled. */
export type CompileReply = { ok: true; compiled: CompiledConfiguration } | { ok: false; message: string };
