/// <reference lib="webworker" />
import type { CheckRequest } from './check-reply.ts';
import { runChecks } from './run-checks.ts';

/**
 * Checks a draft off the main thread, so typing never waits for the engine (compiling the PC takes seconds). One
 * document per worker at a time: the page terminates a busy worker when a newer document arrives.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<CheckRequest>) => self.postMessage(runChecks(event.data));
