/**
 * Generalised arc consistency over positive tables (simple tabular reduction: each revision scans the rows still
 * compatible with the current domains). Not used for answers — the diagram is exact — only to find which rules take
 * part in a conflict, for explanations, and to prune the search that tells whether a subset of them conflicts.
 */
import { WILDCARD, type Model } from './model.ts';

/** Per model: whether each constraint removes a value from full domains (else it needs no revision until one shrinks). */
const prunesAtFull = new WeakMap<Model, Uint8Array>();

function prunesOnFullDomains(model: Model): Uint8Array {
  let out = prunesAtFull.get(model);
  if (out !== undefined) return out;
  out = new Uint8Array(model.constraints.length);
  model.constraints.forEach((c, ci) => {
    const arity = c.scope.length;
    c.scope.forEach((x, j) => {
      const seen = new Uint8Array((model.variables[x] as { values: readonly string[] }).values.length);
      for (let r = j; r < c.rows.length; r += arity) {
        const v = c.rows[r] as number;
        if (v === WILDCARD) return;
        seen[v] = 1;
      }
      if (seen.includes(0)) (out as Uint8Array)[ci] = 1;
    });
  });
  prunesAtFull.set(model, out);
  return out;
}

/** Current domains, one 0/1 array per variable. */
export type Domains = Uint8Array[];

/** Full domains, with the `fixed` variables reduced to their value. */
export function initialDomains(model: Model, fixed: ReadonlyMap<number, number>): Domains {
  return model.variables.map((v, x) => {
    const f = fixed.get(x);
    const d = new Uint8Array(v.values.length);
    if (f === undefined) d.fill(1);
    else d[f] = 1;
    return d;
  });
}

/** The constraints of `subset` on each variable. */
export function watchers(model: Model, subset: readonly number[]): number[][] {
  const watching = model.variables.map(() => [] as number[]);
  for (const c of subset)
    for (const x of (model.constraints[c] as { scope: readonly number[] }).scope) watching[x]?.push(c);
  return watching;
}

/**
 * The constraints of `subset` that can prune at the start: those on a fixed variable and those that prune full
 * domains. The others join when a variable of theirs shrinks (the fixpoint is the same, without scanning tables
 * that cannot prune).
 */
export function startQueue(
  model: Model,
  subset: readonly number[],
  fixed: ReadonlyMap<number, number>,
): number[] {
  const prunes = prunesOnFullDomains(model);
  return subset.filter(
    (c) =>
      prunes[c] || (model.constraints[c] as { scope: readonly number[] }).scope.some((x) => fixed.has(x)),
  );
}

/** Outcome of {@link fixpoint}: every domain non-empty, a domain emptied, or the deadline passed. */
export type Fixpoint = 'stable' | 'wipeout' | 'timeout';

/**
 * Revises the queued constraints until nothing changes, narrowing `dom` in place.
 * Pre: `watching` from {@link watchers} over the constraints that may be queued; `queue` holds distinct constraints.
 * Post: 'wipeout' as soon as a domain is empty; `used` (if given) collects each constraint that removed a value.
 */
export function fixpoint(
  model: Model,
  dom: Domains,
  watching: readonly (readonly number[])[],
  queue: number[],
  used?: Set<number>,
  deadline = Infinity,
): Fixpoint {
  const vars = model.variables;
  const queued = new Uint8Array(model.constraints.length);
  for (const c of queue) queued[c] = 1;
  for (let head = 0; head < queue.length; head++) {
    if (performance.now() > deadline) return 'timeout';
    const ci = queue[head] as number;
    queued[ci] = 0;
    const c = model.constraints[ci] as { scope: readonly number[]; rows: Int32Array };
    const arity = c.scope.length;
    const seen = c.scope.map((x) => new Uint8Array((vars[x] as { values: readonly string[] }).values.length));
    const wildSeen = new Uint8Array(arity);
    const doms = c.scope.map((x) => dom[x] as Uint8Array);
    const rows = c.rows;
    for (let r = 0; r < rows.length; r += arity) {
      let ok = true;
      for (let j = 0; j < arity; j++) {
        const v = rows[r + j] as number;
        if (v !== WILDCARD && !(doms[j] as Uint8Array)[v]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (let j = 0; j < arity; j++) {
        const v = rows[r + j] as number;
        if (v === WILDCARD) wildSeen[j] = 1;
        else (seen[j] as Uint8Array)[v] = 1;
      }
    }
    for (let j = 0; j < arity; j++) {
      if (wildSeen[j]) continue;
      const d = doms[j] as Uint8Array;
      const s = seen[j] as Uint8Array;
      let pruned = false;
      let left = 0;
      for (let v = 0; v < d.length; v++) {
        if (d[v] && !s[v]) {
          d[v] = 0;
          pruned = true;
        }
        left += d[v] as number;
      }
      if (!pruned) continue;
      used?.add(ci);
      if (left === 0) return 'wipeout';
      for (const other of watching[c.scope[j] as number] as number[]) {
        if (other !== ci && !queued[other]) {
          queued[other] = 1;
          queue.push(other);
        }
      }
    }
  }
  return 'stable';
}

/**
 * Runs GAC on a subset of the constraints with some variables fixed.
 * Pre: `subset` indexes `model.constraints`; `fixed` maps variable → value index.
 * Post: when propagation empties a domain, the constraints that removed a value on the way (a set which, with the
 * fixed values, is itself inconsistent); `null` when the fixpoint leaves every domain non-empty (no conflict found:
 * GAC is incomplete, so there may still be one) or when `deadline` (a `performance.now()` time) passes.
 */
export function gacConflict(
  model: Model,
  subset: readonly number[],
  fixed: ReadonlyMap<number, number>,
  deadline = Infinity,
): number[] | null {
  const used = new Set<number>();
  const outcome = fixpoint(
    model,
    initialDomains(model, fixed),
    watchers(model, subset),
    startQueue(model, subset, fixed),
    used,
    deadline,
  );
  return outcome === 'wipeout' ? [...used] : null;
}
