/**
 * One engine API over two compiled forms (issue 20): the MDD (`compile.ts`) where it fits, a smooth decision-DNNF
 * (`dnnf/`) where it does not. The choice is made per model and the queries answer in the MDD's shapes, so callers
 * (CLI, bench, later the worker and catalog:check) do not care which form holds the model: counts, valid domains,
 * conflicts, explanations and repairs.
 *
 * When the d-DNNF is chosen:
 * - the MDD compile throws {@link CompileLimitError} (its `maxWork` bound): any model, Boolean ones through
 *   `cnfOfModel`, multi-valued ones through the one-hot encoding;
 * - directly, for a Boolean model with more than `dnnfAbove` variables (default 1,000): feature models of that size
 *   are hopeless for the MDD (automotive01, 2,513 features: 8.2M partial nodes after 308 s, and even a 1M-step bound
 *   takes ~9 s to give up), while the d-DNNF compiles it in a fraction of a second.
 */
import { CompileLimitError, compileModel, type CompileOptions } from './compile.ts';
import { exactCount } from './count.ts';
import { nodeCount, type Diagram } from './diagram.ts';
import {
  domainsScratch,
  validDomains,
  valueOffsets,
  type DomainsOptions,
  type DomainsResult,
  type DomainsScratch,
} from './domains.ts';
import { circuitNodes, CircuitLimitError, type Circuit } from './dnnf/circuit.ts';
import { CnfError, cnfOfModel } from './dnnf/cnf.ts';
import { compileDnnf, DnnfLimitError, type DnnfCompileOptions, type DnnfStats } from './dnnf/compile.ts';
import { dnnfCount } from './dnnf/count.ts';
import { dnnfComplete } from './dnnf/complete.ts';
import { dnnfDomains, dnnfSatisfiable, dnnfScratch, type DnnfScratch } from './dnnf/domains.ts';
import {
  isBoolean,
  oneHotBuild,
  oneHotChoices,
  oneHotCnf,
  oneHotValid,
  oneHotWeight,
  type OneHotMap,
} from './dnnf/one-hot.ts';
import { dnnfRepairs } from './dnnf/repair.ts';
import { diagramOracle, minimalConflictWith, type FormOracle } from './conflict.ts';
import { complete, type Completion } from './complete.ts';
import { explainWith, type Explanation, type ExplainOptions } from './explain.ts';
import type { Assignment, Model } from './model.ts';
import { repairs, type Change, type Repair } from './repair.ts';

export interface CompileAnyOptions extends CompileOptions {
  /** A Boolean model with more variables than this skips the MDD. Default 1,000. */
  readonly dnnfAbove?: number;
  /** Skip the MDD: the d-DNNF whatever the model (tests that compare the forms). */
  readonly forceDnnf?: boolean;
  readonly dnnf?: DnnfCompileOptions;
}

export interface MddForm {
  readonly form: 'mdd';
  readonly model: Model;
  readonly diagram: Diagram;
}

/** Why the MDD was not used: its compile bound, the model's size, or {@link CompileAnyOptions.forceDnnf}. */
export type DnnfReason = 'mdd-limit' | 'large-boolean' | 'forced';

export interface DnnfForm {
  readonly form: 'dnnf';
  readonly model: Model;
  readonly circuit: Circuit;
  /** The one-hot encoding of a multi-valued model; absent for a Boolean one (literal `2x+v` is value v of x). */
  readonly oneHot?: OneHotMap;
  readonly reason: DnnfReason;
  /** The compiler's figures; absent on a circuit read from bytes. */
  readonly stats?: DnnfStats;
}

export type CompiledForm = MddForm | DnnfForm;

/** Per-form scratch reused across clicks. */
export type FormScratch =
  | { readonly form: 'mdd'; readonly mdd: DomainsScratch }
  | { readonly form: 'dnnf'; readonly dnnf: DnnfScratch };

function toDnnf(
  model: Model,
  reason: DnnfReason,
  options: DnnfCompileOptions = {},
  order?: readonly number[],
): DnnfForm {
  const oneHot = isBoolean(model) ? undefined : oneHotCnf(model);
  // A multi-valued model is decided in the diagram's order when the caller knows a good one (a catalog's).
  const { circuit, stats } = compileDnnf(oneHot ? oneHot.cnf : cnfOfModel(model), { order, ...options });
  return oneHot
    ? { form: 'dnnf', model, circuit, oneHot, reason, stats }
    : { form: 'dnnf', model, circuit, reason, stats };
}

/**
 * Compiles a model into whichever form holds it (see the file header for the rule).
 * Pre: `validateModel(model)` passes. Post: a form whose valid builds are exactly the model's. Throws
 * {@link CompileLimitError} when neither form fits its bounds (the message names both), so a model too hard fails in
 * bounded time.
 */
export function compileAny(model: Model, options: CompileAnyOptions = {}): CompiledForm {
  const tooLarge = (err: unknown, before = ''): unknown =>
    err instanceof DnnfLimitError || err instanceof CircuitLimitError || err instanceof CnfError
      ? new CompileLimitError(`${before}as a d-DNNF: ${err.message}`)
      : err;
  if (options.forceDnnf === true) {
    try {
      return toDnnf(model, 'forced', options.dnnf, options.order);
    } catch (err) {
      throw tooLarge(err);
    }
  }
  if (isBoolean(model) && model.variables.length > (options.dnnfAbove ?? 1_000)) {
    try {
      return toDnnf(model, 'large-boolean', options.dnnf, options.order);
    } catch (err) {
      throw tooLarge(err, `${model.variables.length} Boolean variables, too many for a diagram; `);
    }
  }
  try {
    return { form: 'mdd', model, diagram: compileModel(model, options) };
  } catch (err) {
    if (!(err instanceof CompileLimitError)) throw err;
    try {
      return toDnnf(model, 'mdd-limit', options.dnnf, options.order);
    } catch (inner) {
      throw tooLarge(inner, `${err.message}; `);
    }
  }
}

/** Allocates the scratch space of {@link domains} for one compiled form. */
export function formScratch(c: CompiledForm): FormScratch {
  return c.form === 'mdd'
    ? { form: 'mdd', mdd: domainsScratch(c.diagram) }
    : { form: 'dnnf', dnnf: dnnfScratch(c.circuit) };
}

/** Nodes of the compiled form, for diagnostics (the MDD's without its terminal). */
export function formNodes(c: CompiledForm): number {
  return c.form === 'mdd' ? nodeCount(c.diagram) : circuitNodes(c.circuit);
}

/** The form's typed arrays' buffers, to transfer rather than copy through `postMessage` (each listed once). */
export function formBuffers(c: CompiledForm): ArrayBuffer[] {
  const arrays =
    c.form === 'mdd'
      ? [c.diagram.nodeLevel, c.diagram.edgeStart, c.diagram.edgeValue, c.diagram.edgeChild]
      : [c.circuit.kind, c.circuit.label, c.circuit.childStart, c.circuit.children];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** The circuit's choices for a model assignment. */
const circuitChoices = (c: DnnfForm, a: Assignment): Assignment =>
  c.oneHot ? oneHotChoices(c.oneHot, c.model, a) : a;

/**
 * The exact number of valid builds extending an assignment.
 * Pre: the assignment's indices are valid for `c.model`. Post: that number; 0n iff none. One pass over the form.
 */
export function count(c: CompiledForm, a: Assignment = new Map()): bigint {
  return c.form === 'mdd' ? exactCount(c.diagram, a) : dnnfCount(c.circuit, circuitChoices(c, a));
}

/**
 * Valid domains and the (float) number of valid completions, as `validDomains` gives them on the MDD.
 * Pre: the assignment's indices are valid for `c.model`; `scratch` (if given) came from this form.
 * Post: `valid[valueOffset[x] + v]` is 1 iff some valid build extends the assignment with x = v (with
 * `ownChoiceFree`, a chosen variable shows every value it could switch to); all zero and `count === 0` iff none.
 * On the d-DNNF the count is the exact one rounded to a double (a second pass; Infinity past 1.8e308).
 */
export function domains(
  c: CompiledForm,
  a: Assignment,
  scratch: FormScratch = formScratch(c),
  options: DomainsOptions = {},
): DomainsResult {
  if (c.form === 'mdd')
    return validDomains(c.diagram, a, scratch.form === 'mdd' ? scratch.mdd : undefined, options);
  const choices = circuitChoices(c, a);
  const literals = dnnfDomains(
    c.circuit,
    choices,
    scratch.form === 'dnnf' ? scratch.dnnf : undefined,
    options,
  );
  const valid = c.oneHot ? oneHotValid(c.oneHot, literals) : literals;
  const some = valid.some((b) => b === 1);
  return {
    count: some ? Number(dnnfCount(c.circuit, choices)) : 0,
    valid,
    valueOffset: valueOffsets(c.model),
  };
}

/** The form as explanations question it: exact consistency (a liveness pass on the d-DNNF) and a witness build. */
export function formOracle(c: CompiledForm): FormOracle {
  if (c.form === 'mdd') return diagramOracle(c.diagram);
  const scratch = dnnfScratch(c.circuit);
  return {
    model: c.model,
    consistent: (a) => dnnfSatisfiable(c.circuit, circuitChoices(c, a), scratch),
    witness: (a) => {
      const found = dnnfComplete(c.circuit, circuitChoices(c, a), () => 0);
      if (!found) return null;
      return c.oneHot ? oneHotBuild(c.oneHot, found.build) : found.build;
    },
  };
}

/**
 * The valid completion of an assignment with the least (or, with `maximise`, the greatest) total weight, as
 * `complete` on the MDD, on either form. Pre: indices valid for `c.model`; `weight(x, v)` finite. Post: `null` iff
 * no valid build extends the assignment; otherwise such a build (value index per model variable) with an optimal
 * total. Ties may be broken differently by the two forms.
 */
export function completeAny(
  c: CompiledForm,
  a: Assignment,
  weight: (variable: number, value: number) => number,
  maximise = false,
): Completion | null {
  if (c.form === 'mdd') return complete(c.diagram, a, weight, maximise);
  const found = dnnfComplete(
    c.circuit,
    circuitChoices(c, a),
    c.oneHot ? oneHotWeight(c.oneHot, weight) : weight,
    maximise,
  );
  if (!found) return null;
  return { build: c.oneHot ? oneHotBuild(c.oneHot, found.build) : found.build, total: found.total };
}

/**
 * A subset-minimal conflicting subset of an inconsistent assignment, as `minimalConflict` on the MDD (the same
 * subset on either form). Pre: the assignment has no valid completion. Post: a subset with none, from which dropping
 * any one choice gives one. At most |assignment| consistency passes.
 */
export function conflict(c: CompiledForm, a: Assignment): Array<[number, number]> {
  return minimalConflictWith(formOracle(c).consistent, a);
}

/**
 * Why value `v` of `x` is unavailable, as `explain` on the MDD, on either form. Pre/post: as `explainWith`; the
 * choices are the same on both forms (deletion in the assignment's order over an exact test), the rules minimal
 * unless the budget ran out.
 */
export function explainAny(
  c: CompiledForm,
  assignment: Assignment,
  x: number,
  v: number,
  options: ExplainOptions = {},
): Explanation | null {
  return explainWith(formOracle(c), assignment, x, v, options);
}

/**
 * Up to `k` repairs for taking value `v` of `x`, as `repairs` on the MDD, on either form.
 * Pre: indices valid for `c.model`; `price(x, v)` finite. Post: as `repairs`: each repair, applied with x=v, has a
 * valid completion; the first has the fewest changes, then the least price moved; pairwise distinct and irredundant;
 * empty iff x=v is dead; the single empty repair if x=v is available as is. Changes in variable order on the
 * d-DNNF (in the diagram's level order on the MDD).
 */
export function repairsAny(
  c: CompiledForm,
  assignment: Assignment,
  x: number,
  v: number,
  k = 3,
  price: (variable: number, value: number) => number = () => 0,
): Repair[] {
  if (c.form === 'mdd') return repairs(c.diagram, assignment, x, v, k, price);
  // A changing literal per value a chosen variable could switch to: b(y,u) true in one-hot, y's other value else.
  const moved = new Float64Array(2 * c.circuit.variables).fill(-1);
  const changeOf = new Map<number, Change>();
  for (const [y, from] of assignment) {
    if (y === x) continue;
    const values = (c.model.variables[y] as { values: readonly string[] }).values.length;
    for (let to = 0; to < values; to++) {
      if (to === from) continue;
      const l = c.oneHot ? 2 * ((c.oneHot.valueOffset[y] as number) + to) + 1 : 2 * y + to;
      moved[l] = Math.abs(price(y, to) - price(y, from));
      changeOf.set(l, { variable: y, from, to });
    }
  }
  return dnnfRepairs(c.circuit, circuitChoices(c, new Map([[x, v]])), moved, k).map((r) => ({
    changes: r.literals.map((l) => changeOf.get(l) as Change).sort((p, q) => p.variable - q.variable),
    priceMoved: r.priceMoved,
  }));
}
