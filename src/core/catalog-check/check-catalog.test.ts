import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  indexCatalog,
  ruleHolds,
  structuralProblems,
  validateCatalog,
  type Build,
  type Catalog,
  type CatalogIndex,
} from '../catalog/index.ts';
import { allBuilds, validBuilds } from '../../../test/fixtures/brute-force.ts';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { checkCatalog } from './check-catalog.ts';
import { findingKinds, type Finding } from './finding.ts';

const key = (f: Pick<Finding, 'kind' | 'ids'>) => `${f.kind} ${f.kind === 'void' ? '' : (f.ids[0] ?? '')}`;
const total = (b: Build, slot: string) => Object.values(b[slot] ?? {}).reduce((t, q) => t + q, 0);
const has = (b: Build, slot: string, option: string) => (b[slot]?.[option] ?? 0) > 0;

/** Whether a rule, `package:<id>` or `slot:<id>` (met by every build the slots allow) holds on a build. */
function holds(index: CatalogIndex, b: Build, id: string): boolean {
  if (id.startsWith('slot:')) return true;
  const pkg = index.catalog.packages.find((p) => `package:${p.id}` === id);
  if (pkg)
    return !conditionHolds(index, b, pkg.option) || pkg.includes.every((i) => conditionHolds(index, b, i));
  const rule = index.catalog.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown id ${id}`);
  return ruleHolds(index, b, rule);
}

/** What each engine check must find on a catalog, by enumerating every build (cost prices and texts aside). */
function bruteForce(catalog: Catalog): string[] {
  const index = indexCatalog(catalog);
  const slotBuilds = [...allBuilds(catalog)].filter((b) => structuralProblems(index, b, true).length === 0);
  const valid = validBuilds(catalog);
  const out: string[] = [];
  if (valid.length === 0) out.push('void ');
  for (const rule of catalog.rules) {
    const holding = slotBuilds.filter((b) => ruleHolds(index, b, rule)).length;
    if (slotBuilds.length > 0 && holding === 0) out.push(`never-holds ${rule.id}`);
    if (slotBuilds.length > 0 && holding === slotBuilds.length) out.push(`always-holds ${rule.id}`);
  }
  if (valid.length === 0) return out.sort();
  for (const slot of catalog.slots) {
    for (const o of slot.options) {
      const inValid = valid.filter((b) => has(b, slot.id, o.id)).length;
      if (inValid === 0) out.push(`dead ${o.id}`);
      else if (inValid === valid.length && slotBuilds.some((b) => !has(b, slot.id, o.id)))
        out.push(`forced ${o.id}`);
    }
    const q = slot.quantity;
    if (q && (slot.kind === 'multi' || (slot.kind === 'single' && q.max > 1))) {
      const min = slot.kind === 'multi' ? q.min : Math.max(1, q.min);
      const reached = new Set(valid.map((b) => total(b, slot.id)));
      if (!reached.has(min) || !reached.has(q.max)) out.push(`quantity-unreachable ${slot.id}`);
    }
  }
  for (const pkg of catalog.packages)
    if (!valid.some((b) => has(b, pkg.option.slot, pkg.option.option))) out.push(`package-dead ${pkg.id}`);
  for (const rule of catalog.rules) {
    if (slotBuilds.every((b) => ruleHolds(index, b, rule))) continue;
    const without = { ...catalog, rules: catalog.rules.filter((r) => r !== rule) };
    if (validBuilds(without).length === valid.length) out.push(`redundant ${rule.id}`);
  }
  return out.sort();
}

const engineKinds = (f: Finding) => f.kind !== 'missing-price' && f.kind !== 'missing-translation';
const generous = { redundancyBudgetMs: 60_000, explainBudgetMs: 5_000 };

describe('checkCatalog against brute force', () => {
  it('finds exactly what enumerating every build finds, searching or compiling, with explanations that exclude the dead option and every build without a forced one', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        const findings = checkCatalog(catalog, undefined, generous);
        const expected = bruteForce(catalog);
        for (const f of findings) seen.add(f.kind);
        expect(findings.filter(engineKinds).map(key).sort()).toEqual(expected);
        // The same by compiling alone, the fallback of rules whose search runs out of time.
        const compiled = checkCatalog(catalog, undefined, { ...generous, searchMs: 0 });
        expect(compiled.filter(engineKinds).map(key).sort()).toEqual(expected);
        // On the d-DNNF (a catalog past the MDD's bound): the same findings, with the same explanations, but the two
        // checks that need the diagram (unreachable quantities, redundant rules).
        const onCircuit = checkCatalog(catalog, undefined, { ...generous, engine: { forceDnnf: true } });
        const diagramOnly = (f: Finding) => f.kind === 'quantity-unreachable' || f.kind === 'redundant';
        expect(onCircuit).toEqual(findings.filter((f) => !diagramOnly(f)));
        const index = indexCatalog(catalog);
        const slotBuilds = [...allBuilds(catalog)].filter(
          (b) => structuralProblems(index, b, true).length === 0,
        );
        for (const f of findings) {
          expect(f.severity).toBe(f.kind === 'void' || f.kind === 'never-holds' ? 'error' : 'warning');
          if (f.kind === 'void') {
            // A minimal conflict: together the named rules leave no build, without any one of them some build.
            const allHold = (ids: string[]) => slotBuilds.some((b) => ids.every((id) => holds(index, b, id)));
            expect(allHold(f.ids)).toBe(false);
            for (const id of f.ids) expect(allHold(f.ids.filter((x) => x !== id))).toBe(true);
            expect(f.explanation).toHaveLength(f.ids.length);
          }
          if (f.kind !== 'dead' && f.kind !== 'forced') continue;
          // Dead: the named rules together exclude every build with the option; forced: every build without it.
          const [option = '', ...rules] = f.ids;
          const slot = index.option.get(option)?.slot.id ?? '';
          const excluded = slotBuilds.filter((b) => has(b, slot, option) === (f.kind === 'dead'));
          expect(excluded.some((b) => rules.every((id) => holds(index, b, id)))).toBe(false);
          expect(f.explanation).toHaveLength(rules.length);
        }
        // No cost in a random catalog: every option's is missing.
        const options = catalog.slots.flatMap((s) => s.options.map((o) => o.id));
        expect(findings.filter((f) => f.kind === 'missing-price').map((f) => f.ids[0])).toEqual(options);
      }),
      { numRuns: 200 },
    );
    // The random catalogs exercise every engine check, so an agreement on none of them cannot pass.
    expect([...seen].sort()).toEqual([...findingKinds].sort());
  }, 120_000);
});

describe('checkCatalog on a known catalog', () => {
  const base = validateCatalog(miniCatalog(), 'mini.json');

  it('names a dead option with the rules that kill it and their words', () => {
    const cpu = base.slots[0]?.options[0]?.id ?? '';
    const catalog: Catalog = {
      ...base,
      rules: [
        ...base.rules,
        {
          id: 'no-first-cpu',
          kind: 'excludes',
          all: [
            { slot: 'cpu', option: cpu },
            { slot: 'cpu', option: cpu },
          ],
        },
      ],
    };
    const dead = checkCatalog(catalog).filter((f) => f.kind === 'dead');
    const own = dead.find((f) => f.ids[0] === cpu);
    expect(own?.ids).toEqual([cpu, 'no-first-cpu']);
    expect(own?.message).toBe(`option ${cpu} (cpu) is dead: no valid build has it, because of no-first-cpu`);
    expect(own?.explanation?.[0]).toMatch(/cannot be combined/);
    // Options that only went with it die too, each explained by the rules that tie them to it.
    for (const f of dead) expect(f.ids).toContain('no-first-cpu');
  });

  it('explains a multi-slot option dead at every quantity by rules that exclude every quantity', () => {
    // Found by the property test: r0 alone refuses one unit of s2-o0 but allows two with s1-o0; the package, which
    // rules s1-o0 out, is needed too.
    const slot = (id: string, kind: 'single' | 'multi', options: [string, number | undefined, number][]) => ({
      id,
      name: id,
      group: 'g',
      kind,
      options: options.map(([o, w, maxQuantity]) => ({
        id: o,
        name: o,
        price: 0,
        attributes: w === undefined ? {} : { w },
        maxQuantity,
      })),
    });
    const catalog = validateCatalog(
      {
        ...miniCatalog(),
        attributes: { w: { type: 'number', label: 'Weight' } },
        groups: [{ id: 'g', name: 'All' }],
        slots: [
          slot('s0', 'single', [['s0-o0', undefined, 1]]),
          slot('s1', 'single', [
            ['s1-o0', 4, 1],
            ['s1-o1', undefined, 1],
          ]),
          slot('s2', 'multi', [
            ['s2-o0', 4, 2],
            ['s2-o1', undefined, 1],
          ]),
        ],
        rules: [
          {
            id: 'r0',
            kind: 'resource',
            sum: [{ slot: 's2', attr: 'w' }],
            op: '==',
            limit: { slot: 's1', attr: 'w', factor: 2 },
          },
        ],
        packages: [
          { id: 'p0', option: { slot: 's0', option: 's0-o0' }, includes: [{ slot: 's1', option: 's1-o1' }] },
        ],
        priceRules: [],
      },
      'multi.json',
    );
    const dead = checkCatalog(catalog).find((f) => f.kind === 'dead' && f.ids[0] === 's2-o0');
    expect(new Set(dead?.ids)).toEqual(new Set(['s2-o0', 'r0', 'package:p0']));
  });

  it('reports texts missing per language, and none once the texts are given', () => {
    const missing = checkCatalog(base).filter((f) => f.kind === 'missing-translation');
    expect(missing.some((f) => f.ids[0] === 'cpu' && /German/.test(f.message))).toBe(true);
    expect(missing.some((f) => /Chinese/.test(f.message))).toBe(true);
    const slots = Object.fromEntries(base.slots.map((s) => [s.id, { name: `${s.name} (de)` }]));
    const after = checkCatalog(base, { de: { slots } }).filter((f) => f.kind === 'missing-translation');
    expect(after.some((f) => /German text for \$\.slots\["cpu"\]\.name/.test(f.message))).toBe(false);
    expect(after.length).toBeLessThan(missing.length);
  });

  it('reports a void catalog and the rule that never holds as errors, and nothing dead', () => {
    const cpus = base.slots[0]?.options.map((o) => o.id) ?? [];
    const catalog: Catalog = {
      ...base,
      rules: [
        {
          id: 'no-cpu',
          kind: 'requires',
          when: [{ slot: 'cpu', anyOf: cpus }],
          then: { slot: 'cpu', option: 'nope' },
        },
      ],
    };
    const findings = checkCatalog(catalog).filter(engineKinds);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ['void', 'error'],
      ['never-holds', 'error'],
    ]);
  });
});
