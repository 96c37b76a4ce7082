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
import { decompose, orderDecomposition, type Decomposition } from './decomposition.ts';
import { GroupComponentFinder } from './group-components.ts';
import { pickDecision } from './branching.ts';
import type { Frame } from './frames.ts';
import { Propagator } from './propagator.ts';

export interface DnnfCompileOptions {
  /** Decisions allowed before giving up with {@link DnnfLimitError}. Default 2,000,000. */
  readonly maxDecisions?: number;
  /** Circuit nodes allowed. Default 4,000,000. */
  readonly maxNodes?: number;
  /** Int32 entries the component cache may hold (4 bytes each). Default 64M (256 MB). */
  readonly maxCacheEntries?: number;
  /**
   * For a CNF with exactly-one groups: decide the groups in this order (position → group, e.g. the model's diagram
   * order) rather than by the elimination tree of the groups' graph. Ignored without groups.
   */
  readonly order?: readonly number[];
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
  readonly finder: ComponentFinder | GroupComponentFinder;
  readonly cache = new ComponentCache();
  readonly b: CircuitBuilder;
  readonly tree: Decomposition;
  private readonly stack: Frame[] = [];
  decisions = 0;
  components = 0;

  constructor(
    cnf: Cnf,
    private readonly maxDecisions: number,
    maxNodes: number,
    private readonly maxCacheEntries: number,
    order: readonly number[] | undefined,
  ) {
    this.p = new Propagator(cnf);
    this.finder = cnf.groups ? new GroupComponentFinder(this.p, cnf.groups) : new ComponentFinder(this.p);
    this.b = new CircuitBuilder(maxNodes);
    this.tree =
      cnf.groups !== undefined && order !== undefined ? orderDecomposition(cnf, order) : decompose(cnf);
  }

  /**
   * Pushes the conjunction of `parts` and the components of `vars`'s unassigned variables under the current trail;
   * when it finishes, the trail is cut back to `mark`.
   */
  private conjoin(vars: ArrayLike<number>, parts: number[], mark: number): void {
    const comps = this.finder.split(vars);
    // Decide each component's variable now: `score` is only valid until the next split.
    const picks = comps.map((c) =>
      c[0] === 1 && componentClauseCount(c) === 0
        ? -1
        : pickDecision(componentVariables(c), this.finder.score, this.p, this.tree),
    );
    // Smallest first: a refuted small component spares the big ones.
    const order = comps
      .map((_, i) => i)
      .sort((a, b) => (comps[a] as Component).length - (comps[b] as Component).length);
    this.stack.push({ conj: true, comps, picks, order, next: 0, parts, mark, waiting: false });
  }

  /**
   * The literal nodes of the trail from `from` on. With groups, a group's literals are first joined in an AND of
   * their own: taking a value sets the other d-1 false, and that AND is shared by every branch that does so (the PC's
   * circuit: 1.5M edges with them flat).
   */
  implied(from: number): number[] {
    const { p, b } = this;
    const parts: number[] = [];
    if (p.cnf.groups === undefined) {
      for (let i = from; i < p.size; i++) parts.push(b.literal(p.trail[i] as number));
      return parts;
    }
    const { group } = this.tree;
    const byGroup = new Map<number, number[]>();
    for (let i = from; i < p.size; i++) {
      const l = p.trail[i] as number;
      const g = group[l >> 1] as number;
      const ls = byGroup.get(g);
      if (ls === undefined) byGroup.set(g, [b.literal(l)]);
      else ls.push(b.literal(l));
    }
    for (const ls of byGroup.values()) parts.push(b.and(ls));
    return parts;
  }

  /** An unassigned variable of x's exactly-one group, or -1 (none, or the CNF has no groups). */
  private openGroupMate(x: number): number {
    const start = this.p.cnf.groups?.start;
    if (start === undefined) return -1;
    const g = this.tree.group[x] as number;
    for (let y = start[g] as number; y < (start[g + 1] as number); y++) if (this.p.value[y] === -1) return y;
    return -1;
  }

  /** Decides literal l: a node at once if propagation refutes it, else -1 with its conjunction pushed. */
  private branch(l: number, vars: Int32Array): number {
    if (++this.decisions > this.maxDecisions)
      throw new DnnfLimitError(`the compilation would take more than ${this.maxDecisions} decisions`);
    const p = this.p;
    const mark = p.size;
    p.assign(l);
    if (!p.propagate()) {
      p.backtrack(mark);
      return FALSE_NODE;
    }
    const parts = this.implied(mark + 1);
    const next = (l & 1) === 0 ? this.openGroupMate(l >> 1) : -1;
    if (next >= 0) {
      // The group's next value, in the same formula: its signature would rarely recur (the values ruled out so far
      // are part of it), so no split and no cache entry until a value is taken.
      this.stack.push({
        conj: true,
        comps: [null],
        picks: [next],
        order: [0],
        next: 0,
        parts,
        mark,
        waiting: false,
        vars,
      });
      return -1;
    }
    this.conjoin(vars, parts, mark);
    return -1;
  }

  /**
   * Runs the search on an explicit stack (a deep elimination tree would overflow a worker's call stack): each frame
   * is a component deciding its variable (hi, then lo branch) or a branch conjoining its components one by one, and
   * a finished frame hands its node to the frame below through `result`.
   */
  run(vars: ArrayLike<number>, parts: number[]): number {
    const { stack, b, p } = this;
    this.conjoin(vars, parts, p.size);
    let result = FALSE_NODE;
    while (stack.length > 0) {
      const f = stack[stack.length - 1] as Frame;
      if (f.conj) {
        if (f.waiting) {
          f.waiting = false;
          if (result === FALSE_NODE) f.next = Infinity;
          else f.parts.push(result);
        }
        while (f.next < f.order.length) {
          const i = f.order[f.next++] as number;
          const c = f.comps[i] as Component | null;
          const x = f.picks[i] as number;
          this.components++;
          // A variable no active clause mentions: free, both values.
          const node =
            c === null
              ? undefined
              : x < 0
                ? b.decision(c[1] as number, TRUE_NODE, TRUE_NODE)
                : this.cache.get(c);
          if (node === FALSE_NODE) f.next = Infinity;
          else if (node !== undefined) f.parts.push(node);
          else {
            f.waiting = true;
            const vars = c === null ? (f.vars as Int32Array) : componentVariables(c);
            stack.push({ conj: false, comp: c, x, vars, stage: 0, hi: FALSE_NODE });
            break;
          }
        }
        if (f.waiting) continue;
        result = f.next === Infinity ? FALSE_NODE : b.and(f.parts);
        p.backtrack(f.mark);
        stack.pop();
      } else if (f.stage === 0) {
        f.stage = 1;
        result = this.branch(2 * f.x + 1, f.vars);
      } else if (f.stage === 1) {
        f.hi = result;
        f.stage = 2;
        result = this.branch(2 * f.x, f.vars);
      } else {
        result = b.decision(f.x, f.hi, result);
        if (f.comp !== null) this.cache.set(f.comp, result);
        if (this.cache.entries > this.maxCacheEntries)
          throw new DnnfLimitError(`the component cache would exceed ${this.maxCacheEntries} entries`);
        stack.pop();
      }
    }
    return result;
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
    options.order,
  );
  let root = FALSE_NODE;
  if (t.p.units() && t.p.propagate()) {
    const parts = t.implied(0);
    root = t.run(
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
