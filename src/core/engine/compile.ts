/**
 * Model → {@link Diagram}: one MDD per constraint table, conjoined bottom-up (constraints sorted by the deepest
 * first level of their scope, so each conjunction adds structure just above what is already built), under a static
 * variable order from FORCE seeded with the file's order. (Trying FORCE from two more seeds within half the work was
 * dropped on 7 Dec: it doubled big's compile and never gave a smaller diagram; see the engine README.)
 */
import type { Diagram } from './diagram.ts';
import { BudgetExceeded, FALSE, MddStore, TRUE } from './mdd-store.ts';
import type { Model } from './model.ts';
import { force } from './order.ts';

export interface CompileOptions {
  /** Use this order (position → variable) instead of FORCE's. */
  readonly order?: readonly number[];
  /**
   * Conjunction steps allowed before giving up with {@link CompileLimitError}, so that a model too large for a
   * diagram fails in bounded time instead of compiling for hours. Default: no limit.
   */
  readonly maxWork?: number;
}

/** The model needs more compile work than allowed (see CompileOptions.maxWork). */
export class CompileLimitError extends Error {
  override readonly name = 'CompileLimitError';
}

/** Garbage-collect the store when it holds this many nodes. */
const COMPACT_AT = 4_000_000;

interface Built {
  store: MddStore;
  root: number;
  work: number;
}

/** Position in the order → variable, inverted: variable → level. */
function levelsOf(order: readonly number[]): Int32Array {
  const levelOf = new Int32Array(order.length);
  order.forEach((x, l) => (levelOf[x] = l));
  return levelOf;
}

/**
 * Computed-table size (log2) for a model: about twice its (star-weighted) rows, between 2^10 and 2^20 entries.
 * Exported for the C peer of bench/engine-big.ts, which must use the same.
 */
export function cacheBitsFor(model: Model): number {
  const rows = model.constraints.reduce((t, c) => t + c.rows.length / Math.max(1, c.scope.length), 0);
  return Math.min(20, Math.max(10, Math.ceil(Math.log2(2 * rows + 1024))));
}

/**
 * The conjunction schedule under `order`: constraint indices sorted by the deepest first level of their scope, ties
 * by the deepest last level, then by index. Exported for the C peer of bench/engine-big.ts.
 */
export function conjunctionSchedule(model: Model, order: readonly number[]): number[] {
  const levelOf = levelsOf(order);
  const span = model.constraints.map((c) => {
    const levels = c.scope.map((x) => levelOf[x] as number);
    return levels.length
      ? { top: Math.min(...levels), bottom: Math.max(...levels) }
      : { top: order.length, bottom: order.length };
  });
  return model.constraints
    .map((_, i) => i)
    .sort((a, b) => {
      const x = span[a] as { top: number; bottom: number };
      const y = span[b] as { top: number; bottom: number };
      return y.top - x.top || y.bottom - x.bottom || a - b;
    });
}

function build(model: Model, order: readonly number[], budget: number): Built {
  const levelOf = levelsOf(order);
  let store = new MddStore(
    order.map((x) => (model.variables[x] as { values: readonly string[] }).values.length),
    cacheBitsFor(model),
  );
  let workBefore = 0;
  store.budget = budget;
  const tables = model.constraints.map((c) =>
    store.table(
      c.scope.map((x) => levelOf[x] as number),
      c.rows,
    ),
  );
  const items = conjunctionSchedule(model, order).map((i) => ({ node: tables[i] as number }));
  let acc = TRUE;
  for (let i = 0; i < items.length && acc !== FALSE; i++) {
    acc = store.and(acc, (items[i] as { node: number }).node);
    if (store.size > COMPACT_AT) {
      const rest = items.slice(i + 1);
      const { store: fresh, roots } = store.compact([acc, ...rest.map((it) => it.node)]);
      workBefore += store.work;
      fresh.budget = budget - workBefore;
      store = fresh;
      acc = roots[0] as number;
      rest.forEach((it, j) => (it.node = roots[j + 1] as number));
    }
  }
  return { store, root: acc, work: workBefore + store.work };
}

function extract(model: Model, order: readonly number[], built: Built): Diagram {
  const { store, root } = built;
  const { level, offset, kids, dom } = store;
  const n = order.length;
  const levelOf = levelsOf(order);
  const domSize = Int32Array.from(dom);
  // Reachable nodes, numbered by (level, store id): a counting sort by level over ids in increasing order.
  const seen = new Uint8Array(store.size);
  const perLevel = new Int32Array(n + 1);
  let terminal = 0;
  let edges = 0;
  if (root > TRUE) {
    const stack = new Int32Array(store.size);
    let top = 0;
    stack[top++] = root;
    seen[root] = 1;
    while (top > 0) {
      const x = stack[--top] as number;
      const l = level[x] as number;
      perLevel[l + 1] = (perLevel[l + 1] as number) + 1;
      terminal++;
      const o = offset[x] as number;
      for (let v = 0, d = dom[l] as number; v < d; v++) {
        const c = kids[o + v] as number;
        if (c !== FALSE) edges++;
        if (c > TRUE && !seen[c]) {
          seen[c] = 1;
          stack[top++] = c;
        }
      }
    }
  }
  for (let l = 0; l < n; l++) perLevel[l + 1] = (perLevel[l + 1] as number) + (perLevel[l] as number);
  const nodes = new Int32Array(terminal);
  const id = new Int32Array(store.size);
  id[TRUE] = terminal;
  for (let x = TRUE + 1; x < store.size; x++) {
    if (!seen[x]) continue;
    const l = level[x] as number;
    const k = perLevel[l] as number;
    perLevel[l] = k + 1;
    nodes[k] = x;
    id[x] = k;
  }
  const nodeLevel = new Int32Array(terminal + 1);
  const edgeStart = new Int32Array(terminal + 2);
  nodeLevel[terminal] = n;
  const edgeValue = new Int32Array(edges);
  const edgeChild = new Int32Array(edges);
  let e = 0;
  for (let k = 0; k < terminal; k++) {
    const x = nodes[k] as number;
    const l = level[x] as number;
    const o = offset[x] as number;
    nodeLevel[k] = l;
    edgeStart[k] = e;
    for (let v = 0, d = dom[l] as number; v < d; v++) {
      const c = kids[o + v] as number;
      if (c === FALSE) continue;
      edgeValue[e] = v;
      edgeChild[e++] = id[c] as number;
    }
  }
  edgeStart[terminal] = e;
  edgeStart[terminal + 1] = e;
  return {
    model,
    order: Int32Array.from(order),
    levelOf,
    domSize,
    nodeLevel,
    edgeStart,
    edgeValue,
    edgeChild,
    root: root === FALSE ? -1 : (id[root] as number),
    terminal,
  };
}

/**
 * Compiles a model into the diagram of all its valid builds.
 * Pre: `validateModel(model)` passes. Post: the diagram's models are exactly the builds satisfying every
 * constraint; `root === -1` iff there is none. Deterministic: same model and options, same diagram.
 */
export function compileModel(model: Model, options: CompileOptions = {}): Diagram {
  const maxWork = options.maxWork ?? Infinity;
  const limited = (err: unknown) =>
    err instanceof BudgetExceeded
      ? new CompileLimitError(
          `the model needs more than ${maxWork} conjunction steps to compile; it is too large`,
        )
      : err;
  const order =
    options.order ??
    force(
      model.constraints.map((c) => c.scope),
      Array.from({ length: model.variables.length }, (_, i) => i),
    );
  try {
    return extract(model, order, build(model, order, maxWork));
  } catch (err) {
    throw limited(err);
  }
}
