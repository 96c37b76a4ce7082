import { compileModel } from '../engine/compile.ts';
import { exactCount } from '../engine/count.ts';
import type { Diagram } from '../engine/diagram.ts';
import { validDomains, type DomainsResult } from '../engine/domains.ts';
import { explain } from '../engine/explain.ts';
import type { Model } from '../engine/model.ts';
import type { Finding } from './finding.ts';
import { aloneEffects, minimalConflict, redundantRules, type RuleUnit } from './rule-effects.ts';

export interface CheckOptions {
  /** The model's compiled diagram, when the caller has it already. */
  readonly diagram?: Diagram;
  /** Total time for the redundancy tests, each a recompile (default 10 s). */
  readonly redundancyBudgetMs?: number;
  /** Time for minimising the rules of each dead value's explanation (default 200 ms). */
  readonly explainBudgetMs?: number;
  /** Time for the searches testing one rule before it is settled by compiling instead (default 250 ms). */
  readonly searchMs?: number;
  /** Told the time each check took (`compile`, `count`, `rules-alone`, `dead-forced`, …), for the bench. */
  readonly onTime?: (check: string, ms: number) => void;
}

/** Runs one check, reporting its time to `options.onTime`. */
export function timed<T>(options: CheckOptions, check: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  options.onTime?.(check, performance.now() - start);
  return result;
}

/** Default budgets: the redundancy tests recompile the model once per rule, the rest are passes over one diagram. */
export const REDUNDANCY_BUDGET_MS = 10_000;
export const EXPLAIN_BUDGET_MS = 200;

/*
 * Severities. Errors are what no customer can work around: a void model sells nothing, and a rule that never holds
 * alone makes it void. The rest are warnings: the model still sells, but a product manager should look (a dead or
 * forced value, a rule with no effect, an unreachable quantity may each be intended, e.g. a discontinued option).
 */

/** The void finding shared by models and catalogs: `conflict` is a minimal set of rules that leave no build. */
export const voidFinding = (
  what: string,
  conflict: readonly string[],
  labelOf: (id: string) => string,
): Finding => ({
  kind: 'void',
  severity: 'error',
  ids: [...conflict],
  message: `${what} has no valid build: ${conflict.length ? `${conflict.join(', ')} together exclude every combination` : 'its slots alone allow none'}`,
  explanation: conflict.map(labelOf),
});

/** Findings for what each rule does alone, and for the rules found redundant or left unchecked. */
export function ruleFindings(
  units: readonly RuleUnit[],
  effects: readonly { neverHolds: boolean; alwaysHolds: boolean }[],
  labelOf: (id: string) => string,
  space = 'the slots',
): Finding[] {
  return units.flatMap((u, i): Finding[] => {
    const e = effects[i];
    if (e?.neverHolds)
      return [
        {
          kind: 'never-holds',
          severity: 'error',
          ids: [u.id],
          message: `rule ${u.id} never holds: no build allowed by ${space} satisfies it, so nothing can be built`,
          explanation: [labelOf(u.id)],
        },
      ];
    if (e?.alwaysHolds)
      return [
        {
          kind: 'always-holds',
          severity: 'warning',
          ids: [u.id],
          message: `rule ${u.id} always holds: every build allowed by ${space} satisfies it, so it excludes nothing`,
          explanation: [labelOf(u.id)],
        },
      ];
    return [];
  });
}

export function redundancyFindings(
  result: { redundant: readonly string[]; unchecked: readonly string[] },
  budgetMs: number,
  labelOf: (id: string) => string,
): Finding[] {
  const found = result.redundant.map((id): Finding => ({
    kind: 'redundant',
    severity: 'warning',
    ids: [id],
    message: `rule ${id} is redundant: removing it changes no valid build (the other rules already imply it)`,
    explanation: [labelOf(id)],
  }));
  if (result.unchecked.length > 0)
    found.push({
      kind: 'redundant',
      severity: 'warning',
      ids: [...result.unchecked],
      message: `redundancy not checked for ${result.unchecked.length} rule(s) (${result.unchecked.slice(0, 5).join(', ')}${result.unchecked.length > 5 ? ', …' : ''}): the ${budgetMs} ms budget for recompiling the model without each rule ran out`,
    });
  return found;
}

/**
 * Anomalies of a plain constraint model (an XCSP instance): each constraint is a rule, each variable a slot.
 * Pre: the model is valid. Post: void (error) when it has no valid build; per constraint never-holds (error) or
 * always-holds over the full domains; and unless void: every dead value (`Var=value`, with the constraints of a
 * minimal explanation), every forced value (the only valid value of a variable of several), the redundant constraints.
 */
export function checkModel(model: Model, options: CheckOptions = {}): Finding[] {
  const d = options.diagram ?? timed(options, 'compile', () => compileModel(model));
  const order = Array.from(d.order);
  const units: RuleUnit[] = model.constraints.map((c, i) => ({ id: c.id, constraints: [i] }));
  const labels = new Map(model.constraints.map((c) => [c.id, c.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const total = timed(options, 'count', () => exactCount(d));
  const effects = timed(options, 'rules-alone', () =>
    aloneEffects(model, units, [], order, options.searchMs),
  );
  const findings = [
    ...(total === 0n
      ? [voidFinding('the model', minimalConflict(model, units, [], order, options.searchMs), labelOf)]
      : []),
    ...ruleFindings(units, effects, labelOf, 'the domains'),
  ];
  if (total === 0n) return findings;
  findings.push(...timed(options, 'dead-forced', () => deadAndForced(d, options, labelOf)));
  const budget = options.redundancyBudgetMs ?? REDUNDANCY_BUDGET_MS;
  const candidates = units.filter((_, i) => !effects[i]?.alwaysHolds);
  const redundancy = timed(options, 'redundancy', () =>
    redundantRules(model, candidates, total, order, budget, options.searchMs),
  );
  findings.push(...redundancyFindings(redundancy, budget, labelOf));
  return findings;
}

/** Every dead value with the constraints of a minimal explanation, every forced value. */
function deadAndForced(d: Diagram, options: CheckOptions, labelOf: (id: string) => string): Finding[] {
  const { model } = d;
  const budgetMs = options.explainBudgetMs ?? EXPLAIN_BUDGET_MS;
  const excludedBy = (x: number, v: number) =>
    (explain(d, new Map(), x, v, { budgetMs })?.rules ?? []).map(
      (r) => model.constraints[r]?.id ?? String(r),
    );
  return valueFindings(model, validDomains(d, new Map()), excludedBy, labelOf);
}

/**
 * Dead and forced findings from valid domains under no choices, whatever form computed them.
 * Pre: `domains` are the model's valid domains with nothing chosen, some value valid (the model is not void);
 * `excludedBy(x, v)` names constraints that together exclude x = v (empty when the form cannot explain).
 * Post: per variable, a `dead` finding for each value no valid build takes, then a `forced` one when a variable of
 * several values has one left, naming the constraints that exclude the others.
 */
export function valueFindings(
  model: Model,
  domains: Pick<DomainsResult, 'valid' | 'valueOffset'>,
  excludedBy: (x: number, v: number) => string[],
  labelOf: (id: string) => string,
): Finding[] {
  const findings: Finding[] = [];
  const { valid, valueOffset } = domains;
  model.variables.forEach((v, x) => {
    const at = valueOffset[x] as number;
    const alive = v.values.filter((_, i) => valid[at + i] === 1);
    // A forced value's reason is the reasons of every other value, together.
    const excluders = new Set<string>();
    v.values.forEach((value, i) => {
      if (valid[at + i] === 1) return;
      const ids = excludedBy(x, i);
      for (const id of ids) excluders.add(id);
      findings.push({
        kind: 'dead',
        severity: 'warning',
        ids: [`${v.name}=${value}`, ...ids],
        message: `${v.name}=${value} is dead: no valid build has it${ids.length ? ` (excluded by ${ids.join(', ')})` : ''}`,
        explanation: ids.map(labelOf),
      });
    });
    if (v.values.length > 1 && alive.length === 1) {
      const ids = [...excluders];
      findings.push({
        kind: 'forced',
        severity: 'warning',
        ids: [`${v.name}=${alive[0] ?? ''}`, ...ids],
        message: `${v.name}=${alive[0] ?? ''} is forced: every valid build has it, though ${v.name} offers ${v.values.length} values${ids.length ? ` (the others excluded by ${ids.join(', ')})` : ''}`,
        explanation: ids.map(labelOf),
      });
    }
  });
  return findings;
}
