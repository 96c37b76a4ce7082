import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createActor, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import {
  indexCatalog,
  parseCatalog,
  structuralProblems,
  validateCatalog,
  type Catalog,
} from '../core/catalog/index.ts';
import { priceBuild } from '../core/pricing/index.ts';
import { Configurator } from '../core/configurator/configurator.ts';
import { createSessionMachine, type SessionEvent, type SessionMachine } from './session.machine.ts';
import { persistSession, restoreSession, SessionRestoreError } from './session-persistence.ts';
import { miniCatalog } from '../../test/fixtures/mini-catalog.ts';

/**
 * Every pass over the decision diagram (the engine's valid-domains query, or its consistency test) is counted; it
 * still runs as it is.
 */
const diagramPasses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../core/engine/domains.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../core/engine/domains.ts')>();
  return {
    ...real,
    validDomains: (...args: Parameters<typeof real.validDomains>) => {
      diagramPasses.count++;
      return real.validDomains(...args);
    },
  };
});
vi.mock('../core/engine/diagram.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../core/engine/diagram.ts')>();
  return {
    ...real,
    isConsistent: (...args: Parameters<typeof real.isConsistent>) => {
      diagramPasses.count++;
      return real.isConsistent(...args);
    },
  };
});

const mini = new Configurator(validateCatalog(miniCatalog(), 'mini.json'));
const carCatalog = parseCatalog(
  readFileSync(new URL('../../configs/catalogs/car.json', import.meta.url), 'utf8'),
  'configs/catalogs/car.json',
);
const car = new Configurator(carCatalog);
// The PC has a single slot with a quantity (memory: a kit, how many), whose guard reads the slot's quantities.
const pc = new Configurator(
  parseCatalog(
    readFileSync(new URL('../../configs/catalogs/pc.json', import.meta.url), 'utf8'),
    'configs/catalogs/pc.json',
  ),
);

type Snapshot = SnapshotFrom<SessionMachine>;

/** What must hold after every event: a completable build, priced as the pricing module prices it. */
function expectSound(configurator: Configurator, snapshot: Snapshot) {
  const { choices, view } = snapshot.context;
  expect(view.consistent).toBe(true);
  expect(configurator.state(choices).consistent).toBe(true);
  expect(structuralProblems(indexCatalog(configurator.catalog), choices, false)).toEqual([]);
  expect(view.price.totalCents).toBe(priceBuild(indexCatalog(configurator.catalog), choices).totalCents);
}

/**
 * The guards decide from the view: what they let through is what the engine answers for the choices (an option
 * is chosen iff the engine can choose it, a quantity set iff the engine accepts it).
 */
function expectEngineAnswer(
  configurator: Configurator,
  before: Snapshot,
  event: SessionEvent,
  after: Snapshot,
) {
  const { choices } = before.context;
  if (event.type === 'option.choose') {
    const next = configurator.choose(choices, event.slot, event.option);
    expect(after.matches('repairing')).toBe(next === null);
    if (next) expect(after.context.choices).toEqual(next);
  }
  if (event.type === 'quantity.set') {
    const next = configurator.setQuantity(choices, event.slot, event.option, event.quantity);
    expect(after.context.choices).toEqual(next ?? choices);
  }
}

const start = (configurator: Configurator) =>
  createActor(createSessionMachine(configurator), { input: {} }).start();

describe('session machine', () => {
  it('chooses available options and keeps a completable build', () => {
    const actor = start(mini);
    actor.send({ type: 'option.choose', slot: 'cpu', option: 'cpu-intel' });
    const s = actor.getSnapshot();
    expect(s.matches('editing')).toBe(true);
    expect(s.context.choices).toEqual({ cpu: { 'cpu-intel': 1 } });
    // The i9 has no integrated graphics: the empty GPU slot is no longer allowed, the Z790 is the only board.
    const board = s.context.view.slots.find((x) => x.slot === 'board');
    expect(board?.options.filter((o) => o.available).map((o) => o.id)).toEqual(['mb-z790']);
    expect(s.context.view.slots.find((x) => x.slot === 'gpu')?.emptyAvailable).toBe(false);
    expectSound(mini, s);
  });

  it('offers the smallest repair for an unavailable option and applies it on accept', () => {
    const actor = start(mini);
    actor.send({ type: 'option.choose', slot: 'cpu', option: 'cpu-amd' });
    actor.send({ type: 'option.choose', slot: 'board', option: 'mb-b650' });
    actor.send({ type: 'option.choose', slot: 'board', option: 'mb-z790' });
    let s = actor.getSnapshot();
    expect(s.matches('repairing')).toBe(true);
    expect(s.context.pending?.explanation?.choices).toEqual([
      { slot: 'cpu', option: 'cpu-amd', quantity: 1 },
    ]);
    expect(s.context.pending?.explanation?.rules.map((r) => r.id)).toContain('socket-match');
    const [best] = s.context.pending?.repairs ?? [];
    expect(best?.changes).toEqual([{ slot: 'cpu', from: ['cpu-amd'], to: ['cpu-intel'] }]);
    actor.send({ type: 'repair.accept', index: 0 });
    s = actor.getSnapshot();
    expect(s.matches('editing')).toBe(true);
    expect(s.context.choices.board).toEqual({ 'mb-z790': 1 });
    expect(s.context.choices.cpu).toEqual({ 'cpu-intel': 1 });
    expectSound(mini, s);
  });

  it('adds no undo step when an option is chosen again', () => {
    const actor = start(mini);
    actor.send({ type: 'option.choose', slot: 'cpu', option: 'cpu-amd' });
    actor.send({ type: 'option.choose', slot: 'cpu', option: 'cpu-amd' });
    expect(actor.getSnapshot().context.past).toEqual([{}]);
  });

  it('cancels a repair without touching the build, and undoes and redoes choices', () => {
    const actor = start(mini);
    actor.send({ type: 'option.choose', slot: 'cpu', option: 'cpu-amd' });
    actor.send({ type: 'option.choose', slot: 'board', option: 'mb-z790' });
    actor.send({ type: 'repair.cancel' });
    expect(actor.getSnapshot().context.choices).toEqual({ cpu: { 'cpu-amd': 1 } });
    actor.send({ type: 'option.choose', slot: 'psu', option: 'psu-850' });
    actor.send({ type: 'history.undo' });
    expect(actor.getSnapshot().context.choices).toEqual({ cpu: { 'cpu-amd': 1 } });
    actor.send({ type: 'history.redo' });
    expect(actor.getSnapshot().context.choices.psu).toEqual({ 'psu-850': 1 });
    expect(actor.getSnapshot().context.future).toEqual([]);
  });

  it('finishes the build with the cheapest completion', () => {
    const actor = start(mini);
    actor.send({ type: 'build.complete' });
    const s = actor.getSnapshot();
    expect(s.context.view.complete).toBe(true);
    // Cheapest valid PC: AMD (igpu, so no GPU), B650, 450 W, one SSD.
    expect(s.context.choices).toEqual({
      cpu: { 'cpu-amd': 1 },
      board: { 'mb-b650': 1 },
      psu: { 'psu-450': 1 },
      disk: { 'ssd-1tb': 1 },
    });
  });

  it('asks the engine once per click for the new build and once for its view', () => {
    const configurator = new Configurator(mini.catalog);
    const actor = start(configurator);
    const asked = (method: 'choose' | 'setQuantity' | 'complete' | 'state') => vi.spyOn(configurator, method);
    const spies = { choose: asked('choose'), setQuantity: asked('setQuantity'), complete: asked('complete') };
    const state = asked('state');
    const answer = (event: SessionEvent) => {
      for (const spy of [...Object.values(spies), state]) spy.mockClear();
      diagramPasses.count = 0;
      actor.send(event);
      return {
        asked: Object.fromEntries(Object.entries(spies).map(([name, spy]) => [name, spy.mock.calls.length])),
        views: state.mock.calls.length,
        passes: diagramPasses.count,
      };
    };
    // A single slot: the new build (one pass), then its view (one pass).
    expect(answer({ type: 'option.choose', slot: 'cpu', option: 'cpu-intel' })).toEqual({
      asked: { choose: 1, setQuantity: 0, complete: 0 },
      views: 1,
      passes: 2,
    });
    expect(answer({ type: 'option.choose', slot: 'disk', option: 'ssd-1tb' })).toMatchObject({
      asked: { choose: 1, setQuantity: 0, complete: 0 },
      views: 1,
      passes: 2,
    });
    expect(answer({ type: 'quantity.set', slot: 'disk', option: 'ssd-1tb', quantity: 2 })).toEqual({
      asked: { choose: 0, setQuantity: 1, complete: 0 },
      views: 1,
      passes: 2,
    });
    expect(answer({ type: 'build.complete' })).toMatchObject({
      asked: { choose: 0, setQuantity: 0, complete: 1 },
      views: 1,
    });
    // An unavailable option: no new build, the repair offer instead (its own queries, not a choice).
    expect(answer({ type: 'option.choose', slot: 'board', option: 'mb-b650' })).toMatchObject({
      asked: { choose: 0, setQuantity: 0, complete: 0 },
      views: 0,
    });
    expect(actor.getSnapshot().matches('repairing')).toBe(true);
  });

  it('restores a persisted session exactly, history included, from JSON', () => {
    const actor = start(car);
    const model = car.catalog.slots[0]?.options[1]?.id ?? '';
    actor.send({ type: 'option.choose', slot: 'model', option: model });
    actor.send({ type: 'build.complete' });
    actor.send({ type: 'step.go', step: car.catalog.groups[1]?.id ?? '' });
    const json = JSON.parse(JSON.stringify(persistSession(actor))) as unknown;
    const { actor: restored, dropped } = restoreSession(car, json);
    restored.start();
    const a = actor.getSnapshot().context;
    const b = restored.getSnapshot().context;
    expect(dropped).toEqual([]);
    expect(b.choices).toEqual(a.choices);
    expect(b.past).toEqual(a.past);
    expect(b.step).toEqual(a.step);
    expect(b.view).toEqual(a.view);
    restored.send({ type: 'history.undo' });
    expect(restored.getSnapshot().context.choices).toEqual({ model: { [model]: 1 } });
  });

  it('restores a session from an older catalog version with a report of what no longer fits', () => {
    const actor = start(car);
    actor.send({ type: 'build.complete' });
    const before = actor.getSnapshot().context.choices;
    const paint = Object.keys(before.paint ?? {})[0] ?? '';
    const next: Catalog = {
      ...car.catalog,
      version: '2027.1.0',
      slots: car.catalog.slots.map((s) =>
        s.id === 'paint' ? { ...s, options: s.options.filter((o) => o.id !== paint) } : s,
      ),
      rules: car.catalog.rules,
    };
    const {
      actor: restored,
      dropped,
      fromVersion,
    } = restoreSession(new Configurator(next), persistSession(actor));
    expect(fromVersion).toBe(car.catalog.version);
    expect(dropped).toEqual([{ slot: 'paint', option: paint, reason: 'not offered' }]);
    const choices = restored.start().getSnapshot().context.choices;
    expect(choices.paint).toBeUndefined();
    expect(choices.model).toEqual(before.model);
  });

  it('refuses data that is not a session, naming the path', () => {
    expect(() =>
      restoreSession(car, {
        format: 1,
        catalogId: 'car',
        catalogVersion: 'x',
        snapshot: { status: 'active', value: 'editing', context: { choices: { model: { m: 0 } } } },
      }),
    ).toThrow(SessionRestoreError);
    expect(() =>
      restoreSession(car, {
        format: 1,
        catalogId: 'car',
        catalogVersion: 'x',
        snapshot: { status: 'active', value: 'editing', context: { choices: { model: { m: 0 } } } },
      }),
    ).toThrow(/\$\.snapshot\.context\.choices\.model\.m/);
    expect(() => restoreSession(car, { ...persistSession(start(mini)) })).toThrow(
      'this session is for "mini", not "car"',
    );
  });
});

/**
 * The events a shopper can send in a state: each option and removal of the given slots, and the repair answers
 * (history and completion are left to the property test: they depend on more than the serialised state).
 */
function eventsFor(configurator: Configurator, s: Snapshot, slots: readonly string[]): SessionEvent[] {
  const events: SessionEvent[] = [];
  for (const slot of configurator.catalog.slots.filter((x) => slots.includes(x.id)))
    for (const o of slot.options) {
      events.push({ type: 'option.choose', slot: slot.id, option: o.id });
      if (s.context.choices[slot.id]?.[o.id])
        events.push({ type: 'option.remove', slot: slot.id, option: o.id });
    }
  if (s.context.pending) events.push({ type: 'repair.accept', index: 0 }, { type: 'repair.cancel' });
  return events;
}

describe('session machine, model-based', () => {
  it('walks the shortest paths to every session state of a small catalog and stays sound on each', () => {
    const machine = createSessionMachine(mini);
    const paths = getShortestPaths(machine, {
      input: {},
      events: (s) => eventsFor(mini, s, ['cpu', 'board', 'gpu', 'psu']),
      serializeState: (s) =>
        `${JSON.stringify(s.value)}|${JSON.stringify(s.context.choices)}|${JSON.stringify(s.context.pending?.option ?? null)}`,
      limit: 200_000,
    });
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.some((p) => p.state.matches('repairing'))).toBe(true);
    expect(paths.some((p) => Object.keys(p.state.context.choices).length === 4)).toBe(true);
    for (const path of paths) {
      const actor = start(mini);
      for (const step of path.steps) {
        actor.send(step.event);
        expectSound(mini, actor.getSnapshot());
      }
      expect(actor.getSnapshot().context.choices).toEqual(path.state.context.choices);
    }
  });
});

describe('session machine, property', () => {
  const eventArb = (configurator: Configurator): fc.Arbitrary<SessionEvent> => {
    const options = configurator.catalog.slots.flatMap((s) =>
      s.options.map((o) => ({ slot: s.id, option: o.id })),
    );
    const pick = fc.constantFrom(...options);
    return fc.oneof(
      { weight: 6, arbitrary: pick.map((p) => ({ type: 'option.choose' as const, ...p })) },
      { weight: 2, arbitrary: pick.map((p) => ({ type: 'option.remove' as const, ...p })) },
      {
        weight: 1,
        arbitrary: fc
          .record({ p: pick, quantity: fc.integer({ min: 1, max: 3 }) })
          .map(({ p, quantity }) => ({ type: 'quantity.set' as const, ...p, quantity })),
      },
      { weight: 2, arbitrary: fc.nat(3).map((index) => ({ type: 'repair.accept' as const, index })) },
      { weight: 1, arbitrary: fc.constant({ type: 'repair.cancel' as const }) },
      { weight: 1, arbitrary: fc.constant({ type: 'history.undo' as const }) },
      { weight: 1, arbitrary: fc.constant({ type: 'history.redo' as const }) },
      { weight: 1, arbitrary: fc.constant({ type: 'build.complete' as const }) },
    );
  };

  for (const [name, configurator, runs] of [
    ['mini', mini, 200],
    ['car', car, 60],
    ['pc', pc, 30],
  ] as const)
    it(`any sequence of events leaves the ${name} session completable and priced as the engine prices it`, () => {
      fc.assert(
        fc.property(fc.array(eventArb(configurator), { maxLength: 30 }), (events) => {
          const actor = start(configurator);
          for (const event of events) {
            const before = actor.getSnapshot();
            actor.send(event);
            const after = actor.getSnapshot();
            expectSound(configurator, after);
            if (before.matches('editing')) expectEngineAnswer(configurator, before, event, after);
          }
        }),
        { numRuns: runs },
      );
    });
});
