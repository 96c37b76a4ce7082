import { describe, expect, it } from 'vitest';
import { i18n } from '../../ui/i18n/i18n.ts';
import { leaningEvidence, preferenceEvidence, preferenceTitle } from './evidence.ts';
import type { Preference } from './preference-item.tsx';

const gpu: Preference = {
  key: 'pc/attr/gpuBrand/NVIDIA',
  kind: 'affinity',
  catalogId: 'pc',
  dimension: 'GPU brand',
  value: 'NVIDIA',
  score: 1,
  confidence: 0.2,
  source: 'learned',
  evidence: 'You chose NVIDIA for GPU brand in 3 of 4 choices.',
};
const band: Preference = {
  ...gpu,
  key: 'pc/price/gpu',
  kind: 'price-band',
  dimension: 'Graphics card price',
  value: 'upper range',
  source: 'corrected',
  evidence: 'Your 4 Graphics card choices sit at 83% of its price range; you set it to 100%.',
};

describe('preference evidence in the page language', () => {
  const de = i18n.getFixedT('de');
  const zh = i18n.getFixedT('zh');

  it('keeps the server’s English as written', () => {
    expect(preferenceEvidence(gpu, i18n.getFixedT('en'), true)).toBe(gpu.evidence);
  });

  it('says the same figures in German and Chinese', () => {
    expect(preferenceEvidence(gpu, de, false)).toBe(
      'Sie haben NVIDIA (GPU brand) in 3 von 4 Entscheidungen gewählt.',
    );
    expect(preferenceEvidence(band, de, false)).toBe(
      'Ihre 4 Entscheidungen bei Graphics card liegen bei 83 % der Preisspanne. Sie haben es auf 100 % gesetzt.',
    );
    expect(preferenceTitle(band, de, false)).toEqual({
      dimension: 'Graphics card: Preis',
      value: 'Oberer Bereich',
    });
    expect(preferenceEvidence(gpu, zh, false)).toBe('在 4 次GPU brand选择中，您有 3 次选择了 NVIDIA。');
    expect(
      leaningEvidence(
        {
          catalogId: 'pc',
          position: 0.45,
          leaning: 'balanced',
          evidence: 'Across 86 choices you pick at 45% of the price range: a balance.',
        },
        de,
        false,
      ),
    ).toBe('Über 86 Entscheidungen wählen Sie bei 45 % der Preisspanne.');
  });

  it('shows a sentence of an unknown shape as the server wrote it', () => {
    const odd = { ...gpu, evidence: 'Something new.' };
    expect(preferenceEvidence(odd, de, false)).toBe('Something new.');
  });
});
