/// <reference lib="webworker" />
// First: no schema may be made before zod is told to do without eval (the content security policy).
import '../../../contract/jitless.ts';
import type { CheckRequest } from './check-reply.ts';
import { runChecks } from './run-checks.ts';

/**
 * Checks a draft off the main thread, so typing never waits for the engine (compiling the PC takes seconds). One
 * document per worker at a time: the page terminates a busy worker when a newer document arrives.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<CheckRequest>) => self.postMessage(runChecks(event.data));
