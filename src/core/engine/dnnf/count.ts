/**
 * Model counting on the smooth decision-DNNF under a partial assignment: one upward pass (Darwiche, JACM 2001:
 * counting is linear on d-DNNF). Conditioning replaces each literal contradicting a choice by 0; smoothness makes a
 * decision node's count the plain sum of its branches, an AND's the product of its children.
 */
import type { Assignment } from '../model.ts';
import { KIND_AND, KIND_DECISION, KIND_LITERAL, KIND_TRUE, type Circuit } from './circuit.ts';

/** Per variable: the chosen value index, or -1. Pre: indices in range. */
export function fixedValues(c: Circuit, a: Assignment): Int8Array {
  const fixed = new Int8Array(c.variables).fill(-1);
  for (const [x, v] of a) fixed[x] = v;
  return fixed;
}

/** Whether literal `l` agrees with the choices. */
export const allowed = (fixed: Int8Array, l: number): boolean => {
  const f = fixed[l >> 1] as number;
  return f < 0 || f === (l & 1);
};

/**
 * The exact number of models extending an assignment.
 * Pre: the assignment maps variables of the circuit to 0 or 1. Post: that number; 0n iff none.
 * O(nodes + edges) BigInt operations; a count stays a double while it is below 2^53, so most nodes cost no BigInt.
 */
export function dnnfCount(c: Circuit, a: Assignment = new Map()): bigint {
  const fixed = fixedValues(c, a);
  const { kind, label, childStart, children } = c;
  const n = kind.length;
  // small[k] is exact when big[k] is undefined; counts past 2^53 live in `big`.
  const small = new Float64Array(n);
  const big: (bigint | undefined)[] = new Array<bigint | undefined>(n);
  const value = (k: number): bigint => big[k] ?? BigInt(small[k] as number);
  const put = (k: number, v: bigint): void => {
    if (v <= 9007199254740991n) small[k] = Number(v);
    else big[k] = v;
  };
  for (let k = 0; k <= c.root; k++) {
    switch (kind[k]) {
      case KIND_TRUE:
        small[k] = 1;
        break;
      case KIND_LITERAL:
        small[k] = allowed(fixed, label[k] as number) ? 1 : 0;
        break;
      case KIND_DECISION: {
        const x = label[k] as number;
        const hi = children[childStart[k] as number] as number;
        const lo = children[(childStart[k] as number) + 1] as number;
        const f = fixed[x] as number;
        const useHi = f !== 0;
        const useLo = f !== 1;
        if (big[hi] === undefined && big[lo] === undefined) {
          const s = (useHi ? (small[hi] as number) : 0) + (useLo ? (small[lo] as number) : 0);
          if (s <= Number.MAX_SAFE_INTEGER) small[k] = s;
          else put(k, (useHi ? value(hi) : 0n) + (useLo ? value(lo) : 0n));
        } else put(k, (useHi ? value(hi) : 0n) + (useLo ? value(lo) : 0n));
        break;
      }
      case KIND_AND: {
        let p = 1;
        let pb: bigint | undefined;
        for (let e = childStart[k] as number, end = childStart[k + 1] as number; e < end; e++) {
          const ch = children[e] as number;
          const bc = big[ch];
          if (bc === undefined && small[ch] === 0) {
            p = 0;
            pb = undefined;
            break;
          }
          if (pb === undefined && bc === undefined) {
            const q = p * (small[ch] as number);
            if (q <= Number.MAX_SAFE_INTEGER) {
              p = q;
              continue;
            }
            pb = BigInt(p);
          }
          pb = (pb ?? BigInt(p)) * value(ch);
        }
        if (pb === undefined) small[k] = p;
        else put(k, pb);
        break;
      }
      default:
        small[k] = 0;
    }
  }
  return value(c.root);
}
