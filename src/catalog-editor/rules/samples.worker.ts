/// <reference lib="webworker" />
import { findSamples, type SamplesRequest } from './find-samples.ts';

/**
 * Searches a rule's sample builds off the main thread (compiling and explaining take a second or more on the PC), so
 * typing in the rule builder never waits. One request at a time: the page stops a busy worker for a newer one.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<SamplesRequest>) => self.postMessage(findSamples(event.data));
