/**
 * The one-to-one side on a real catalog: stored preferences (the profile's optionWeights) and past builds steer the
 * recommendation of a slot, with their evidence in words; turned off, they change nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/core/catalog/index.ts';
import { compileCatalog } from '../../src/core/configurator/compile-catalog.ts';
import { compileModel } from '../../src/core/engine/compile.ts';
import { complete } from '../../src/core/engine/complete.ts';
import {
  emptyProfile,
  learnChoices,
  optionWeights,
  setPersonalization,
} from '../../src/core/profile/index.ts';
import { preferencesFromOptionWeights } from '../../src/core/recommend/personal.ts';
import { learnRecommender, recommend } from '../../src/core/recommend/recommend.ts';
import { seededRandom } from '../../src/core/recommend/random.ts';

const file = fileURLToPath(new URL('../../configs/catalogs/car.json', import.meta.url));
const cm = compileCatalog(parseCatalog(readFileSync(file, 'utf8'), file));
const d = compileModel(cm.model, { order: cm.order });
const paint = cm.model.variables.findIndex((v) => v.name === 'paint');
const values = (cm.model.variables[paint] as { values: readonly string[] }).values;

/** 60 valid builds, each the best completion under random per-value tastes. */
function soldBuilds() {
  const random = seededRandom(11);
  const rows: number[] = [];
  for (let i = 0; i < 60; i++) {
    const taste = new Map<string, number>();
    const build = complete(
      d,
      new Map(),
      (x, v) => {
        const key = `${x}:${v}`;
        if (!taste.has(key)) taste.set(key, random());
        return taste.get(key) as number;
      },
      true,
    );
    if (build) rows.push(...cm.userVariables.map((x) => build.build[x] as number));
  }
  return {
    variables: Int32Array.from(cm.userVariables),
    rows: Int32Array.from(rows),
    count: rows.length / cm.userVariables.length,
  };
}

describe('recommendations for one customer on the car catalog', () => {
  const rec = learnRecommender(cm.model, soldBuilds(), { diagram: d, seed: 3 });
  const now = '2026-11-25T12:00:00Z';
  const choices = [0, 1, 2].map((i) => ({
    catalogId: cm.catalog.id,
    slotId: 'paint',
    optionId: 'paint-lagoon-teal',
    at: `2026-11-2${i}T10:00:00Z`,
  }));
  const profile = learnChoices(emptyProfile(), cm.index, choices);
  const teal = values.indexOf('paint-lagoon-teal');

  it('ranks the colour the customer keeps choosing first, and says why', () => {
    const preferences = preferencesFromOptionWeights(cm.model, optionWeights(profile, cm.index, now));
    expect(preferences.get(paint)?.get(teal)).toBeGreaterThan(0);
    const r = recommend(rec, d, new Map(), paint, {
      customer: { personalization: true, builds: [], preferences },
    });
    expect(r?.ranked[0]?.value).toBe(teal);
    expect(r?.explanation).toBe('Your stored preferences favour paint=paint-lagoon-teal.');
    const past = [teal, teal, teal, values.indexOf('paint-signal-red')].map((v) => new Map([[paint, v]]));
    const both = recommend(rec, d, new Map(), paint, {
      customer: { personalization: true, builds: past, preferences },
    });
    expect(both?.explanation).toBe('You chose paint=paint-lagoon-teal in 3 of your 4 builds.');
    expect(both?.personalWeight).toBeGreaterThan(r?.personalWeight ?? 1);
  });

  it('uses nothing of the customer once personalization is off', () => {
    const off = setPersonalization(profile, false);
    const preferences = preferencesFromOptionWeights(cm.model, optionWeights(off, cm.index, now));
    expect(preferences.size).toBe(0);
    const past = [new Map([[paint, teal]])];
    const alone = recommend(rec, d, new Map(), paint);
    expect(
      recommend(rec, d, new Map(), paint, {
        customer: { personalization: false, builds: past, preferences },
      }),
    ).toEqual(alone);
  });
});
