import { round, type ModelBuilder, type Term } from './model-builder.ts';

/**
 * `Σ terms test limit` as a chain of running totals whose values are not the totals themselves but their classes
 * under "no remaining summand and no limit value can tell them apart": the minimal automaton of the sum, computed
 * backward from the limit. A power budget over seven slots has about a thousand distinct running totals but only
 * a few dozen classes, which keeps the diagram narrow; the result is exact for any weights and any test.
 * Post: one defining table per summand (an auxiliary variable each), then one table `label` accepting the final
 * classes that pass `test`; with no summands, an unsatisfiable table when `test(0)` fails.
 */
export function linear(
  b: ModelBuilder,
  origin: string,
  label: string,
  terms: Term[],
  test: (total: number) => boolean,
): void {
  // Summands in variable order, so each link of the chain sits next to its variables in the diagram.
  const rankOf = (t: Term) => Math.min(...t.vars.map((v) => b.rank.get(v) ?? Infinity));
  terms = [...terms].sort((x, y) => rankOf(x) - rankOf(y));
  const steps = terms.map((term) => b.combos(term));
  const reach: number[][] = [[0]];
  for (const step of steps) {
    const last = reach[reach.length - 1] ?? [0];
    reach.push([...new Set(last.flatMap((x) => step.weights.map((w) => round(x + w))))]);
  }
  // classes[i]: running total after i summands → class id; equal ids behave the same for the rest of the sum.
  const classes: Map<number, number>[] = new Array<Map<number, number>>(steps.length + 1);
  classes[steps.length] = classify(reach[steps.length] ?? [], (t) => (test(t) ? '1' : '0'));
  for (let i = steps.length - 1; i >= 0; i--) {
    const next = classes[i + 1] as Map<number, number>;
    const weights = steps[i]?.weights ?? [];
    classes[i] = classify(reach[i] ?? [], (t) => weights.map((w) => next.get(round(t + w))).join(','));
  }
  let prev: { variable: number; reps: number[] } | undefined;
  steps.forEach((step, i) => {
    const cls = classes[i + 1] as Map<number, number>;
    const { reps, names } = representatives(cls);
    const variable = b.aux('sum', names);
    const term = terms[i] as Term;
    const rows: number[][] = [];
    for (const [pc, base] of (prev?.reps ?? [0]).entries())
      step.values.forEach((combo, n) => {
        const to = cls.get(round(base + (step.weights[n] ?? 0))) ?? 0;
        rows.push(prev ? [pc, ...combo, to] : [...combo, to]);
      });
    b.table(
      origin,
      'running total',
      prev ? [prev.variable, ...term.vars, variable] : [...term.vars, variable],
      rows,
      true,
    );
    prev = { variable, reps };
  });
  const accept = (prev?.reps ?? [0]).flatMap((t, tc) => (test(t) ? [[tc]] : []));
  if (prev) b.table(origin, label, [prev.variable], accept);
  else if (accept.length === 0) b.table(origin, label, [b.aux('const', ['0'])], []);
}

/** Numbers the distinct keys of `totals` in order of first appearance: total → class id. */
function classify(totals: number[], key: (total: number) => string): Map<number, number> {
  const ids = new Map<string, number>();
  const out = new Map<number, number>();
  for (const t of totals) {
    const k = key(t);
    let id = ids.get(k);
    if (id === undefined) {
      id = ids.size;
      ids.set(k, id);
    }
    out.set(t, id);
  }
  return out;
}

/** One total per class, and a readable name per class: the range of totals it holds. */
function representatives(cls: Map<number, number>): { reps: number[]; names: string[] } {
  const reps: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  for (const [t, id] of cls) {
    reps[id] ??= t;
    lo[id] = Math.min(lo[id] ?? t, t);
    hi[id] = Math.max(hi[id] ?? t, t);
  }
  return { reps, names: reps.map((_, id) => (lo[id] === hi[id] ? `${lo[id]}` : `${lo[id]}..${hi[id]}`)) };
}
