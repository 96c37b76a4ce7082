/// <reference lib="webworker" />
// First: no schema may be made before zod is told to do without eval (the content security policy).
import '../../contract/jitless.ts';
import { learnRecommender, type Recommender } from '../../core/recommend/index.ts';
import type { LearnRequest, LearnReply } from './learn-recommender.ts';

/**
 * Learns the population recommender from the catalog's sales off the main thread (about a second for the demo's
 * PC orders on a slow machine: the combiner replays steps through the engine). Plain data crosses both ways.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<LearnRequest>) => {
  const { model, diagram, builds, seed, steps } = event.data;
  let reply: LearnReply;
  try {
    const recommender: Recommender = learnRecommender(model, builds, { diagram, seed, combinerSteps: steps });
    reply = { ok: true, recommender };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
