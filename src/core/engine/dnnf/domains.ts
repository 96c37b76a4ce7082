/**
 * Valid domains on the smooth decision-DNNF under a partial assignment: upward, which nodes still have a model
 * (a literal if it agrees with the choices, an AND if all its children do, a decision if an allowed branch does);
 * downward from the root, the derivative of the root with respect to each node and literal in the Boolean semiring
 * (Darwiche, "A differential approach to inference", JACM 2003). Decomposability lets the models of an AND's
 * children combine freely, so a literal is valid iff that derivative is 1 and it agrees with the choices; smoothness
 * puts every variable on every model's path, so no variable is left unmarked. Exact, O(nodes + edges).
 */
import type { Assignment } from '../model.ts';
import { KIND_AND, KIND_DECISION, KIND_LITERAL, KIND_TRUE, type Circuit } from './circuit.ts';
import { allowed, fixedValues } from './count.ts';

/** Per-circuit scratch reused across clicks. */
export interface DnnfScratch {
  readonly alive: Uint8Array;
  readonly reach: Uint8Array;
}

export function dnnfScratch(c: Circuit): DnnfScratch {
  return { alive: new Uint8Array(c.kind.length), reach: new Uint8Array(c.kind.length) };
}

export interface DnnfDomainsOptions {
  /** Give each chosen variable the values it could switch to while every other choice stays (as the MDD's option). */
  readonly ownChoiceFree?: boolean;
}

/**
 * Upward liveness: `alive[k]` = 1 iff node k has a model agreeing with the choices (a literal if it agrees, an AND if
 * all its children are alive, a decision if an allowed branch is). O(nodes + edges).
 */
export function aliveUnder(c: Circuit, fixed: Int8Array, alive: Uint8Array): Uint8Array {
  const { kind, label, childStart, children, root } = c;
  for (let k = 0; k <= root; k++) {
    let live = 0;
    switch (kind[k]) {
      case KIND_TRUE:
        live = 1;
        break;
      case KIND_LITERAL:
        live = allowed(fixed, label[k] as number) ? 1 : 0;
        break;
      case KIND_DECISION: {
        const f = fixed[label[k] as number] as number;
        const s = childStart[k] as number;
        live =
          (f !== 0 ? (alive[children[s] as number] as number) : 0) |
          (f !== 1 ? (alive[children[s + 1] as number] as number) : 0);
        break;
      }
      case KIND_AND: {
        live = 1;
        for (let e = childStart[k] as number, end = childStart[k + 1] as number; e < end; e++)
          if (!alive[children[e] as number]) {
            live = 0;
            break;
          }
        break;
      }
    }
    alive[k] = live;
  }
  return alive;
}

/**
 * Whether some model extends the assignment: the liveness pass alone, no BigInt (cheaper than a count).
 * Pre: as {@link dnnfDomains}. O(nodes + edges).
 */
export function dnnfSatisfiable(c: Circuit, a: Assignment, scratch: DnnfScratch = dnnfScratch(c)): boolean {
  return aliveUnder(c, fixedValues(c, a), scratch.alive)[c.root] === 1;
}

/**
 * Which values can still be part of a model.
 * Pre: the assignment maps variables of the circuit to 0 or 1; `scratch` came from this circuit.
 * Post: `valid[2x+v]` is 1 iff some model extends the assignment with x = v (a chosen variable shows at most its
 * chosen value; with `ownChoiceFree`, every value it could switch to with the other choices kept); all zero iff no
 * model extends the assignment.
 */
export function dnnfDomains(
  c: Circuit,
  a: Assignment,
  scratch: DnnfScratch = dnnfScratch(c),
  options: DnnfDomainsOptions = {},
): Uint8Array {
  const free = options.ownChoiceFree === true;
  const fixed = fixedValues(c, a);
  const { kind, label, childStart, children, root } = c;
  const { alive, reach } = scratch;
  const valid = new Uint8Array(2 * c.variables);
  aliveUnder(c, fixed, alive);
  if (!alive[root]) return valid;
  // Downward: reach[k] = 1 iff the root has a model once node k is replaced by TRUE (Darwiche's derivative of the
  // root with respect to k, in the Boolean semiring): a path from the root on which every AND's other children are
  // alive and every decision edge agrees with the choices. A value is valid iff the derivative with respect to its
  // literal is 1 and the literal agrees with the choices; with `ownChoiceFree`, whether or not it agrees — the
  // circuit being smooth, that derivative is the satisfiability with that variable's choice alone changed.
  reach.fill(0, 0, root + 1);
  reach[root] = 1;
  for (let k = root; k >= 0; k--) {
    if (!reach[k]) continue;
    switch (kind[k]) {
      case KIND_LITERAL:
        valid[label[k] as number] = 1;
        break;
      case KIND_DECISION: {
        const x = label[k] as number;
        const f = fixed[x] as number;
        const s = childStart[k] as number;
        const hi = children[s] as number;
        const lo = children[s + 1] as number;
        if (alive[hi]) valid[2 * x + 1] = 1;
        if (alive[lo]) valid[2 * x] = 1;
        if (f !== 0) reach[hi] = 1;
        if (f !== 1) reach[lo] = 1;
        break;
      }
      case KIND_AND: {
        const from = childStart[k] as number;
        const end = childStart[k + 1] as number;
        let dead = -1;
        for (let e = from; e < end; e++) {
          if (alive[children[e] as number]) continue;
          if (dead >= 0) {
            dead = -2;
            break;
          }
          dead = children[e] as number;
        }
        if (dead === -1) for (let e = from; e < end; e++) reach[children[e] as number] = 1;
        else if (dead >= 0) reach[dead] = 1;
        break;
      }
    }
  }
  if (!free) for (let l = 0; l < valid.length; l++) if (!allowed(fixed, l)) valid[l] = 0;
  return valid;
}
