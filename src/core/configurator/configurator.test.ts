import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexCatalog, structuralProblems, violations, type Build, type Catalog } from '../catalog/index.ts';
import { priceBuild } from '../pricing/index.ts';
import { Configurator } from './configurator.ts';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { validBuilds } from '../../../test/fixtures/brute-force.ts';

/** A complete build extends partial choices when it keeps every chosen option with its quantity. */
function extendsChoices(full: Build, partial: Build): boolean {
  return Object.entries(partial).every(([slot, chosen]) =>
    Object.entries(chosen).every(([option, qty]) => full[slot]?.[option] === qty),
  );
}

/** A catalog with random partial choices taken from one of its valid builds (or random options). */
const scenario = arbitraryCatalog.chain((catalog) => {
  const valid = validBuilds(catalog);
  const options = catalog.slots.flatMap((s) => s.options.map((o) => ({ slot: s.id, option: o.id })));
  return fc.record({
    catalog: fc.constant(catalog),
    valid: fc.constant(valid),
    from: valid.length > 0 ? fc.constantFrom(...valid) : fc.constant<Build>({}),
    keep: fc.array(fc.boolean(), { minLength: catalog.slots.length, maxLength: catalog.slots.length }),
    target: fc.constantFrom(...options),
  });
});

/** The choices without a slot's choice (or, given an option, without that option of a multi slot). */
function withoutChoice(partial: Build, slot: string, option?: string): Build {
  const out: Build = {};
  for (const [s, chosen] of Object.entries(partial)) {
    if (s !== slot) out[s] = chosen;
    else if (option !== undefined) {
      const rest = Object.fromEntries(Object.entries(chosen).filter(([o]) => o !== option));
      if (Object.keys(rest).length > 0) out[s] = rest;
    }
  }
  return out;
}

function partialOf(catalog: Catalog, from: Build, keep: boolean[]): Build {
  const partial: Build = {};
  catalog.slots.forEach((slot, i) => {
    const chosen = from[slot.id];
    if (keep[i] && chosen && Object.keys(chosen).length > 0) partial[slot.id] = chosen;
  });
  return partial;
}

describe('Configurator on random catalogs, against brute force', () => {
  it('shows exactly the options some valid build extending the choices has, and counts those builds', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, valid, from, keep }) => {
        const configurator = new Configurator(catalog);
        const partial = partialOf(catalog, from, keep);
        const extending = valid.filter((b) => extendsChoices(b, partial));
        const state = configurator.state(partial);
        expect(state.count).toBe(extending.length);
        expect(configurator.countExact(partial)).toBe(BigInt(extending.length));
        for (const slot of state.slots)
          for (const option of slot.options) {
            // Availability keeps every other choice: a single slot's own choice may switch, a multi option's
            // own quantity may change.
            const kind = catalog.slots.find((s) => s.id === slot.slot)?.kind;
            const others = withoutChoice(partial, slot.slot, kind === 'multi' ? option.id : undefined);
            const witnesses = valid.filter(
              (b) => extendsChoices(b, others) && (b[slot.slot]?.[option.id] ?? 0) > 0,
            );
            expect(option.available).toBe(witnesses.length > 0);
            if (kind === 'multi') {
              const quantities = [...new Set(witnesses.map((b) => b[slot.slot]?.[option.id] ?? 0))].sort();
              expect([...option.quantities].sort()).toEqual(quantities);
            }
          }
        // A single slot's quantity may change while its option and the other choices stay.
        for (const slot of state.slots) {
          const spec = catalog.slots.find((s) => s.id === slot.slot);
          if (spec?.kind !== 'single' || !spec.quantity || spec.quantity.max <= 1) continue;
          const [chosen] = Object.keys(partial[slot.slot] ?? {});
          const others = withoutChoice(partial, slot.slot);
          const quantities = valid
            .filter(
              (b) =>
                extendsChoices(b, others) && (chosen === undefined || b[slot.slot]?.[chosen] !== undefined),
            )
            .flatMap((b) => Object.values(b[slot.slot] ?? {}));
          expect([...slot.quantities].sort()).toEqual([...new Set(quantities)].sort());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('completes to the cheapest valid build that keeps the choices', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, valid, from, keep }) => {
        const configurator = new Configurator(catalog);
        const index = indexCatalog(catalog);
        const partial = partialOf(catalog, from, keep);
        const extending = valid.filter((b) => extendsChoices(b, partial));
        const done = configurator.complete(partial);
        if (extending.length === 0) {
          expect(done).toBeNull();
          return;
        }
        expect(done).not.toBeNull();
        const build = done as Build;
        expect(structuralProblems(index, build, true)).toEqual([]);
        expect(violations(index, build)).toEqual([]);
        expect(extendsChoices(build, partial)).toBe(true);
        expect(configurator.isComplete(build)).toBe(true);
        const cheapest = Math.min(...extending.map((b) => priceBuild(index, b).totalCents));
        expect(priceBuild(index, build).totalCents).toBe(cheapest);
      }),
      { numRuns: 200 },
    );
  });

  it('explains an unavailable option minimally and repairs it into a completable build', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, valid, from, keep, target }) => {
        const configurator = new Configurator(catalog);
        const partial = partialOf(catalog, from, keep);
        if (!configurator.state(partial).consistent) return;
        const option = configurator.state(partial).slots.find((s) => s.slot === target.slot)?.options;
        if (option?.find((o) => o.id === target.option)?.available) {
          expect(configurator.explain(partial, target.slot, target.option)).toBeNull();
          return;
        }
        const canExist = valid.some((b) => (b[target.slot]?.[target.option] ?? 0) > 0);
        const explanation = configurator.explain(partial, target.slot, target.option);
        expect(explanation).not.toBeNull();
        const repairs = configurator.repairs(partial, target.slot, target.option);
        if (!canExist) {
          expect(explanation?.choices).toEqual([]);
          expect(repairs).toEqual([]);
          return;
        }
        // The explaining choices alone exclude the option; without any one of them it is available again.
        const only = (refs: { slot: string; option: string }[]): Build => {
          const out: Build = {};
          for (const { slot, option } of refs)
            out[slot] = { ...out[slot], [option]: partial[slot]?.[option] ?? 1 };
          return out;
        };
        const availableWith = (b: Build) =>
          configurator
            .state(b)
            .slots.find((s) => s.slot === target.slot)
            ?.options.find((o) => o.id === target.option)?.available;
        const choices = explanation?.choices ?? [];
        expect(availableWith(only(choices))).toBe(false);
        for (const drop of choices) expect(availableWith(only(choices.filter((c) => c !== drop)))).toBe(true);
        expect(repairs.length).toBeGreaterThan(0);
        for (const repair of repairs) {
          expect(repair.build[target.slot]?.[target.option]).toBeGreaterThan(0);
          expect(configurator.state(repair.build).consistent).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
