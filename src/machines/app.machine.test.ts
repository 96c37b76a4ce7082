import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import type { Build } from '../core/catalog/index.ts';
import { appMachine, SubmitError, type AppEvent, type SubmitInput, type Submitted } from './app.machine.ts';

type Snapshot = SnapshotFrom<typeof appMachine>;
const build: Build = { model: { 'model-estate': 1 }, paint: { 'paint-red': 1 } };
const other: Build = { model: { 'model-hatch': 1 } };
const review = (choices = build, complete = true): AppEvent => ({
  type: 'review.open',
  catalogId: 'car',
  catalogVersion: '2026.11.1',
  choices,
  totalCents: 2_500_000,
  complete,
});

/** A flow whose server answers from a script, one answer per submission, recording what it was sent. */
function flow(answers: (Submitted | SubmitError)[]) {
  const sent: SubmitInput[] = [];
  const machine = appMachine.provide({
    actors: {
      submit: fromPromise<Submitted, SubmitInput>(async ({ input }) => {
        sent.push(input);
        const answer = answers.shift();
        if (!answer || answer instanceof SubmitError) throw answer ?? new Error('no answer scripted');
        return answer;
      }),
    },
  });
  return { actor: createActor(machine).start(), sent };
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const quote: Submitted = { kind: 'quote', id: 'q-1', totalCents: 2_500_000, validUntil: '2026-12-31' };

describe('app flow machine', () => {
  it('goes from product choice through review to a quote, sending the reviewed build and the price seen', async () => {
    const { actor, sent } = flow([quote]);
    expect(actor.getSnapshot().value).toBe('choosing');
    actor.send({ type: 'product.pick', catalogId: 'car' });
    actor.send(review(build, false));
    expect(actor.getSnapshot().value).toBe('configuring');
    actor.send(review());
    actor.send({ type: 'quote.request' });
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    actor.send({ type: 'order.place' }); // a second click while the server answers is ignored
    await settle();
    const s = actor.getSnapshot();
    expect(s.hasTag('submitted')).toBe(true);
    expect(s.context.result).toEqual(quote);
    expect(sent).toEqual([
      {
        kind: 'quote',
        name: '',
        catalogId: 'car',
        catalogVersion: '2026.11.1',
        choices: build,
        expectedTotalCents: 2_500_000,
      },
    ]);
  });

  it('asks for a sign-in when the server wants one, then sends the same request again', async () => {
    const { actor, sent } = flow([new SubmitError('sign_in_required', 'Sign in first.'), quote]);
    actor.send({ type: 'product.pick', catalogId: 'car' });
    actor.send(review());
    actor.send({ type: 'quote.request' });
    await settle();
    expect(actor.getSnapshot().matches({ reviewing: 'signingIn' })).toBe(true);
    expect(actor.getSnapshot().context.problem?.code).toBe('sign_in_required');
    // The review page opens again after the sign-in page: nothing is forgotten.
    actor.send({ type: 'product.pick', catalogId: 'car' });
    actor.send({ ...review(), totalCents: 2_375_000 } as AppEvent); // signed in: the customer's discount
    actor.send({ type: 'auth.signedIn' });
    await settle();
    expect(actor.getSnapshot().context.result).toEqual(quote);
    expect(sent.map((s) => [s.kind, s.expectedTotalCents])).toEqual([
      ['quote', 2_500_000],
      ['quote', 2_375_000],
    ]);
  });

  it('keeps the shopper on the review with the reason when the price changed, and starts over for a new build', async () => {
    const { actor } = flow([new SubmitError('price_changed', 'The price is now €25,100.')]);
    actor.send({ type: 'product.pick', catalogId: 'car' });
    actor.send(review());
    actor.send({ type: 'order.place' });
    await settle();
    let s = actor.getSnapshot();
    expect(s.matches({ reviewing: 'idle' })).toBe(true);
    expect(s.context.problem).toEqual({ code: 'price_changed', message: 'The price is now €25,100.' });
    actor.send(review(other));
    s = actor.getSnapshot();
    expect(s.context.problem).toBeNull();
    expect(s.context.review?.choices).toEqual(other);
    actor.send(review(other, false));
    expect(actor.getSnapshot().value).toBe('configuring');
    actor.send({ type: 'product.leave' });
    expect(actor.getSnapshot().context).toEqual({
      catalogId: null,
      review: null,
      request: null,
      result: null,
      problem: null,
    });
  });
});

/** The flow's own words, and the server's two answers, as the events a shopper and the network can produce. */
const events = (s: Snapshot): AppEvent[] => {
  const shopper: AppEvent[] = [
    { type: 'product.pick', catalogId: 'car' },
    { type: 'product.pick', catalogId: 'pc' },
    { type: 'product.leave' },
    review(),
    review(other),
    review(build, false),
    { type: 'review.back' },
    { type: 'build.save', name: 'Family car' },
    { type: 'quote.request' },
    { type: 'order.place' },
    { type: 'auth.signedIn' },
    { type: 'problem.dismiss' },
  ];
  if (!s.hasTag('busy')) return shopper;
  const answers = [
    { type: 'xstate.done.actor.submit', output: quote },
    { type: 'xstate.error.actor.submit', error: new SubmitError('sign_in_required', 'Sign in first.') },
    { type: 'xstate.error.actor.submit', error: new SubmitError('price_changed', 'Changed.') },
  ] as unknown as AppEvent[];
  return [...shopper, ...answers];
};

/** What must hold in every state the flow can reach. */
function expectCoherent(s: Snapshot) {
  const { context } = s;
  if (s.matches('choosing')) expect(context.catalogId).toBeNull();
  else expect(['car', 'pc']).toContain(context.catalogId);
  if (s.matches('reviewing')) expect(context.review).not.toBeNull();
  if (s.hasTag('busy') || s.matches({ reviewing: 'signingIn' })) expect(context.request).not.toBeNull();
  if (s.hasTag('submitted')) expect(context.result).not.toBeNull();
  if (s.matches({ reviewing: 'signingIn' })) expect(context.problem?.code).toBe('sign_in_required');
}

describe('app flow machine, model-based', () => {
  it('walks the shortest path to every flow state and finds each coherent', () => {
    // The server never answers by itself here: the walk sends its answers as events.
    const machine = appMachine.provide({
      actors: { submit: fromPromise(() => new Promise<Submitted>(() => {})) },
    });
    const paths = getShortestPaths(machine, {
      events,
      serializeState: (s) =>
        `${JSON.stringify(s.value)}|${s.context.catalogId}|${JSON.stringify(s.context.review?.choices ?? null)}|${s.context.request?.kind}|${s.context.result?.id}|${s.context.problem?.code}`,
      limit: 50_000,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const value of ['idle', 'submitting', 'signingIn', 'submitted'])
      expect(reached).toContain(JSON.stringify({ reviewing: value }));
    expect(reached).toContain('"choosing"');
    expect(reached).toContain('"configuring"');
    for (const path of paths) {
      const actor = createActor(machine).start();
      for (const step of path.steps) {
        actor.send(step.event);
        expectCoherent(actor.getSnapshot());
      }
      expect(actor.getSnapshot().value).toEqual(path.state.value);
    }
  });
});
