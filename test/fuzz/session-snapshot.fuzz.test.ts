import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { SESSION_HISTORY } from '../../src/contract/session.schema.ts';
import { buildSchema, validateCatalog, type Build } from '../../src/core/catalog/index.ts';
import { Configurator } from '../../src/core/configurator/configurator.ts';
import { createSessionMachine } from '../../src/machines/session.machine.ts';
import {
  persistSession,
  resolveSession,
  SessionRestoreError,
} from '../../src/machines/session-persistence.ts';
import { miniCatalog } from '../fixtures/mini-catalog.ts';
import { anyValue, mutate, mutationOf } from '../server/fuzz/zod-sample.ts';
import { FUZZ_RUNS, thrownBy } from './runs.ts';

/**
 * Bad input, fuzzed (issue 19 §6): saved sessions coming back from storage, another device or the sales desk. Any
 * value restores into a running session whose choices the engine accepts, or is refused with a SessionRestoreError
 * (naming the JSON path when the shape is wrong); it never throws anything else.
 */

const configurator = new Configurator(validateCatalog(miniCatalog(), 'mini.json'));
const { catalog } = configurator;
const machine = createSessionMachine(configurator);

/** A real saved session: a few choices made, one undone, as the browser persists it. */
function savedSession(): unknown {
  const actor = createActor(machine, { input: {} }).start();
  for (const slot of catalog.slots.slice(0, 3))
    actor.send({ type: 'option.choose', slot: slot.id, option: slot.options.at(-1)?.id ?? '' });
  actor.send({ type: 'history.undo' });
  const saved = JSON.parse(JSON.stringify(persistSession(actor))) as unknown;
  actor.stop();
  return saved;
}
const saved = savedSession();

const slotIds = [...catalog.slots.map((s) => s.id), 'gone', 'constructor'];
const optionIds = [...catalog.slots.flatMap((s) => s.options.map((o) => o.id)), 'withdrawn', 'toString'];
const build: fc.Arbitrary<Build> = fc.dictionary(
  fc.constantFrom(...slotIds),
  fc.dictionary(fc.constantFrom(...optionIds), fc.integer({ min: 1, max: 64 }), { minKeys: 1, maxKeys: 3 }),
  { maxKeys: 4 },
);
/** Well-formed envelopes whose content is arbitrary: unknown or clashing options, other versions, odd steps. */
const wellFormed = fc.record({
  format: fc.constant(1),
  catalogId: fc.constantFrom(catalog.id, catalog.id, 'car'),
  catalogVersion: fc.constantFrom(catalog.version, catalog.version, '2020.1.0'),
  snapshot: fc.record({
    status: fc.constant('active'),
    value: fc.constantFrom('editing', 'repairing', 'saving'),
    context: fc.record({
      choices: build,
      past: fc.array(build, { maxLength: 3 }),
      future: fc.array(build, { maxLength: 2 }),
      step: fc.constantFrom(...catalog.groups.map((g) => g.id), '', 'nowhere', '__proto__'),
    }),
  }),
});
const longHistory = fc.constant(SESSION_HISTORY + 1).map((n) => {
  const s = structuredClone(saved) as { snapshot: { context: { past: unknown[] } } };
  s.snapshot.context.past = Array.from({ length: n }, () => ({}));
  return s;
});

/** What is wrong with restoring `data`, if anything. */
function problemOf(data: unknown): string | undefined {
  let resolved: ReturnType<typeof resolveSession> | undefined;
  const thrown = thrownBy(() => (resolved = resolveSession(machine, configurator, data)));
  if (thrown !== undefined) {
    if (!(thrown instanceof SessionRestoreError)) return `threw ${String(thrown)}`;
    if (thrown.message.startsWith('not a saved session: ') && !thrown.message.includes('$'))
      return `no path in "${thrown.message}"`;
    return undefined;
  }
  if (resolved === undefined) return 'nothing resolved';
  const actor = createActor(machine, resolved.start);
  const started = thrownBy(() => actor.start());
  if (started !== undefined) return `start threw ${String(started)}`;
  const { status, context } = actor.getSnapshot();
  actor.stop();
  if (status !== 'active') return `status ${status}`;
  if (!buildSchema.safeParse(context.choices).success) return `choices ${JSON.stringify(context.choices)}`;
  if (!configurator.state(context.choices).consistent)
    return `restored inconsistent choices ${JSON.stringify(context.choices)}`;
  return undefined;
}

describe('saved sessions, fuzzed', () => {
  it('restores the real saved session as it was', () => {
    expect(problemOf(saved)).toBeUndefined();
    expect(resolveSession(machine, configurator, saved).dropped).toEqual([]);
  });

  it(`${FUZZ_RUNS} random, mutated and well-formed snapshots: a running session the engine accepts, or a SessionRestoreError`, () => {
    const data = fc.oneof(
      { weight: 3, arbitrary: mutationOf(saved).map((m) => mutate(saved, m)) },
      { weight: 3, arbitrary: wellFormed },
      { weight: 1, arbitrary: anyValue },
      { weight: 1, arbitrary: wellFormed.chain((w) => mutationOf(w).map((m) => mutate(w, m))) },
      { weight: 1, arbitrary: longHistory },
    );
    fc.assert(
      fc.property(data, (d) => {
        expect(problemOf(d)).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
