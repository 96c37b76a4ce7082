import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { catalogWords, validateCatalog } from '../../core/catalog/index.ts';
import { resources } from '../../ui/i18n/resources.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { evidenceText, reasonText } from './mark-hint.tsx';
import type { PopularMark } from '../../core/configurator/popular-marks.ts';

const mini = validateCatalog(
  {
    ...miniCatalog(),
    translations: {
      de: {
        options: { 'mb-b650': { name: 'B650-Platine' } },
        slots: { gpu: { name: 'Grafikkarte' } },
        attributes: { socket: { label: 'Sockel' } },
      },
    },
  },
  'mini.json',
);
const wordsIn = (lng: 'en' | 'de' | 'zh') => catalogWords(mini, lng);

async function translator(lng: 'en' | 'de' | 'zh') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}
const numbers = { percent: (x: number) => `${Math.round(100 * x)}%`, count: String };

async function words(lng: 'en' | 'de', mark: PopularMark) {
  return reasonText(mark, wordsIn(lng), await translator(lng), numbers);
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
      '30% der Käufer von Ryzen 5 mit 2 × 1 TB NVMe mit kein(e) Grafikkarte wählten B650-Platine (40 Bestellungen).',
    );
  });

  it('words the other reasons', async () => {
    const all = { ...board, reason: { kind: 'all-buyers', share: 0.25, cars: 120 } } as const;
    expect(await words('en', all)).toBe('25% of all buyers chose B650 (120 orders).');
    const own = { ...board, reason: { kind: 'own-builds', chosen: 3, builds: 4 } } as const;
    expect(await words('en', own)).toBe('You chose B650 in 3 of your 4 builds.');
  });

  it('says why an option is recommended for the customer: the preference behind it, in three languages', async () => {
    const socket = {
      kind: 'attribute',
      attribute: 'socket',
      value: 'LGA1700',
      chosen: 3,
      of: 4,
      corrected: null,
    } as const;
    const say = async (lng: 'en' | 'de' | 'zh', evidence: Parameters<typeof evidenceText>[1]) =>
      evidenceText('mb-z790', evidence, wordsIn(lng), await translator(lng), numbers);
    expect(await say('en', socket)).toBe(
      'Recommended for you: Z790, as you chose LGA1700 (Socket) in 3 of 4 choices.',
    );
    expect(await say('de', socket)).toBe(
      'Für Sie empfohlen: Z790, da Sie LGA1700 (Sockel) bei 3 von 4 Entscheidungen gewählt haben.',
    );
    expect(await say('zh', socket)).toBe('为您推荐：Z790，因为您在 4 次选择中有 3 次选了LGA1700（Socket）。');
    expect(await say('en', { kind: 'option', slot: 'board', chosen: 1, of: 1, corrected: null })).toBe(
      'Recommended for you: Z790, which you chose in 1 of your 1 Motherboard choice.',
    );
    expect(await say('en', { ...socket, corrected: 0.9 })).toBe(
      'Recommended for you: Z790, as you set LGA1700 (Socket) to 90% in your preferences.',
    );
    expect(
      await say('en', { kind: 'price', slot: 'board', choices: 5, position: 0.8, corrected: null }),
    ).toBe(
      'Recommended for you: Z790, priced where your 5 Motherboard choices sit (80% of the price range).',
    );
    // A stored-preferences mark from the recommender says the same, not a generic sentence.
    const preferred: PopularMark = {
      optionId: 'mb-z790',
      source: 'preferences',
      reason: { kind: 'preferences' },
    };
    expect(reasonText(preferred, wordsIn('en'), await translator('en'), numbers, { 'mb-z790': socket })).toBe(
      await say('en', socket),
    );
  });
});
