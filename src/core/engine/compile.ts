/**
 * Model → {@link Diagram}: one MDD per constraint table, conjoined bottom-up (constraints sorted by the deepest
 * first level of their scope, so each conjunction adds structure just above what is already built), under a static
 * variable order from FORCE. When the first diagram is large (clicks cost O(edges)), two more FORCE seeds are tried
 * with a work budget relative to the best so far, and the smallest diagram is kept: on the BR4CP "big" car the
 * seeds give 353k to 805k nodes.
 */
import type { Diagram } from './diagram.ts';
import { BudgetExceeded, FALSE, MddStore, TRUE } from './mdd-store.ts';
import type { Model } from './model.ts';
import { bfsOrder, force, minDegreeOrder } from './order.ts';

export interface CompileOptions {
  /** Use this order (position → variable) instead of searching one. */
  readonly order?: readonly number[];
  /** A candidate order stops once its work exceeds this multiple of the best candidate's work. Default 1.25. */
  readonly budgetFactor?: number;
  /** Other seeds are tried only when the first diagram has more nodes than this. Default 100,000. */
  readonly tryMoreAbove?: number;
  /**
   * Conjunction steps allowed per candidate order before giving up with {@link CompileLimitError}, so that a model
   * too large for a diagram fails in bounded time instead of compiling for hours. Default: no limit.
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

function build(model: Model, order: readonly number[], budget: number): Built {
  const levelOf = new Int32Array(order.length);
  order.forEach((x, l) => (levelOf[x] = l));
  const rows = model.constraints.reduce((t, c) => t + c.rows.length / Math.max(1, c.scope.length), 0);
  const cacheBits = Math.min(20, Math.max(10, Math.ceil(Math.log2(2 * rows + 1024))));
  let store = new MddStore(
    order.map((x) => (model.variables[x] as { values: readonly string[] }).values.length),
    cacheBits,
  );
  let workBefore = 0;
  store.budget = budget;
  const items = model.constraints.map((c) => {
    const levels = c.scope.map((x) => levelOf[x] as number);
    return {
      top: levels.length ? Math.min(...levels) : order.length,
      bottom: levels.length ? Math.max(...levels) : order.length,
      node: store.table(levels, c.rows),
    };
  });
  items.sort((a, b) => b.top - a.top || b.bottom - a.bottom);
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
  const n = order.length;
  const levelOf = new Int32Array(n);
  order.forEach((x, l) => (levelOf[x] = l));
  const domSize = Int32Array.from(store.dom);
  const nodes: number[] = [];
  if (root > TRUE) {
    const seen = new Uint8Array(store.size);
    const stack = [root];
    seen[root] = 1;
    while (stack.length > 0) {
      const x = stack.pop() as number;
      nodes.push(x);
      for (const c of store.children(x)) {
        if (c > TRUE && !seen[c]) {
          seen[c] = 1;
          stack.push(c);
        }
      }
    }
    nodes.sort((a, b) => (store.level[a] as number) - (store.level[b] as number) || a - b);
  }
  const terminal = nodes.length;
  const id = new Map<number, number>(nodes.map((x, k) => [x, k]));
  id.set(TRUE, terminal);
  const nodeLevel = new Int32Array(terminal + 1);
  const edgeStart = new Int32Array(terminal + 2);
  let edges = 0;
  nodes.forEach((x, k) => {
    nodeLevel[k] = store.level[x] as number;
    for (const c of store.children(x)) if (c !== FALSE) edges++;
  });
  nodeLevel[terminal] = n;
  const edgeValue = new Int32Array(edges);
  const edgeChild = new Int32Array(edges);
  let e = 0;
  nodes.forEach((x, k) => {
    edgeStart[k] = e;
    const kids = store.children(x);
    for (let v = 0; v < kids.length; v++) {
      const c = kids[v] as number;
      if (c === FALSE) continue;
      edgeValue[e] = v;
      edgeChild[e++] = id.get(c) as number;
    }
  });
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
    root: root === FALSE ? -1 : root === TRUE ? terminal : (id.get(root) as number),
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
  if (options.order) {
    try {
      return extract(model, options.order, build(model, options.order, maxWork));
    } catch (err) {
      throw limited(err);
    }
  }
  const n = model.variables.length;
  const scopes = model.constraints.map((c) => c.scope);
  const seeds = [
    () => Array.from({ length: n }, (_, i) => i),
    () => bfsOrder(n, scopes),
    () => minDegreeOrder(n, scopes),
  ];
  const factor = options.budgetFactor ?? 1.25;
  let best: { order: number[]; built: Built; size: number } | undefined;
  for (const seed of seeds) {
    const order = force(scopes, seed());
    try {
      const built = build(model, order, Math.min(maxWork, best ? best.built.work * factor : Infinity));
      const size = built.store.reachable(built.root);
      if (!best || size < best.size) best = { order, built, size };
      if (best.size <= (options.tryMoreAbove ?? 100_000)) break;
    } catch (err) {
      if (!(err instanceof BudgetExceeded)) throw err;
    }
  }
  if (!best) throw limited(new BudgetExceeded());
  return extract(model, best.order, best.built);
}
