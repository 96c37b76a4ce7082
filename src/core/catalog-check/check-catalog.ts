import { describeRule, missingTexts, type Catalog, type Translations } from '../catalog/index.ts';
import {
  compileConfiguration,
  type CompiledConfiguration,
  type ConfigurationOptions,
} from '../configurator/configurator.ts';
import { numberRules } from '../configurator/explanation.ts';
import { count, domains, explainAny } from '../engine/compiled-form.ts';
import {
  EXPLAIN_BUDGET_MS,
  REDUNDANCY_BUDGET_MS,
  redundancyFindings,
  ruleFindings,
  timed,
  voidFinding,
  type CheckOptions,
} from './check-model.ts';
import type { CheckedCatalog } from './checked-catalog.ts';
import type { Finding } from './finding.ts';
import { quantityFindings } from './quantity-findings.ts';
import { aloneEffects, minimalConflict, redundantRules, type RuleUnit } from './rule-effects.ts';
import { optionFindings } from './option-findings.ts';

const languageNames = { de: 'German', zh: 'Chinese' } as const;

/** The id a missing text belongs to: `$.options["x"].name` → x, `$.attributes.w.unit` → w, `$.catalog.name` → the catalog. */
function ownerOf(catalog: Catalog, path: string): string {
  const attr = /^\$\.attributes\.([^.]+)\./.exec(path);
  if (attr) return attr[1] as string;
  return /\["([^"]+)"\]/.exec(path)?.[1] ?? catalog.id;
}

/** Text findings need no engine. `cost` is the only price the schema leaves optional, so it is what can be missing. */
function bookkeepingFindings(catalog: Catalog): Finding[] {
  const findings: Finding[] = [];
  for (const slot of catalog.slots)
    for (const o of slot.options)
      if (o.cost === undefined)
        findings.push({
          kind: 'missing-price',
          severity: 'warning',
          ids: [o.id],
          message: `option ${o.id} (${slot.id}) has no cost price, so its margin and sales below cost cannot be checked`,
        });
  for (const m of missingTexts(catalog))
    findings.push({
      kind: 'missing-translation',
      severity: 'warning',
      ids: [ownerOf(catalog, m.path)],
      message: `no ${languageNames[m.language]} text for ${m.path} (English: "${m.english}")`,
    });
  return findings;
}

export interface CatalogCheckOptions extends Omit<CheckOptions, 'diagram'> {
  /** The catalog compiled already (`compileConfiguration` of the same catalog), when the caller has it. */
  readonly configuration?: CompiledConfiguration;
  /** How to compile it otherwise: the MDD's bound, past which the catalog is checked on its d-DNNF. */
  readonly engine?: ConfigurationOptions;
}

/**
 * Anomalies of a catalog (issue 18 §2): void, never-holds and always-holds rules, dead and forced options, packages
 * never choosable, unreachable slot quantities, redundant rules, missing cost prices and translations.
 * Pre: the catalog passed `validateCatalog`; `texts` are translations checked against it (they override the
 * catalog's own). Post: findings in that order; when the catalog is void only void, the rules' own effects and the
 * bookkeeping ones (every option would be dead). Ids are option, rule, package and slot ids as the catalog writes them
 * (`package:<id>`/`slot:<id>` in explanations, where a package or a slot's bounds take part).
 * A catalog held as a d-DNNF (past the MDD's bound) gets every check but two that need the diagram: unreachable slot
 * quantities (a pass over the MDD's paths) and redundant rules (a recompile per rule) are left out.
 * @throws CatalogCompileError when a rule is too large to tabulate; CompileLimitError when neither form fits.
 */
export function checkCatalog(
  catalog: Catalog,
  texts?: Translations,
  options: CatalogCheckOptions = {},
): Finding[] {
  const translated = texts ? { ...catalog, translations: { ...catalog.translations, ...texts } } : catalog;
  const { compiled: cm, form } =
    options.configuration ??
    timed(options, 'compile', () => compileConfiguration(translated, options.engine));
  const { model } = cm;
  const order = form.form === 'mdd' ? Array.from(form.diagram.order) : cm.order;
  const originOf = (i: number) => {
    const id = model.constraints[i]?.id ?? '';
    return cm.definitions.has(id) ? undefined : cm.origin.get(id);
  };
  const units: RuleUnit[] = catalog.rules.map((r) => ({
    id: r.id,
    constraints: model.constraints.flatMap((_, i) => (originOf(i) === r.id ? [i] : [])),
  }));
  // Every build meets these anyway: definitions of auxiliary variables and the slots' quantity bounds.
  const base = model.constraints.flatMap((c, i) =>
    cm.definitions.has(c.id) || cm.origin.get(c.id)?.startsWith('slot:') ? [i] : [],
  );
  const labels = new Map<string, string>();
  model.constraints.forEach((c, i) => {
    const origin = originOf(i);
    if (origin !== undefined && !labels.has(origin)) labels.set(origin, c.label);
  });
  // A rule's message is a template for a build ("not {trim}"); with no build in view, its plain statement reads better.
  const rules = new Map(catalog.rules.map((r) => [r.id, describeRule(cm.index, r)]));
  const labelOf = (id: string) => rules.get(id) ?? labels.get(id) ?? id;
  // Why nothing can be built: the rules and packages of a minimal conflict.
  const conflict = () => {
    const packages = catalog.packages.map((p) => ({
      id: `package:${p.id}`,
      constraints: model.constraints.flatMap((_, i) => (originOf(i) === `package:${p.id}` ? [i] : [])),
    }));
    return minimalConflict(model, [...units, ...packages], base, order, options.searchMs);
  };
  const total = timed(options, 'count', () => count(form));
  const effects = timed(options, 'rules-alone', () =>
    aloneEffects(model, units, base, order, options.searchMs),
  );
  const findings: Finding[] = [
    ...(total === 0n ? [voidFinding(`catalog ${catalog.id}`, conflict(), labelOf)] : []),
    ...ruleFindings(units, effects, labelOf),
  ];
  if (total > 0n) {
    const numbering = numberRules(cm);
    const budgetMs = options.explainBudgetMs ?? EXPLAIN_BUDGET_MS;
    const excludedBy = (x: number, v: number) =>
      (explainAny(form, new Map(), x, v, { rules: numbering.numbers, budgetMs })?.rules ?? []).map(
        (n) => numbering.ids[n] ?? String(n),
      );
    const checked: CheckedCatalog = { cm, labelOf, excludedBy };
    findings.push(...timed(options, 'dead-forced', () => optionFindings(checked, domains(form, new Map()))));
  }
  if (total > 0n && form.form === 'mdd') {
    const d = form.diagram;
    findings.push(...timed(options, 'quantities', () => quantityFindings(cm, d)));
    const budget = options.redundancyBudgetMs ?? REDUNDANCY_BUDGET_MS;
    const candidates = units.filter((_, i) => !effects[i]?.alwaysHolds);
    const redundancy = timed(options, 'redundancy', () =>
      redundantRules(model, candidates, total, order, budget, options.searchMs),
    );
    findings.push(...redundancyFindings(redundancy, budget, labelOf));
  }
  findings.push(...timed(options, 'prices-texts', () => bookkeepingFindings(translated)));
  return findings;
}
