import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { validateCatalog } from '../../core/catalog/index.ts';
import { Configurator } from '../../core/configurator/configurator.ts';
import { resources } from '../../ui/i18n/resources.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { reasonText } from './popular-hint.tsx';
import type { PopularMark } from '../../core/configurator/popular-marks.ts';

const mini = new Configurator(validateCatalog(miniCatalog(), 'mini.json'));

async function words(lng: 'en' | 'de', mark: PopularMark) {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, interpolation: { escapeValue: false } });
  const percent = (x: number) => `${Math.round(100 * x)}%`;
  return reasonText(mark, mini, i18n.t, percent, String);
}

const board: PopularMark = {
  optionId: 'mb-b650',
  source: 'population',
  reason: {
    kind: 'buyers',
    // Buyers of the Ryzen with two 1 TB drives and no graphics card.
    given: [
      { slot: 'cpu', option: 'cpu-amd', quantity: 1 },
      { slot: 'disk', option: 'ssd-1tb', quantity: 2 },
      { slot: 'gpu', quantity: 0 },
    ],
    share: 0.8,
    cars: 40,
  },
};

describe('a mark’s reason in the shopper’s words', () => {
  it('names options by their catalog names, with quantities and “none”', async () => {
    expect(await words('en', board)).toBe(
      'Most buyers of Ryzen 5 with 2 × 1 TB NVMe with no Graphics card chose B650 (80% of 40 orders).',
    );
    expect(
      await words('de', { ...board, reason: { ...board.reason, share: 0.3 } as PopularMark['reason'] }),
    ).toBe(
      '30% der Käufer von Ryzen 5 mit 2 × 1 TB NVMe mit kein(e) Graphics card wählten B650 (40 Bestellungen).',
    );
  });

  it('words the other reasons', async () => {
    const all = { ...board, reason: { kind: 'all-buyers', share: 0.25, cars: 120 } } as const;
    expect(await words('en', all)).toBe('25% of all buyers chose B650 (120 orders).');
    const own = { ...board, reason: { kind: 'own-builds', chosen: 3, builds: 4 } } as const;
    expect(await words('en', own)).toBe('You chose B650 in 3 of your 4 builds.');
  });
});
