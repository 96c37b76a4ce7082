import {
  quantityBounds,
  structuralProblems,
  type Build,
  type CatalogIndex,
} from '../../core/catalog/build.ts';
import { violations } from '../../core/catalog/evaluate.ts';
import type { Option, Rule, Slot } from '../../core/catalog/schema.ts';
import { pricePosition } from '../../core/profile/preferences.ts';
import { int, pick, shuffled, type Rng } from './seed-random.ts';

/**
 * Valid demo builds: random sampling, then local repair (greedy moves on the slots a broken rule names, checked
 * with structuralProblems + violations), then persona variations that are kept only while the build stays valid.
 * Every build this returns is complete and breaks no rule.
 */

const cost = (index: CatalogIndex, build: Build) =>
  structuralProblems(index, build, true).length + violations(index, build).length;

function ruleSlots(rule: Rule): string[] {
  switch (rule.kind) {
    case 'requires':
      return [...rule.when.map((c) => c.slot), rule.then.slot];
    case 'excludes':
      return rule.all.map((c) => c.slot);
    case 'compatible':
      return [rule.left.slot, rule.right.slot];
    case 'resource':
      return [...rule.sum.map((r) => r.slot), ...(typeof rule.limit === 'number' ? [] : [rule.limit.slot])];
  }
}

function slotsByRule(index: CatalogIndex): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const rule of index.catalog.rules) map.set(rule.id, ruleSlots(rule));
  for (const pkg of index.catalog.packages)
    map.set(`package:${pkg.id}`, [pkg.option.slot, ...pkg.includes.map((i) => i.slot)]);
  return map;
}

/** Every choice one move may put in a slot. */
function alternatives(slot: Slot, current: Record<string, number> | undefined): Record<string, number>[] {
  const { min, max } = quantityBounds(slot);
  if (slot.kind === 'multi') {
    const out: Record<string, number>[] = [];
    for (const option of slot.options) {
      const rest = Object.fromEntries(Object.entries(current ?? {}).filter(([id]) => id !== option.id));
      out.push(current?.[option.id] ? rest : { ...rest, [option.id]: 1 });
    }
    return out;
  }
  const out: Record<string, number>[] = slot.kind === 'optional' ? [{}] : [];
  for (const option of slot.options)
    for (let q = Math.max(1, min); q <= Math.max(1, Math.min(max, 2)); q++) out.push({ [option.id]: q });
  return out;
}

function randomBuild(rng: Rng, index: CatalogIndex): Build {
  const build: Build = {};
  for (const slot of index.catalog.slots) {
    const { min } = quantityBounds(slot);
    if (slot.kind === 'optional' && rng() < 0.3) continue;
    if (slot.kind === 'multi' && min === 0 && rng() < 0.5) continue;
    build[slot.id] = { [pick(rng, slot.options).id]: Math.max(1, slot.kind === 'multi' ? 1 : min) };
  }
  return build;
}

/** One valid build by repair from a random start; undefined when the attempt got stuck. */
function repairedBuild(rng: Rng, index: CatalogIndex, rules: Map<string, string[]>): Build | undefined {
  let build = randomBuild(rng, index);
  let current = cost(index, build);
  for (let step = 0; step < 200 && current > 0; step++) {
    const structural = structuralProblems(index, build, true);
    const broken = violations(index, build);
    const slots = structural.length
      ? structural.map((p) => p.slot)
      : broken.flatMap((v) => rules.get(v.rule) ?? []);
    const slot = index.slot.get(pick(rng, slots));
    if (!slot) return undefined;
    let best: Build[] = [];
    let bestCost = Infinity;
    for (const choice of alternatives(slot, build[slot.id])) {
      // An emptied slot is left out, as a build without that choice would be.
      const candidate =
        Object.keys(choice).length === 0
          ? Object.fromEntries(Object.entries(build).filter(([id]) => id !== slot.id))
          : { ...build, [slot.id]: choice };
      const c = cost(index, candidate);
      if (c < bestCost) [best, bestCost] = [[candidate], c];
      else if (c === bestCost) best.push(candidate);
    }
    // Sideways moves are allowed (ties), so the search can walk across plateaus.
    if (bestCost <= current || rng() < 0.2) [build, current] = [pick(rng, best), bestCost];
  }
  return current === 0 ? build : undefined;
}

/** What a customer leans to: a price position 0…1 and favourite enum values (GPU brand, fuel…). */
export interface Persona {
  budget: number;
  favourites: Record<string, string>;
}

function personaScore(persona: Persona, slot: Slot, option: Option, rng: Rng): number {
  let score = 1 - Math.abs(pricePosition(slot, option) - persona.budget) + rng() * 0.3;
  for (const [attr, value] of Object.entries(option.attributes))
    if (persona.favourites[attr] === value) score += 2;
  return score;
}

/** The share of seeded buyers who take a popular build unchanged. */
const POPULAR_SHARE = 0.6;

export interface BuildFactory {
  /** A valid build leaning to the persona; deterministic for a given rng state. */
  build(rng: Rng, persona: Persona): Build;
}

/** @throws when no valid build can be found at all (a catalog whose rules cannot be met). */
export function buildFactory(rng: Rng, index: CatalogIndex, poolSize = 16): BuildFactory {
  const rules = slotsByRule(index);
  const pool: Build[] = [];
  for (let attempt = 0; pool.length < poolSize && attempt < poolSize * 20; attempt++) {
    const found = repairedBuild(rng, index, rules);
    if (found) pool.push(found);
  }
  if (pool.length === 0) throw new Error(`seed: no valid build found for catalog ${index.catalog.id}`);

  return {
    build(r, persona) {
      // Start from the pool member the persona likes best, then nudge slots towards it while staying valid.
      const scored = pool.map((b) => ({
        b,
        s: Object.entries(b).reduce((sum, [slotId, options]) => {
          const slot = index.slot.get(slotId);
          return (
            sum +
            Object.keys(options).reduce((t, id) => {
              const found = index.option.get(id);
              return t + (slot && found ? personaScore(persona, slot, found.option, r) : 0);
            }, 0)
          );
        }, 0),
      }));
      scored.sort((x, y) => y.s - x.s);
      let build = pick(r, scored.slice(0, 3)).b;
      // Many buyers take a popular build as it is, as in real car sales (BR4CP "medium": 87% of 8,253 cars share
      // their configuration with at least 4 other cars); so the public sales figures, which show only builds of 5+
      // buyers, have something to show in the demo.
      if (r() < POPULAR_SHARE) return build;
      for (const slot of shuffled(r, index.catalog.slots).slice(0, int(r, 2, 6))) {
        if (slot.kind === 'multi') continue;
        const ranked = [...slot.options].sort(
          (x, y) => personaScore(persona, slot, y, r) - personaScore(persona, slot, x, r),
        );
        for (const option of ranked.slice(0, 3)) {
          const qty = Object.values(build[slot.id] ?? {})[0] ?? 1;
          const candidate = { ...build, [slot.id]: { [option.id]: qty } };
          if (cost(index, candidate) === 0) {
            build = candidate;
            break;
          }
        }
      }
      return build;
    },
  };
}

/** The build with an option carrying `attr = value` swapped in where that keeps it valid (Anna's NVIDIA card). */
export function withFavourite(index: CatalogIndex, build: Build, attr: string, value: string): Build {
  for (const slot of index.catalog.slots) {
    if (slot.kind === 'multi') continue;
    for (const option of slot.options) {
      if (option.attributes[attr] !== value) continue;
      const candidate = { ...build, [slot.id]: { [option.id]: 1 } };
      if (cost(index, candidate) === 0) return candidate;
    }
  }
  return build;
}
