/// <reference lib="webworker" />
// First: no schema may be made before zod is told to do without eval (the content security policy).
import '../../contract/jitless.ts';
import { findSamples, type SamplesRequest } from './find-samples.ts';

/**
 * Searches a rule's sample builds off the main thread (compiling and explaining take a second or more on the PC), so
 * typing in the rule builder never waits. One request at a time: the page stops a busy worker for a newer one.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<SamplesRequest>) => self.postMessage(findSamples(event.data));
