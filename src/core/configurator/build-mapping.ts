import type { Build } from '../catalog/build.ts';
import { NONE, type CatalogModel } from './compile-catalog.ts';

/** Thrown for a build that names a slot, option or quantity the compiled catalog does not have. */
export class BuildMappingError extends Error {
  override readonly name = 'BuildMappingError';
}

/**
 * The engine assignment of a (partial) build: each chosen option, and its quantity where the slot has one.
 * Multi-slot options not in the build stay open (the user has not ruled them out).
 * @throws BuildMappingError naming the unknown slot, option or quantity.
 */
export function buildToAssignment(cm: CatalogModel, build: Build): Map<number, number> {
  const assignment = new Map<number, number>();
  const { variables } = cm.model;
  for (const [slotId, chosen] of Object.entries(build)) {
    const vars = cm.slots.find((s) => s.slot.id === slotId);
    if (!vars) throw new BuildMappingError(`unknown slot "${slotId}"`);
    for (const [optionId, qty] of Object.entries(chosen)) {
      if (vars.kind === 'multi') {
        const v = vars.options.get(optionId);
        if (v === undefined)
          throw new BuildMappingError(`"${optionId}" is not an option of slot "${slotId}"`);
        if (!(qty >= 0 && qty < (variables[v]?.values.length ?? 0)))
          throw new BuildMappingError(`quantity ${qty} of "${optionId}" is out of range`);
        assignment.set(v, qty);
        continue;
      }
      const value = variables[vars.choice]?.values.indexOf(optionId) ?? -1;
      if (value < 0) throw new BuildMappingError(`"${optionId}" is not an option of slot "${slotId}"`);
      if (assignment.has(vars.choice)) throw new BuildMappingError(`slot "${slotId}" takes one option`);
      assignment.set(vars.choice, value);
      if (vars.quantity !== undefined) {
        const q = variables[vars.quantity]?.values.indexOf(String(qty)) ?? -1;
        if (q < 0) throw new BuildMappingError(`quantity ${qty} of "${optionId}" is out of range`);
        assignment.set(vars.quantity, q);
      } else if (qty !== 1) throw new BuildMappingError(`"${optionId}" is taken once`);
    }
  }
  return assignment;
}

/** The build a complete engine solution stands for (auxiliary variables are ignored). */
export function solutionToBuild(cm: CatalogModel, values: ArrayLike<number>): Build {
  const build: Build = {};
  const { variables } = cm.model;
  for (const vars of cm.slots) {
    const chosen: Record<string, number> = {};
    if (vars.kind === 'multi') {
      for (const [optionId, v] of vars.options) {
        const q = values[v] ?? 0;
        if (q > 0) chosen[optionId] = q;
      }
    } else {
      const option = variables[vars.choice]?.values[values[vars.choice] ?? 0];
      const option0 = vars.kind === 'optional' ? 1 : 0;
      if (option !== undefined && (values[vars.choice] ?? 0) >= option0)
        chosen[option] =
          vars.quantity === undefined
            ? 1
            : Number(variables[vars.quantity]?.values[values[vars.quantity] ?? 0]);
    }
    if (Object.keys(chosen).length > 0) build[vars.slot.id] = chosen;
  }
  return build;
}

/** The price in cents of a complete solution from the per-value costs: equal to priceBuild of its build. */
export function solutionCost(cm: CatalogModel, values: ArrayLike<number>): number {
  let total = cm.baseCents;
  for (const [v, costs] of cm.costs) total += costs[values[v] ?? 0] ?? 0;
  return total;
}

/** An option of a slot. */
export interface ChoiceRef {
  slot: string;
  option: string;
}

/** The option an engine value stands for: none for a quantity, for "(none)" or for a multi option's 0. */
export function choiceRef(cm: CatalogModel, x: number, v: number): ChoiceRef | undefined {
  for (const vars of cm.slots) {
    if (vars.kind === 'multi') {
      for (const [option, ox] of vars.options) if (ox === x) return { slot: vars.slot.id, option };
    } else if (vars.choice === x) {
      const option = cm.model.variables[x]?.values[v];
      return option === undefined || option === NONE ? undefined : { slot: vars.slot.id, option };
    } else if (vars.quantity === x) return undefined;
  }
  return undefined;
}
