import { indexCatalog, structuralProblems, type Build, type CatalogIndex } from '../catalog/build.ts';
import { describeRule, optionName } from '../catalog/evaluate.ts';
import type { Catalog } from '../catalog/schema.ts';
import { BuildMappingError, buildToAssignment, choiceRef } from '../configurator/build-mapping.ts';
import { compileCatalog, NONE, type CatalogModel } from '../configurator/compile-catalog.ts';
import { numberRules, type RuleNumbering } from '../configurator/explanation.ts';
import { compileModel } from '../engine/compile.ts';
import { choicesByLevel, isConsistent, type Diagram } from '../engine/diagram.ts';
import { explainConflict } from '../engine/explain.ts';
import { priceBuild } from '../pricing/price.ts';

/**
 * One saved build, session or quote checked against a (draft) catalog (issue 18 §5): still valid or not, why not in
 * words (the engine's minimal explanation: a subset-minimal set of the build's choices and the rules that together
 * refuse them), the options it names that the catalog no longer has, and its price before and after.
 */

export interface BuildImpact {
  valid: boolean;
  /** Empty when valid: the conflicting choices, then one sentence per rule of the minimal explanation. */
  explanation: string[];
  /** Option ids of the build the catalog lacks (or holds in another slot). */
  missingOptions: string[];
  priceBeforeCents: number;
  /** Null when the build is not valid against the catalog. */
  priceAfterCents: number | null;
}

/** A catalog compiled once for checking many builds. */
export interface ImpactTarget {
  index: CatalogIndex;
  cm: CatalogModel;
  d: Diagram;
  numbering: RuleNumbering;
}

/** Time for minimising one explanation's rules (past it they are correct, not necessarily minimal). */
const EXPLAIN_BUDGET_MS = 200;

/**
 * Pre: the catalog passed validateCatalog. Post: compiled with its diagram.
 * @throws CatalogCompileError when a rule is too large to tabulate.
 */
export function impactTarget(catalog: Catalog): ImpactTarget {
  const cm = compileCatalog(catalog);
  return {
    index: indexCatalog(catalog),
    cm,
    d: compileModel(cm.model, { order: cm.order }),
    numbering: numberRules(cm),
  };
}

/** What a complete build holds where it names nothing: none in an optional slot, 0 of each multi-slot option. */
function emptyChoices(cm: CatalogModel): [number, number][] {
  return cm.slots.flatMap((vars): [number, number][] => {
    if (vars.kind === 'multi') return [...vars.options.values()].map((x) => [x, 0]);
    return vars.kind === 'optional'
      ? [[vars.choice, cm.model.variables[vars.choice]?.values.indexOf(NONE) ?? 0]]
      : [];
  });
}

/** A rule, `package:<id>` or `slot:<id>` of the explanation in words. */
function ruleWords(target: ImpactTarget, id: string): string {
  const rule = target.index.catalog.rules.find((r) => r.id === id);
  // The catalog's own messages are templates for the configurator's renderer; the plain statement reads alone.
  if (rule) return `${describeRule(target.index, rule)} (rule ${rule.id})`;
  const constraint = target.cm.model.constraints.find((c) => target.cm.origin.get(c.id) === id);
  return constraint?.label ?? id;
}

/**
 * Checks one build against the target catalog, priced "before" with the catalog it was made on.
 * Pre: `build` as the configurator stores it (slot → option → quantity); `complete` for saved builds and quotes, not
 * for a session still being configured. Post: valid iff every slot and option exists in the target and (complete:
 * the build is a valid build of it; partial: some valid build of it extends the build); the explanation is empty iff
 * valid; the price after is the target's price of the build when valid.
 */
export function checkBuild(
  target: ImpactTarget,
  madeOn: CatalogIndex,
  build: Build,
  complete: boolean,
): BuildImpact {
  const priceBeforeCents = priceBuild(madeOn, build).totalCents;
  const missingOptions = Object.entries(build).flatMap(([slot, chosen]) =>
    Object.keys(chosen).filter((o) => target.index.option.get(o)?.slot.id !== slot),
  );
  const invalid = (explanation: string[]): BuildImpact => ({
    valid: false,
    explanation,
    missingOptions,
    priceBeforeCents,
    priceAfterCents: null,
  });
  if (missingOptions.length > 0)
    return invalid(missingOptions.map((o) => `${optionName(madeOn, o)} is no longer offered`));
  // A session in progress may still fall short of a slot's minimum: the engine judges whether it can be completed.
  const problems = complete ? structuralProblems(target.index, build, true) : [];
  if (problems.length > 0) return invalid(problems.map((p) => p.message));
  let assignment: Map<number, number>;
  try {
    assignment = buildToAssignment(target.cm, build);
  } catch (err) {
    if (err instanceof BuildMappingError) return invalid([err.message]);
    throw err;
  }
  if (complete) for (const [x, v] of emptyChoices(target.cm)) if (!assignment.has(x)) assignment.set(x, v);
  if (!isConsistent(target.d, choicesByLevel(target.d, assignment))) {
    const e = explainConflict(target.d, assignment, {
      rules: target.numbering.numbers,
      budgetMs: EXPLAIN_BUDGET_MS,
    });
    const names = e.choices.flatMap(([x, v]) => {
      const ref = choiceRef(target.cm, x, v);
      return ref ? [optionName(target.index, ref.option)] : [];
    });
    const rules = e.rules.map((n) => ruleWords(target, target.numbering.ids[n] ?? String(n)));
    return invalid([
      ...(names.length > 0 ? [`Conflicting choices: ${[...new Set(names)].join(', ')}`] : []),
      ...rules,
    ]);
  }
  return {
    valid: true,
    explanation: [],
    missingOptions,
    priceBeforeCents,
    priceAfterCents: priceBuild(target.index, build).totalCents,
  };
}
