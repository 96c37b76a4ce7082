import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../catalog/build.ts';
import { validateCatalog } from '../catalog/load.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { explainProfile } from './explain.ts';
import {
  decayFactor,
  emptyProfile,
  learnChoice,
  learnChoices,
  PREFERENCE_HALF_LIFE_DAYS,
  resetProfile,
  setOverride,
  setPersonalization,
  type Choice,
} from './preferences.ts';
import { optionWeights, scoredOptions } from './weights.ts';

const optionEvidence = (...args: Parameters<typeof scoredOptions>) =>
  Object.fromEntries([...scoredOptions(...args)].map(([option, s]) => [option, s.evidence]));

const index = indexCatalog(validateCatalog(miniCatalog(), 'mini'));
const options = [...index.option.values()].map(({ slot, option }) => ({
  slotId: slot.id,
  optionId: option.id,
}));
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

const choiceArb: fc.Arbitrary<Choice> = fc
  .record({ pick: fc.constantFrom(...options), minutes: fc.integer({ min: 0, max: 60 * 24 * 365 }) })
  .map(({ pick, minutes }) => ({
    catalogId: index.catalog.id,
    ...pick,
    at: new Date(T0 + minutes * 60_000).toISOString(),
  }));
const choicesArb = fc.array(choiceArb, { maxLength: 30 });

describe('preference learning', () => {
  it('decay halves per half-life and never grows with time', () => {
    expect(decayFactor('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(1);
    const later = new Date(T0 + PREFERENCE_HALF_LIFE_DAYS * 86_400_000).toISOString();
    expect(decayFactor(new Date(T0).toISOString(), later)).toBeCloseTo(0.5);
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const from = new Date(T0).toISOString();
        const [near, far] = [Math.min(a, b), Math.max(a, b)].map((d) =>
          new Date(T0 + d * 86_400_000).toISOString(),
        );
        return decayFactor(from, far ?? from) <= decayFactor(from, near ?? from);
      }),
    );
  });

  it('a learned preference’s confidence only falls as time passes without new choices', () => {
    fc.assert(
      fc.property(choicesArb, fc.nat(1000), (choices, days) => {
        const profile = learnChoices(emptyProfile(), index, choices);
        const at = (d: number) => new Date(T0 + (366 + d) * 86_400_000).toISOString();
        const now = explainProfile(profile, at(0)).preferences;
        const later = explainProfile(profile, at(days)).preferences;
        return now.every(
          (p) => (later.find((q) => q.key === p.key)?.confidence ?? 0) <= p.confidence + 1e-12,
        );
      }),
    );
  });

  it('a choice raises the chosen value’s share; counts are the evidence', () => {
    const nvidiaLike = options.find((o) => index.option.get(o.optionId)?.option.attributes.socket === 'AM5');
    if (!nvidiaLike) throw new Error('fixture has no AM5 option');
    const profile = learnChoices(emptyProfile(), index, [
      { catalogId: 'mini', ...nvidiaLike, at: '2026-01-01T00:00:00.000Z' },
      { catalogId: 'mini', ...nvidiaLike, at: '2026-01-02T00:00:00.000Z' },
    ]);
    const socket = explainProfile(profile, '2026-01-03T00:00:00.000Z').preferences.find(
      (p) => p.key === 'mini/attr/socket/AM5',
    );
    expect(socket).toMatchObject({ score: 1, evidence: 'You chose AM5 for Socket in 2 of 2 choices.' });
  });

  it('recent choices outweigh old ones', () => {
    const [a, b] = ['cpu-amd', 'cpu-intel'].map((optionId) => ({
      catalogId: 'mini',
      slotId: 'cpu',
      optionId,
    }));
    if (!a || !b) throw new Error('fixture');
    const profile = learnChoices(emptyProfile(), index, [
      { ...a, at: '2025-01-01T00:00:00.000Z' },
      { ...b, at: '2026-01-01T00:00:00.000Z' },
    ]);
    const shares = explainProfile(profile, '2026-01-01T00:00:00.000Z').preferences;
    const share = (id: string) => shares.find((p) => p.key === `mini/slot/cpu/${id}`)?.score ?? 0;
    expect(share('cpu-intel')).toBeGreaterThan(share('cpu-amd'));
  });

  it('reset empties everything learned and corrected, keeping the switch', () => {
    fc.assert(
      fc.property(choicesArb, fc.boolean(), (choices, on) => {
        const profile = setPersonalization(
          setOverride(learnChoices(emptyProfile(), index, choices), 'mini/price/cpu', 0.3),
          on,
        );
        const reset = resetProfile(profile);
        return (
          reset.personalization === on &&
          Object.keys(reset.affinities).length === 0 &&
          Object.keys(reset.priceBands).length === 0 &&
          Object.keys(reset.overrides).length === 0 &&
          explainProfile(reset, '2026-06-01T00:00:00Z').preferences.length === 0
        );
      }),
    );
  });

  it('with personalization off, choices change nothing and no weights come out', () => {
    fc.assert(
      fc.property(choicesArb, choicesArb, (before, after) => {
        const off = setPersonalization(learnChoices(emptyProfile(), index, before), false);
        const next = learnChoices(off, index, after);
        return next === off && Object.keys(optionWeights(next, index, '2026-06-01T00:00:00Z')).length === 0;
      }),
    );
  });

  it('unknown options and options of another slot are ignored', () => {
    const profile = emptyProfile();
    expect(
      learnChoice(profile, index, {
        catalogId: 'mini',
        slotId: 'cpu',
        optionId: 'nope',
        at: '2026-01-01T00:00:00Z',
      }),
    ).toBe(profile);
    const other = options.find((o) => o.slotId !== 'cpu');
    if (!other) throw new Error('fixture');
    expect(
      learnChoice(profile, index, {
        catalogId: 'mini',
        slotId: 'cpu',
        optionId: other.optionId,
        at: '2026-01-01T00:00:00Z',
      }),
    ).toBe(profile);
  });

  it('weights are finite and non-negative, and corrections show in them', () => {
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const weights = optionWeights(
          learnChoices(emptyProfile(), index, choices),
          index,
          '2027-01-01T00:00:00Z',
        );
        return Object.values(weights).every((w) => Number.isFinite(w) && w >= 0);
      }),
    );
    const corrected = setOverride(emptyProfile(), 'mini/attr/socket/LGA1700', 1);
    const weights = optionWeights(corrected, index, '2026-01-01T00:00:00Z');
    const intel = options.filter((o) => index.option.get(o.optionId)?.option.attributes.socket === 'LGA1700');
    for (const o of intel) expect(weights[o.optionId]).toBe(1);
  });

  it('names, for every scored option, the preference that adds most to its score, with its counts', () => {
    const now = '2027-01-01T00:00:00Z';
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const profile = learnChoices(emptyProfile(), index, choices);
        const evidence = optionEvidence(profile, index, now);
        expect(Object.keys(evidence).sort()).toEqual(Object.keys(optionWeights(profile, index, now)).sort());
        for (const e of Object.values(evidence)) {
          const counted = e.kind === 'price' ? e.choices : e.of;
          expect(counted).toBeLessThanOrEqual(choices.length);
          if (e.kind !== 'price') expect(e.chosen).toBeLessThanOrEqual(e.of);
        }
      }),
    );
    // Three Intel processors of four: the Intel board scores for its socket, "3 of 4".
    const at = '2026-06-01T00:00:00Z';
    const cpu = (optionId: string) => ({ catalogId: 'mini', slotId: 'cpu', optionId, at });
    const learned = learnChoices(emptyProfile(), index, [
      cpu('cpu-intel'),
      cpu('cpu-intel'),
      cpu('cpu-amd'),
      cpu('cpu-intel'),
    ]);
    expect(optionEvidence(learned, index, at)['mb-z790']).toEqual({
      kind: 'attribute',
      attribute: 'socket',
      value: 'LGA1700',
      chosen: 3,
      of: 4,
      corrected: null,
    });
    const corrected = setOverride(learned, 'mini/attr/socket/AM5', 1);
    expect(optionEvidence(corrected, index, at)['mb-b650']).toMatchObject({ value: 'AM5', corrected: 1 });
  });
});
