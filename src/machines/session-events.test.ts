import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { validateCatalog } from '../core/catalog/index.ts';
import { Configurator } from '../core/configurator/configurator.ts';
import { miniCatalog } from '../../test/fixtures/mini-catalog.ts';
import { createSessionMachine } from './session.machine.ts';
import { changeEvents, type SessionEmitted } from './session-events.ts';

const mini = new Configurator(validateCatalog(miniCatalog(), 'mini.json'));
const order = mini.catalog.slots.map((s) => s.id);
const incomplete = { before: false, after: false };

/** A started session and everything it emitted so far. */
function listen() {
  const actor = createActor(createSessionMachine(mini), { input: {} }).start();
  const emitted: SessionEmitted[] = [];
  actor.on('*', (event) => emitted.push(event));
  return { actor, emitted };
}

describe('changeEvents', () => {
  it('names every option added, removed or re-quantified, slot by slot', () => {
    const before = { cpu: { 'cpu-amd': 1 }, disk: { 'ssd-1tb': 1 } };
    const after = { cpu: { 'cpu-intel': 1 }, disk: { 'ssd-1tb': 2 } };
    expect(changeEvents(order, before, after, 'edit', incomplete)).toEqual([
      { type: 'config.unchose', slotId: 'cpu', optionId: 'cpu-amd' },
      { type: 'config.chose', slotId: 'cpu', optionId: 'cpu-intel', quantity: 1 },
      { type: 'config.chose', slotId: 'disk', optionId: 'ssd-1tb', quantity: 2 },
    ]);
    expect(changeEvents(order, after, after, 'edit', { before: true, after: true })).toEqual([]);
  });

  it('reports a repair as one event with its slot changes', () => {
    const before = { cpu: { 'cpu-amd': 1 }, board: { 'mb-b650': 1 } };
    const after = { cpu: { 'cpu-intel': 1 }, board: { 'mb-z790': 1 } };
    expect(changeEvents(order, before, after, 'repair', incomplete)).toEqual([
      {
        type: 'config.repaired',
        changes: [
          { slotId: 'cpu', removed: 'cpu-amd', added: 'cpu-intel' },
          { slotId: 'board', removed: 'mb-b650', added: 'mb-z790' },
        ],
      },
    ]);
  });
});

describe('session machine events', () => {
  it('emits a choice, a repair and the completion as they happen, and nothing for a cancelled repair', () => {
    const { actor, emitted } = listen();
    actor.send({ type: 'option.choose', slot: 'cpu', option: 'cpu-amd' });
    expect(emitted).toEqual([{ type: 'config.chose', slotId: 'cpu', optionId: 'cpu-amd', quantity: 1 }]);
    actor.send({ type: 'option.choose', slot: 'board', option: 'mb-z790' });
    actor.send({ type: 'repair.cancel' });
    expect(emitted).toHaveLength(1);
    actor.send({ type: 'option.choose', slot: 'board', option: 'mb-z790' });
    actor.send({ type: 'repair.accept', index: 0 });
    expect(emitted[1]).toEqual({
      type: 'config.repaired',
      changes: [
        { slotId: 'cpu', removed: 'cpu-amd', added: 'cpu-intel' },
        { slotId: 'board', removed: null, added: 'mb-z790' },
      ],
    });
    actor.send({ type: 'build.complete' });
    const last = emitted.at(-1);
    expect(last).toEqual({ type: 'config.completed', selections: actor.getSnapshot().context.choices });
    expect(emitted.filter((e) => e.type === 'config.completed')).toHaveLength(1);
  });

  it('emits an un-choice on undo and on removal, and nothing when re-choosing what is chosen', () => {
    const { actor, emitted } = listen();
    actor.send({ type: 'option.choose', slot: 'psu', option: 'psu-850' });
    actor.send({ type: 'option.choose', slot: 'psu', option: 'psu-850' });
    actor.send({ type: 'history.undo' });
    actor.send({ type: 'history.redo' });
    actor.send({ type: 'option.remove', slot: 'psu', option: 'psu-850' });
    expect(emitted.map((e) => e.type)).toEqual([
      'config.chose',
      'config.unchose',
      'config.chose',
      'config.unchose',
    ]);
  });
});
