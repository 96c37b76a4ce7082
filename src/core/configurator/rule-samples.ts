import type { Build } from '../catalog/build.ts';
import type { Rule } from '../catalog/schema.ts';
import { ruleConcerns } from '../catalog/template.ts';
import type { Configurator, Explanation } from './configurator.ts';

/**
 * Builds where a shopper meets one rule's message: a valid build and an option of a slot the rule concerns that this
 * rule alone refuses there (render-reason.ts then speaks in the rule's message). For previewing a message template
 * in the catalog editor on the draft's own builds.
 */
export interface RuleSample {
  /** A complete valid build the shopper holds. */
  build: Build;
  /** The option the shopper tries, refused by the rule alone. */
  slot: string;
  option: string;
  explanation: Explanation;
}

/**
 * Explanations tried at most, and the time they may take: a preview that finds nothing soon (a rule acting only with
 * others) says so rather than hold the page.
 */
const MAX_TRIES = 400;
const BUDGET_MS = 1500;

/**
 * Pre: `rule` is one of the configurator's catalog's rules. Post: up to `limit` samples, each refusing a different
 * option, starting from the cheapest valid build, then the cheapest build holding each option of the rule's slots;
 * empty when the catalog has no valid build or the rule never refuses an option on its own there. Stops after
 * `budgetMs` of searching with what it has.
 */
export function ruleSamples(
  configurator: Configurator,
  rule: Rule,
  limit = 6,
  budgetMs = BUDGET_MS,
): RuleSample[] {
  const deadline = Date.now() + budgetMs;
  const slots = configurator.catalog.slots.filter((s) => ruleConcerns(rule).slots.has(s.id));
  const samples: RuleSample[] = [];
  const refused = new Set<string>();
  let tries = 0;
  const bases = function* (): Generator<Build | null> {
    yield configurator.complete({});
    for (const slot of slots)
      for (const o of slot.options) {
        const chosen = configurator.choose({}, slot.id, o.id);
        yield chosen && configurator.complete(chosen);
      }
  };
  for (const build of bases()) {
    if (!build) continue;
    for (const slot of slots)
      for (const o of slot.options) {
        if (samples.length >= limit || tries >= MAX_TRIES || Date.now() > deadline) return samples;
        if (refused.has(o.id) || build[slot.id]?.[o.id] !== undefined) continue;
        tries++;
        const explanation = configurator.explain(build, slot.id, o.id);
        const [only] = explanation?.rules ?? [];
        if (!explanation || explanation.rules.length !== 1 || only?.id !== rule.id) continue;
        if (explanation.choices.length === 0) continue;
        refused.add(o.id);
        samples.push({ build, slot: slot.id, option: o.id, explanation });
      }
  }
  return samples;
}
