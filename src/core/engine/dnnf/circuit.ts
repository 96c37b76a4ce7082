/**
 * The second compiled form: a smooth decision-DNNF circuit (Darwiche, JACM 2001; Huang & Darwiche's "decision-DNNF",
 * the language of d4 and c2d), immutable, in typed arrays.
 *
 * Node kinds: the constants, a literal, a decomposable AND (children over pairwise disjoint variables), and a
 * decision on a variable x: `(x=1 ∧ hi) ∨ (x=0 ∧ lo)`, children `[hi, lo]`, neither mentioning x — deterministic.
 * The compiler also makes it **smooth**: `hi` and `lo` mention the same variables (a variable left unconstrained in
 * a branch appears as `decision(x, TRUE, TRUE)`), and the root mentions every variable. So every query is one pass
 * with no "free variable" gaps to account for. Children always precede parents (ids increase upward): an upward pass
 * is a forward scan, a downward pass a backward one.
 */

export const KIND_FALSE = 0;
export const KIND_TRUE = 1;
export const KIND_LITERAL = 2;
export const KIND_AND = 3;
export const KIND_DECISION = 4;

/** Node ids of the constants, the same in every circuit. */
export const FALSE_NODE = 0;
export const TRUE_NODE = 1;

export interface Circuit {
  /** Number of Boolean variables; literal `2x+v` is "x takes value index v". */
  readonly variables: number;
  readonly kind: Uint8Array;
  /** A literal node's literal, a decision node's variable, else -1. */
  readonly label: Int32Array;
  /** Node k's children are `children[childStart[k] .. childStart[k+1]-1]`. */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  readonly root: number;
}

export const circuitNodes = (c: Circuit): number => c.kind.length;
export const circuitEdges = (c: Circuit): number => c.children.length;

/** Bytes taken by the circuit's arrays. */
export function circuitBytes(c: Circuit): number {
  return c.kind.byteLength + c.label.byteLength + c.childStart.byteLength + c.children.byteLength;
}

/** Hash-consing builder: structurally equal nodes get one id, constants are folded. */
export class CircuitBuilder {
  private kind: number[] = [KIND_FALSE, KIND_TRUE];
  private label: number[] = [-1, -1];
  private start: number[] = [0, 0, 0];
  private kids: number[] = [];
  /** Structural hash → the node, or the nodes, with that hash (compared exactly). */
  private readonly unique = new Map<number, number | number[]>();
  /** Literal nodes by literal: the compiler asks one per implied literal. */
  private literals: number[] = [];

  constructor(private readonly maxNodes = Infinity) {}

  get size(): number {
    return this.kind.length;
  }

  private same(id: number, kind: number, label: number, children: readonly number[]): boolean {
    const s = this.start[id] as number;
    if (
      this.kind[id] !== kind ||
      this.label[id] !== label ||
      (this.start[id + 1] as number) - s !== children.length
    )
      return false;
    for (let i = 0; i < children.length; i++) if (this.kids[s + i] !== children[i]) return false;
    return true;
  }

  /** The node of that kind, label and children: the existing one, else a new one. */
  private add(kind: number, label: number, children: readonly number[]): number {
    let h = Math.imul(kind + 1, 0x9e3779b1) ^ label;
    for (const c of children) h = Math.imul(h ^ c, 0x01000193);
    h ^= h >>> 15;
    const found = this.unique.get(h);
    if (typeof found === 'number' && this.same(found, kind, label, children)) return found;
    if (Array.isArray(found)) for (const id of found) if (this.same(id, kind, label, children)) return id;
    if (this.kind.length >= this.maxNodes) throw new CircuitLimitError(this.maxNodes);
    const id = this.kind.length;
    this.kind.push(kind);
    this.label.push(label);
    for (const c of children) this.kids.push(c);
    this.start.push(this.kids.length);
    if (found === undefined) this.unique.set(h, id);
    else if (typeof found === 'number') this.unique.set(h, [found, id]);
    else found.push(id);
    return id;
  }

  literal(l: number): number {
    const known = this.literals[l];
    if (known !== undefined) return known;
    const id = this.add(KIND_LITERAL, l, []);
    this.literals[l] = id;
    return id;
  }

  /** `(x=1 ∧ hi) ∨ (x=0 ∧ lo)`. Pre: neither child mentions x; both mention the same variables unless FALSE. */
  decision(x: number, hi: number, lo: number): number {
    if (hi === FALSE_NODE && lo === FALSE_NODE) return FALSE_NODE;
    if (hi === TRUE_NODE && lo === FALSE_NODE) return this.literal(2 * x + 1);
    if (hi === FALSE_NODE && lo === TRUE_NODE) return this.literal(2 * x);
    return this.add(KIND_DECISION, x, [hi, lo]);
  }

  /** Conjunction. Pre: the children mention pairwise disjoint variables. Sorted, so order does not matter. */
  and(children: number[]): number {
    const kept: number[] = [];
    for (const c of children) {
      if (c === FALSE_NODE) return FALSE_NODE;
      if (c !== TRUE_NODE) kept.push(c);
    }
    if (kept.length === 0) return TRUE_NODE;
    if (kept.length === 1) return kept[0] as number;
    kept.sort((a, b) => a - b);
    return this.add(KIND_AND, -1, kept);
  }

  finish(variables: number, root: number): Circuit {
    return {
      variables,
      kind: Uint8Array.from(this.kind),
      label: Int32Array.from(this.label),
      childStart: Int32Array.from(this.start.slice(0, this.kind.length + 1)),
      children: Int32Array.from(this.kids),
      root,
    };
  }
}

/** The circuit would exceed its node bound. */
export class CircuitLimitError extends Error {
  override readonly name = 'CircuitLimitError';
  constructor(readonly limit: number) {
    super(`the decision-DNNF would exceed ${limit} nodes`);
  }
}
