// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createActor } from 'xstate';
import { parseCatalog, type Build } from '../../core/catalog/index.ts';
import { Configurator, optionStateOf } from '../../core/configurator/configurator.ts';
import { toCents } from '../../core/pricing/index.ts';
import { createSessionMachine } from '../../machines/session.machine.ts';
import type { OptionWeightsResponse } from '../../contract/preferences.schema.ts';
import { ConfigureHostContext, type ConfigureHost } from '../host.ts';
import { PersonalProvider } from './personal.tsx';
import { SessionContext } from './session-context.tsx';
import { SlotPanel } from './slot-panel.tsx';
import { recommendations } from './use-marks.ts';
import '../../ui/i18n/i18n.ts';

/** Every render of an option card, by option id: each card reads its state through this hook once per render. */
const renders = vi.hoisted(() => new Set<string>());
vi.mock('./option-state.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./option-state.ts')>();
  return {
    ...real,
    useOptionCardState: (...args: Parameters<typeof real.useOptionCardState>) => {
      renders.add(args[1].id);
      return real.useOptionCardState(...args);
    },
  };
});

const car = new Configurator(
  // jsdom replaces URL, so resolve from the project root (vitest's cwd)
  parseCatalog(readFileSync(join(process.cwd(), 'configs/catalogs/car.json'), 'utf8'), 'car.json'),
);

/** A signed-in customer with history: weights on a model, an engine, a paint, wheels and seats. */
const weights: Record<string, number> = {
  'model-lumo-sportwagon': 0.9,
  'eng-15t-110': 0.6,
  'paint-signal-red': 1.2,
  'wheel-17-kiruna': 0.5,
  'seat-comfort-cloth-heated': 0.4,
};
const reply: OptionWeightsResponse = {
  catalogId: 'car',
  catalogVersion: car.catalog.version,
  personalization: true,
  weights,
  evidence: Object.fromEntries(
    Object.keys(weights).map((id) => [
      id,
      {
        kind: 'option',
        slot: car.compiled.index.option.get(id)?.slot.id ?? '',
        chosen: 2,
        of: 3,
        corrected: null,
      },
    ]),
  ),
};

const host: ConfigureHost = {
  owner: { kind: 'shopper' },
  cacheKey: ['test'],
  personal: {
    weights: () => Promise.resolve(reply),
    similarBuilds: () => Promise.resolve({ builds: [] }),
  },
  buildHref: () => '#',
  CompleteAction: () => null,
};

/**
 * What each card shows, worked out from the engine directly: availability, quantities, chosen quantity, the price
 * it moves the total by, and its mark. A click must re-render exactly the cards where this changed.
 */
function shown(choices: Build): Map<string, string> {
  const view = car.state(choices);
  const recommended = recommendations(car, choices, weights);
  const cards = new Map<string, string>();
  for (const slot of car.catalog.slots) {
    const chosenId = slot.kind === 'multi' ? undefined : Object.keys(choices[slot.id] ?? {})[0];
    const chosenPrice = slot.options.find((o) => o.id === chosenId)?.price;
    for (const option of slot.options) {
      const state = optionStateOf(view, slot.id, option.id);
      const delta = toCents(option.price) - (chosenPrice === undefined ? 0 : toCents(chosenPrice));
      const mark = recommended.get(slot.id) === option.id;
      const card = [state?.available, state?.quantities, choices[slot.id]?.[option.id], delta, mark];
      cards.set(option.id, JSON.stringify(card));
    }
  }
  return cards;
}

const changed = (before: Map<string, string>, after: Map<string, string>) =>
  [...after].filter(([id, card]) => before.get(id) !== card).map(([id]) => id);

const actor = createActor(createSessionMachine(car), { input: {} });
const handle = { actor, configurator: car };

beforeAll(() => {
  // No sales to learn from here: no popular marks, only the customer's own.
  vi.stubGlobal('fetch', () => Promise.resolve(new Response('{}', { status: 404 })));
  actor.start();
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ConfigureHostContext.Provider value={host}>
        <SessionContext.Provider value={handle}>
          <PersonalProvider handle={handle}>
            {car.catalog.slots.map((slot) => (
              <SlotPanel key={slot.id} slot={slot} />
            ))}
          </PersonalProvider>
        </SessionContext.Provider>
      </ConfigureHostContext.Provider>
    </QueryClientProvider>,
  );
});

afterAll(() => {
  cleanup();
  actor.stop();
  vi.unstubAllGlobals();
});

describe('option cards for a signed-in customer', () => {
  it('re-render on a click only where their own availability, price, choice or mark changed', async () => {
    const option = (id: string) => document.querySelector(`[data-option="${id}"]`) as HTMLElement;
    await waitFor(() => expect(option('paint-signal-red').dataset.recommended).toBe('true'));
    expect(screen.getAllByTestId('mark-hint').length).toBeGreaterThan(0);
    const total = car.catalog.slots.reduce((n, s) => n + s.options.length, 0);
    // A model other than the recommended one, a paint, then an extra in a multi slot.
    for (const id of ['model-lumo-cross', 'paint-polar-white', 'pkg-winter']) {
      const before = shown(actor.getSnapshot().context.choices);
      renders.clear();
      act(() => fireEvent.click(option(id)));
      const expected = changed(before, shown(actor.getSnapshot().context.choices));
      expect(expected).toContain(id);
      expect([...renders].sort()).toEqual(expected.sort());
      // The point: most cards are left alone.
      expect(renders.size).toBeLessThan(total / 2);
    }
  });
});
