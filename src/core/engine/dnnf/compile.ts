/**
 * CNF → smooth decision-DNNF, top-down: the trace of an exhaustive DPLL search with unit propagation, component
 * decomposition at every decision and a component cache, recorded as a circuit (Huang & Darwiche, "The language of
 * search", JAIR 2007; c2d, d4, sharpSAT). A component's node decides its best-scored variable; each branch is the
 * AND of the literals propagation implied and the nodes of the components the rest splits into.
 *
 * No clause learning: on configuration models (mostly binary implications) propagation refutes bad branches early,
 * and every refuted component is cached as FALSE.
 */
import { CircuitBuilder, FALSE_NODE, TRUE_NODE, type Circuit } from './circuit.ts';
import type { Cnf } from './cnf.ts';
import {
  ComponentCache,
  ComponentFinder,
  componentClauseCount,
  componentVariables,
  type Component,
} from './components.ts';
import { decompose, type Decomposition } from './decomposition.ts';
import { Propagator } from './propagator.ts';

export interface DnnfCompileOptions {
  /** Decisions allowed before giving up with {@link DnnfLimitError}. Default 2,000,000. */
  readonly maxDecisions?: number;
  /** Circuit nodes allowed. Default 4,000,000. */
  readonly maxNodes?: number;
  /** Int32 entries the component cache may hold (4 bytes each). Default 64M (256 MB). */
  readonly maxCacheEntries?: number;
}

/** The compilation needs more work or memory than allowed; the message says which bound. */
export class DnnfLimitError extends Error {
  override readonly name = 'DnnfLimitError';
}

export interface DnnfStats {
  decisions: number;
  cacheHits: number;
  cacheEntries: number;
  components: number;
  propagations: number;
}

export interface CompiledDnnf {
  readonly circuit: Circuit;
  readonly stats: DnnfStats;
}

class TopDown {
  readonly p: Propagator;
  readonly finder: ComponentFinder;
  readonly cache = new ComponentCache();
  readonly b: CircuitBuilder;
  readonly tree: Decomposition;
  decisions = 0;
  components = 0;

  constructor(
    cnf: Cnf,
    private readonly maxDecisions: number,
    maxNodes: number,
    private readonly maxCacheEntries: number,
  ) {
    this.p = new Propagator(cnf);
    this.finder = new ComponentFinder(this.p);
    this.b = new CircuitBuilder(maxNodes);
    this.tree = decompose(cnf);
  }

  /**
   * The variable to decide on: the highest in the elimination tree (so the component splits), ties broken by
   * active-clause occurrences plus conflict activity (sharpSAT's VSADS score).
   */
  private pick(vars: Int32Array): number {
    const { score } = this.finder;
    const { activity } = this.p;
    const { depth } = this.tree;
    let best = vars[0] as number;
    let bestDepth = Infinity;
    let bestScore = -1;
    for (let i = 0; i < vars.length; i++) {
      const x = vars[i] as number;
      const d = depth[x] as number;
      if (d > bestDepth) continue;
      const s = (score[x] as number) + 10 * (activity[x] as number);
      if (d < bestDepth || s > bestScore) {
        bestDepth = d;
        bestScore = s;
        best = x;
      }
    }
    return best;
  }

  /** Post: the node of the components of `vars`'s unassigned variables under the current trail (FALSE if one is). */
  conjoinComponents(vars: ArrayLike<number>, parts: number[]): number {
    const comps = this.finder.split(vars);
    // Decide each component's variable now: `score` is only valid until the next split.
    const picks = comps.map((c) => (componentClauseCount(c) === 0 ? -1 : this.pick(componentVariables(c))));
    // Smallest first: a refuted small component spares the big ones.
    const order = comps
      .map((_, i) => i)
      .sort((a, b) => (comps[a] as Component).length - (comps[b] as Component).length);
    for (const i of order) {
      const node = this.component(comps[i] as Component, picks[i] as number);
      if (node === FALSE_NODE) return FALSE_NODE;
      parts.push(node);
    }
    return this.b.and(parts);
  }

  private component(c: Component, x: number): number {
    this.components++;
    if (x < 0) {
      // A variable no active clause mentions: free, both values.
      const v = c[1] as number;
      return this.b.decision(v, TRUE_NODE, TRUE_NODE);
    }
    const cached = this.cache.get(c);
    if (cached !== undefined) return cached;
    const vars = componentVariables(c);
    const hi = this.branch(2 * x + 1, vars);
    const lo = this.branch(2 * x, vars);
    const node = this.b.decision(x, hi, lo);
    this.cache.set(c, node);
    if (this.cache.entries > this.maxCacheEntries)
      throw new DnnfLimitError(`the component cache would exceed ${this.maxCacheEntries} entries`);
    return node;
  }

  private branch(l: number, vars: Int32Array): number {
    if (++this.decisions > this.maxDecisions)
      throw new DnnfLimitError(`the compilation would take more than ${this.maxDecisions} decisions`);
    const p = this.p;
    const mark = p.size;
    p.assign(l);
    let node = FALSE_NODE;
    if (p.propagate()) {
      const parts: number[] = [];
      for (let i = mark + 1; i < p.size; i++) parts.push(this.b.literal(p.trail[i] as number));
      node = this.conjoinComponents(vars, parts);
    }
    p.backtrack(mark);
    return node;
  }
}

/**
 * Compiles a CNF into a smooth decision-DNNF.
 * Pre: `cnf` is valid. Post: a circuit whose models are exactly the CNF's, over all its variables (see circuit.ts);
 * its root is FALSE iff the CNF is unsatisfiable. Throws {@link DnnfLimitError} or `CircuitLimitError` when a bound
 * of `options` is exceeded, so a formula too hard for it fails in bounded time and memory.
 */
export function compileDnnf(cnf: Cnf, options: DnnfCompileOptions = {}): CompiledDnnf {
  const t = new TopDown(
    cnf,
    options.maxDecisions ?? 2_000_000,
    options.maxNodes ?? 4_000_000,
    options.maxCacheEntries ?? 64_000_000,
  );
  let root = FALSE_NODE;
  if (t.p.units() && t.p.propagate()) {
    const parts: number[] = [];
    for (let i = 0; i < t.p.size; i++) parts.push(t.b.literal(t.p.trail[i] as number));
    root = t.conjoinComponents(
      Int32Array.from({ length: cnf.variables }, (_, x) => x),
      parts,
    );
  }
  return {
    circuit: t.b.finish(cnf.variables, root),
    stats: {
      decisions: t.decisions,
      cacheHits: t.cache.hits,
      cacheEntries: t.cache.entries,
      components: t.components,
      propagations: t.p.propagations,
    },
  };
}
