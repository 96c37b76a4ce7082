import type { Slot } from '../catalog/index.ts';
import type { SlotVariables } from '../configurator/compile-catalog.ts';
import type { DomainsResult } from '../engine/domains.ts';
import type { CheckedCatalog } from './checked-catalog.ts';
import type { Finding } from './finding.ts';

/** An option of a slot as engine values: its variable, the values that mean "chosen" and the one that means "not". */
interface OptionValues {
  readonly option: string;
  readonly variable: number;
  readonly chosen: readonly number[];
}

function optionValues(vars: SlotVariables, domainSize: (x: number) => number): OptionValues[] {
  if (vars.kind === 'multi')
    return vars.slot.options.map((o) => {
      const x = vars.options.get(o.id) ?? -1;
      return { option: o.id, variable: x, chosen: range(1, domainSize(x)) };
    });
  const offset = vars.kind === 'optional' ? 1 : 0;
  return vars.slot.options.map((o, i) => ({ option: o.id, variable: vars.choice, chosen: [i + offset] }));
}

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * Whether the slot's kind and bounds alone allow a choice without the option: the test that makes an option that is
 * in every valid build "forced" rather than simply the slot's only possibility.
 */
function slotOffersOthers(slot: Slot, option: string): boolean {
  if (slot.kind === 'single') return slot.options.length > 1;
  if (slot.kind === 'optional') return true;
  const others = slot.options.reduce((t, o) => t + (o.id === option ? 0 : o.maxQuantity), 0);
  return (slot.quantity?.min ?? 0) <= others;
}

/**
 * Dead options (no valid build has them), forced options (every valid build has them though the slot offers a
 * choice without), and packages whose option is dead. Pre: the catalog has valid builds; `domains` are the valid
 * domains with nothing chosen.
 */
export function optionFindings(c: CheckedCatalog, domains: DomainsResult): Finding[] {
  const { cm, labelOf, excludedBy } = c;
  const { valid, valueOffset } = domains;
  const size = (x: number) => cm.model.variables[x]?.values.length ?? 0;
  const isValid = (x: number, v: number) => valid[(valueOffset[x] as number) + v] === 1;
  const findings: Finding[] = [];
  const deadRules = new Map<string, string[]>();
  for (const vars of cm.slots) {
    const slot = vars.slot;
    for (const ov of optionValues(vars, size)) {
      const everywhere =
        vars.kind === 'multi'
          ? !isValid(ov.variable, 0)
          : range(0, size(ov.variable)).every((v) => ov.chosen.includes(v) || !isValid(ov.variable, v));
      if (ov.chosen.some((v) => isValid(ov.variable, v))) {
        if (everywhere && slotOffersOthers(slot, ov.option)) {
          // Forced: every way of not having it is excluded; its reason is theirs together.
          const without = range(0, size(ov.variable)).filter((v) => !ov.chosen.includes(v));
          const rules = [...new Set(without.flatMap((v) => excludedBy(ov.variable, v)))];
          findings.push({
            kind: 'forced',
            severity: 'warning',
            ids: [ov.option, ...rules],
            message: `option ${ov.option} is forced: every valid build has it, though slot ${slot.id} offers a choice without it${rules.length ? `, because of ${rules.join(', ')}` : ''}`,
            explanation: rules.map(labelOf),
          });
        }
        continue;
      }
      // Every quantity of a multi-slot option needs its reason (one rule may refuse 1 unit and allow 2): the union of
      // their minimal explanations, each one a pass when a single rule does it all.
      const rules = [...new Set(ov.chosen.flatMap((v) => excludedBy(ov.variable, v)))];
      deadRules.set(ov.option, rules);
      findings.push({
        kind: 'dead',
        severity: 'warning',
        ids: [ov.option, ...rules],
        message: `option ${ov.option} (${slot.id}) is dead: no valid build has it${rules.length ? `, because of ${rules.join(', ')}` : ''}`,
        explanation: rules.map(labelOf),
      });
    }
  }
  for (const pkg of cm.catalog.packages) {
    const rules = deadRules.get(pkg.option.option);
    if (rules === undefined) continue;
    findings.push({
      kind: 'package-dead',
      severity: 'warning',
      ids: [pkg.id, pkg.option.option, ...rules],
      message: `package ${pkg.id} can never be chosen: its option ${pkg.option.option} is in no valid build${rules.length ? `, because of ${rules.join(', ')}` : ''}`,
      explanation: rules.map(labelOf),
    });
  }
  return findings;
}
