/**
 * Anomaly checks of an engine instance (XCSP, DIMACS; issue 20) in whichever compiled form holds it. The MDD gets
 * every check of `checkModel`; the d-DNNF (models the MDD cannot hold, e.g. automotive01's 2,513 features) gets the
 * ones that are one pass over it: void, and dead and forced values without explanations (those need the clause →
 * constraint map the circuit does not keep yet, and rules alone and redundancy a search or a recompile per rule,
 * 206 s for automotive01's alone effects).
 */
import { z } from 'zod';
import { compileAny, count, domains, type CompileAnyOptions } from '../engine/compiled-form.ts';
import type { Model } from '../engine/model.ts';
import { checkModel, timed, valueFindings, type CheckOptions } from './check-model.ts';
import type { Finding } from './finding.ts';

/** What was compiled and what it holds: the CLI's per-instance line (one JSON object in `--json` mode). */
export const instanceSummarySchema = z.strictObject({
  instance: z.string(),
  form: z.enum(['mdd', 'dnnf']),
  /** Why the d-DNNF was used: the MDD's compile bound, or a Boolean model too large for it. */
  reason: z.enum(['mdd-limit', 'large-boolean', 'forced']).optional(),
  compileMs: z.number().nonnegative(),
  /** The exact number of valid builds, in decimal. */
  count: z.string().regex(/^\d+$/),
  variables: z.number().int().nonnegative(),
  /** Variables with values exactly 0 and 1 (a feature model's, as DIMACS imports them): dead = 1 impossible, core = 0. */
  features: z.number().int().nonnegative(),
  /** Values no valid build takes, and variables of several values with one left (both 0 when void). */
  deadValues: z.number().int().nonnegative(),
  fixed: z.number().int().nonnegative(),
  deadFeatures: z.number().int().nonnegative(),
  coreFeatures: z.number().int().nonnegative(),
});
export type InstanceSummary = z.infer<typeof instanceSummarySchema>;

export interface InstanceCheckOptions extends CheckOptions {
  readonly compile?: CompileAnyOptions;
}

const isFeature = (values: readonly string[]) =>
  values.length === 2 && values[0] === '0' && values[1] === '1';

/**
 * Compiles an instance with `compileAny` and checks it.
 * Pre: `validateModel(model)` passes. Post: the summary (form, compile time, exact count, dead values, fixed variables,
 * dead and core features) and the findings: on the MDD exactly `checkModel`'s; on the d-DNNF a `void` error when no
 * build is valid, else a `dead` warning per dead value and a `forced` one per fixed variable, as `checkModel` words them.
 * @throws CompileLimitError when neither form fits its bounds.
 */
export function checkInstance(
  name: string,
  model: Model,
  options: InstanceCheckOptions = {},
): { summary: InstanceSummary; findings: Finding[] } {
  const start = performance.now();
  const form = compileAny(model, options.compile);
  const compileMs = performance.now() - start;
  options.onTime?.('compile', compileMs);
  // Both one pass over either form; `checkModel` repeats them on the MDD, where that costs milliseconds.
  const total = count(form);
  const valid = domains(form, new Map());
  let findings: Finding[];
  if (form.form === 'mdd') findings = checkModel(model, { ...options, diagram: form.diagram });
  else if (total === 0n)
    findings = [
      {
        kind: 'void',
        severity: 'error',
        ids: [],
        message: 'the model has no valid build: its constraints together exclude every combination',
      },
    ];
  else
    findings = timed(options, 'dead-forced', () =>
      valueFindings(
        model,
        valid,
        () => [],
        (id) => id,
      ),
    );
  const tally = { deadValues: 0, fixed: 0, deadFeatures: 0, coreFeatures: 0 };
  // Void: every value is invalid, but like `checkModel` the void finding says it all and nothing counts as dead.
  if (total > 0n)
    model.variables.forEach((v, x) => {
      const at = valid.valueOffset[x] as number;
      const alive = v.values.map((_, i) => valid.valid[at + i] === 1);
      const left = alive.filter(Boolean).length;
      tally.deadValues += v.values.length - left;
      if (v.values.length > 1 && left === 1) tally.fixed++;
      if (!isFeature(v.values)) return;
      if (!alive[1]) tally.deadFeatures++;
      if (!alive[0]) tally.coreFeatures++;
    });
  const summary: InstanceSummary = {
    instance: name,
    form: form.form,
    ...(form.form === 'dnnf' ? { reason: form.reason } : {}),
    compileMs: Math.round(compileMs * 10) / 10,
    count: total.toString(),
    variables: model.variables.length,
    features: model.variables.filter((v) => isFeature(v.values)).length,
    ...tally,
  };
  return { summary, findings };
}
