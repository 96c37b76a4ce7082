import type { Build } from '../catalog/build.ts';
import type { Catalog } from '../catalog/schema.ts';
import { priceBuild, type Price } from '../pricing/price.ts';
import {
  compileAny,
  completeAny,
  count,
  domains,
  formNodes,
  formOracle,
  formScratch,
  repairsAny,
  type CompiledForm,
  type FormScratch,
} from '../engine/compiled-form.ts';
import type { FormOracle } from '../engine/conflict.ts';
import type { Diagram } from '../engine/diagram.ts';
import { compileCatalog, NONE, type CatalogModel, type SlotVariables } from './compile-catalog.ts';
import { buildToAssignment, choiceRef, solutionToBuild, type ChoiceRef } from './build-mapping.ts';
import { explainOption, numberRules, type Explanation, type RuleNumbering } from './explanation.ts';

export type { ChoiceRef } from './build-mapping.ts';
export type { BoundOption, Explanation, ReasonKind, ReasonRule } from './explanation.ts';
export type { ResourceFigures, ResourcePart } from './resource-figures.ts';

/**
 * The catalog-level face of the engine: everything a session needs, in slots and options instead of variables and
 * values. One instance per catalog version; pure, so it runs in a Web Worker, on the server and in tests alike.
 */

export interface OptionState {
  id: string;
  /**
   * Some complete valid build has this option and every other current choice: in a single slot, the options it
   * can be switched to; in a multi slot, the options that can be added (or kept).
   */
  available: boolean;
  /** Multi slots: the quantities of this option that keep the other choices completable. */
  quantities: number[];
}

export interface SlotState {
  slot: string;
  options: OptionState[];
  /** Optional slots: emptying it keeps the other choices completable. */
  emptyAvailable: boolean;
  /** Single slots with a quantity: the quantities that keep the other choices (this slot's option too) completable. */
  quantities: number[];
}

export interface ConfigurationState {
  /** The choices extend to at least one complete valid build (always true inside a session). */
  consistent: boolean;
  /** Number of complete valid builds extending the choices (a float above 2^53). */
  count: number;
  /** The choices as they stand (empty optional and multi slots meaning none) are a complete valid build. */
  complete: boolean;
  slots: SlotState[];
  price: Price;
}

/** An option's state in a view; undefined for an option or slot the catalog does not have. */
export function optionStateOf(
  view: ConfigurationState,
  slot: string,
  option: string,
): OptionState | undefined {
  return view.slots.find((s) => s.slot === slot)?.options.find((o) => o.id === option);
}

export interface SlotChange {
  slot: string;
  /** Option ids chosen before and after in that slot (empty: nothing). */
  from: string[];
  to: string[];
}

export interface Repair {
  /** The build with the wanted option and the changed choices. */
  build: Build;
  changes: SlotChange[];
  priceDeltaCents: number;
}

/**
 * A catalog compiled for the engine: its table model and a compiled form of all its valid builds, the decision
 * diagram (MDD) or, for a catalog whose diagram would pass {@link ConfigurationOptions.mddMaxWork}, the
 * decision-DNNF (engine/compiled-form.ts). Every query below answers the same on either.
 */
export interface CompiledConfiguration {
  compiled: CatalogModel;
  form: CompiledForm;
}

/**
 * The MDD's compile bound, in conjunction steps (engine/compile.ts `maxWork`), as the engine CLI's default: the demo
 * catalogs take under a million (the car under 10k), so they stay diagrams; a catalog past it is held as a d-DNNF.
 */
export const DEFAULT_MDD_MAX_WORK = 200_000_000;

export interface ConfigurationOptions {
  /**
   * Past this many conjunction steps the diagram's compile stops and the catalog is compiled as a d-DNNF instead.
   * Default {@link DEFAULT_MDD_MAX_WORK}; the server takes it from `ENGINE_MAX_WORK` (low in tests, to serve a
   * catalog as a d-DNNF).
   */
  readonly mddMaxWork?: number;
  /** The d-DNNF whatever the catalog (tests comparing the two forms). */
  readonly forceDnnf?: boolean;
}

/**
 * The expensive part of a {@link Configurator}: hundreds of milliseconds for the PC catalog.
 * Throws CompileLimitError when neither form fits its bounds (the message names both).
 */
export function compileConfiguration(
  catalog: Catalog,
  options: ConfigurationOptions = {},
): CompiledConfiguration {
  const compiled = compileCatalog(catalog);
  const form = compileAny(compiled.model, {
    order: compiled.order,
    maxWork: options.mddMaxWork ?? DEFAULT_MDD_MAX_WORK,
    forceDnnf: options.forceDnnf === true,
  });
  return { compiled, form };
}

export class Configurator {
  readonly catalog: Catalog;
  readonly compiled: CatalogModel;
  readonly form: CompiledForm;
  private readonly scratch: FormScratch;
  /** Consistency and witness builds, as explanations and single choices ask them. */
  private readonly oracle: FormOracle;
  private readonly numbering: RuleNumbering;

  /**
   * Compiles the catalog, or takes the result of {@link compileConfiguration} done elsewhere (a Web Worker: the
   * compiled form is plain data and typed arrays, so it crosses `postMessage` intact).
   * Pre: `prebuilt`, when given, was compiled from this catalog.
   */
  constructor(catalog: Catalog, prebuilt?: CompiledConfiguration) {
    const { compiled, form } = prebuilt ?? compileConfiguration(catalog);
    this.catalog = catalog;
    this.compiled = compiled;
    this.form = form;
    this.scratch = formScratch(form);
    this.oracle = formOracle(form);
    this.numbering = numberRules(compiled);
  }

  /** Size of the compiled form, for diagnostics. */
  get nodes(): number {
    return formNodes(this.form);
  }

  /** The decision diagram, for the recommender's learning passes; undefined when the catalog is held as a d-DNNF. */
  get diagram(): Diagram | undefined {
    return this.form.form === 'mdd' ? this.form.diagram : undefined;
  }

  /**
   * Valid options per slot, the remaining count and the price, after the given choices.
   * Pre: the build names only options of this catalog (else BuildMappingError).
   */
  state(build: Build): ConfigurationState {
    const { model } = this.compiled;
    const assignment = buildToAssignment(this.compiled, build);
    const r = domains(this.form, assignment, this.scratch, { ownChoiceFree: true });
    const valid = (x: number, v: number) => r.valid[(r.valueOffset[x] ?? 0) + v] === 1;
    /**
     * A slot with a quantity holds its choice in two variables, which switch together: the options it can switch
     * to come from a pass without both (one extra pass per such slot with a choice; the PC has one, memory).
     */
    const switchable = (vars: SlotVariables & { kind: 'single' | 'optional' }) => {
      if (vars.quantity === undefined || !assignment.has(vars.choice))
        return (v: number) => valid(vars.choice, v);
      const others = new Map(assignment);
      others.delete(vars.choice);
      others.delete(vars.quantity);
      const without = domains(this.form, others);
      return (v: number) => without.valid[(without.valueOffset[vars.choice] ?? 0) + v] === 1;
    };
    const slots = this.compiled.slots.map((vars): SlotState => {
      if (vars.kind === 'multi') {
        const options = vars.slot.options.map((o) => {
          const x = vars.options.get(o.id) ?? -1;
          const quantities = (model.variables[x]?.values ?? [])
            .map(Number)
            .filter((q) => q > 0 && valid(x, q));
          return { id: o.id, available: quantities.length > 0, quantities };
        });
        return { slot: vars.slot.id, options, emptyAvailable: true, quantities: [] };
      }
      const offset = vars.kind === 'optional' ? 1 : 0;
      const qty = vars.quantity;
      const quantities =
        qty === undefined
          ? []
          : (model.variables[qty]?.values ?? []).flatMap((q, i) => (valid(qty, i) ? [Number(q)] : []));
      const canSwitchTo = switchable(vars);
      const options = vars.slot.options.map((o, i) => ({
        id: o.id,
        available: canSwitchTo(i + offset),
        quantities: [],
      }));
      return {
        slot: vars.slot.id,
        options,
        emptyAvailable: vars.kind === 'optional' && valid(vars.choice, 0),
        quantities,
      };
    });
    return {
      consistent: r.count > 0,
      count: r.count,
      complete: r.count > 0 && this.isComplete(build),
      slots,
      price: priceBuild(this.compiled.index, build),
    };
  }

  /** Exact number of complete valid builds extending the choices. */
  countExact(build: Build): bigint {
    return count(this.form, buildToAssignment(this.compiled, build));
  }

  /** The choices with every open optional and multi slot closed as "none" have a valid completion. */
  isComplete(build: Build): boolean {
    const closed = buildToAssignment(this.compiled, build);
    for (const vars of this.compiled.slots) {
      if (vars.kind === 'multi') {
        for (const x of vars.options.values()) if (!closed.has(x)) closed.set(x, 0);
      } else if (!closed.has(vars.choice)) {
        if (vars.kind !== 'optional') return false;
        closed.set(vars.choice, 0);
      } else if (vars.quantity !== undefined && !closed.has(vars.quantity)) return false;
    }
    return this.oracle.consistent(closed);
  }

  /** The engine variable and the values standing for "choose this option" (in multi slots: each quantity). */
  private target(slotId: string, optionId: string): { vars: SlotVariables; x: number; values: number[] } {
    const vars = this.compiled.slots.find((s) => s.slot.id === slotId);
    if (!vars) throw new Error(`unknown slot "${slotId}"`);
    if (vars.kind === 'multi') {
      const x = vars.options.get(optionId);
      if (x === undefined) throw new Error(`"${optionId}" is not an option of ${slotId}`);
      const size = this.compiled.model.variables[x]?.values.length ?? 1;
      return { vars, x, values: Array.from({ length: size - 1 }, (_, q) => q + 1) };
    }
    const v = this.compiled.model.variables[vars.choice]?.values.indexOf(optionId) ?? -1;
    if (v < 0) throw new Error(`"${optionId}" is not an option of ${slotId}`);
    return { vars, x: vars.choice, values: [v] };
  }

  /** The build without the slot's current choice (single/optional) so that a new option can replace it. */
  private without(build: Build, vars: SlotVariables, optionId: string): Build {
    const id = vars.slot.id;
    const rest = Object.fromEntries(Object.entries(build).filter(([slot]) => slot !== id));
    if (vars.kind !== 'multi') return rest;
    const others = Object.fromEntries(
      Object.entries(build[id] ?? {}).filter(([option]) => option !== optionId),
    );
    return Object.keys(others).length > 0 ? { ...rest, [id]: others } : rest;
  }

  /**
   * Why an option is unavailable: a subset-minimal set of the other choices that excludes it, and the minimal set of
   * rules that does, with their figures (see explanation.ts). Null when the option is available (nothing to
   * explain); empty choices when no build can have it.
   */
  explain(build: Build, slotId: string, optionId: string): Explanation | null {
    const { vars, x, values } = this.target(slotId, optionId);
    const others = buildToAssignment(this.compiled, this.without(build, vars, optionId));
    return explainOption(this.compiled, this.oracle, this.numbering, others, x, values, {
      slot: slotId,
      option: optionId,
    });
  }

  /**
   * Up to `k` smallest repairs for choosing an unavailable option: fewest other choices changed, then the least
   * price moved. Empty when no complete build can hold the option.
   */
  repairs(build: Build, slotId: string, optionId: string, k = 3): Repair[] {
    const { vars, x, values } = this.target(slotId, optionId);
    const base = this.without(build, vars, optionId);
    const assignment = buildToAssignment(this.compiled, base);
    const price = (variable: number, value: number) => this.compiled.costs.get(variable)?.[value] ?? 0;
    const before = priceBuild(this.compiled.index, build).totalCents;
    const found = values.flatMap((v) =>
      repairsAny(this.form, assignment, x, v, k, price).map((r) => ({ r, v })),
    );
    found.sort((a, b) => a.r.changes.length - b.r.changes.length || a.r.priceMoved - b.r.priceMoved);
    return found.slice(0, k).map(({ r, v }) => {
      const assigned = new Map(assignment);
      assigned.set(x, v);
      for (const c of r.changes) assigned.set(c.variable, c.to);
      const repaired = this.fromAssignment(assigned);
      return {
        build: repaired,
        changes: this.diff(build, repaired).filter((c) => c.slot !== slotId),
        priceDeltaCents: priceBuild(this.compiled.index, repaired).totalCents - before,
      };
    });
  }

  /**
   * The cheapest valid completion of the choices, or with `scores` (option id → score) the one with the highest
   * total score (ties to the cheaper). Null when the choices have no valid completion.
   */
  complete(build: Build, scores?: ReadonlyMap<string, number>): Build | null {
    const assignment = buildToAssignment(this.compiled, build);
    const cost = (x: number, v: number) => this.compiled.costs.get(x)?.[v] ?? 0;
    const weight = scores
      ? (x: number, v: number) => {
          const choice: ChoiceRef | undefined = choiceRef(this.compiled, x, v);
          const value = this.compiled.model.variables[x]?.values[v];
          // Score per unit chosen; a tiny price term prefers the cheaper of equally liked builds.
          const score =
            choice && (value === undefined || value !== '0') ? (scores.get(choice.option) ?? 0) : 0;
          return score - cost(x, v) * 1e-9;
        }
      : cost;
    const result = completeAny(this.form, assignment, weight, scores !== undefined);
    return result ? solutionToBuild(this.compiled, result.build) : null;
  }

  /** A build from an assignment of user variables (others ignored); unassigned slots stay open. */
  private fromAssignment(values: ReadonlyMap<number, number>): Build {
    const full = new Int32Array(this.compiled.model.variables.length).fill(-1);
    for (const [x, v] of values) full[x] = v;
    // A slot chosen without its quantity takes the smallest quantity that keeps the build completable.
    const open = this.compiled.slots.filter(
      (vars) =>
        vars.kind !== 'multi' &&
        vars.quantity !== undefined &&
        full[vars.choice] !== -1 &&
        full[vars.quantity] === -1,
    );
    if (open.length > 0) {
      const r = domains(this.form, values, this.scratch);
      for (const vars of open) {
        if (vars.kind === 'multi' || vars.quantity === undefined) continue;
        const base = r.valueOffset[vars.quantity] ?? 0;
        const size = this.compiled.model.variables[vars.quantity]?.values.length ?? 0;
        let q = 0;
        while (q < size - 1 && r.valid[base + q] !== 1) q++;
        full[vars.quantity] = q;
      }
    }
    const build: Build = {};
    const { variables } = this.compiled.model;
    for (const vars of this.compiled.slots) {
      const chosen: Record<string, number> = {};
      if (vars.kind === 'multi') {
        for (const [option, x] of vars.options) if ((full[x] ?? -1) > 0) chosen[option] = full[x] ?? 0;
      } else {
        const v = full[vars.choice] ?? -1;
        const option = v >= 0 ? variables[vars.choice]?.values[v] : undefined;
        if (option !== undefined && option !== NONE) {
          const q = vars.quantity === undefined ? -1 : (full[vars.quantity] ?? -1);
          chosen[option] =
            q >= 0 && vars.quantity !== undefined ? Number(variables[vars.quantity]?.values[q]) : 1;
        }
      }
      if (Object.keys(chosen).length > 0) build[vars.slot.id] = chosen;
    }
    return build;
  }

  /**
   * The build with an option chosen: it replaces the slot's option (single, optional) or joins the others (multi),
   * at the smallest quantity that keeps the build completable. Pre: the option is available (see state).
   * @returns null when choosing it would leave no complete build (the caller offers repairs instead).
   */
  choose(build: Build, slotId: string, optionId: string): Build | null {
    const { vars, x, values } = this.target(slotId, optionId);
    const assignment = buildToAssignment(this.compiled, this.without(build, vars, optionId));
    for (const v of values) {
      const next = new Map(assignment);
      next.set(x, v);
      if (this.oracle.consistent(next)) return this.fromAssignment(next);
    }
    return null;
  }

  /** The build without an option (removing never makes a completable build incompletable). */
  remove(build: Build, slotId: string, optionId: string): Build {
    const vars = this.compiled.slots.find((s) => s.slot.id === slotId);
    return vars ? this.without(build, vars, optionId) : build;
  }

  /**
   * The build with a new quantity for a chosen option.
   * @returns null when the quantity is not one the state offers (it would leave no complete build).
   */
  setQuantity(build: Build, slotId: string, optionId: string, quantity: number): Build | null {
    if (build[slotId]?.[optionId] === undefined) return null;
    const next: Build = { ...build, [slotId]: { ...build[slotId], [optionId]: quantity } };
    try {
      return this.oracle.consistent(buildToAssignment(this.compiled, next)) ? next : null;
    } catch {
      return null;
    }
  }

  /** Slot by slot, what differs between two builds. */
  diff(a: Build, b: Build): SlotChange[] {
    const changes: SlotChange[] = [];
    for (const slot of this.catalog.slots) {
      const from = Object.keys(a[slot.id] ?? {}).sort();
      const to = Object.keys(b[slot.id] ?? {}).sort();
      if (from.join() !== to.join()) changes.push({ slot: slot.id, from, to });
    }
    return changes;
  }
}
