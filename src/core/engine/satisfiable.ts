/**
 * Whether a subset of a model's constraints admits a solution extending some fixed values: depth-first search
 * maintaining arc consistency (the propagation of propagate.ts after every decision), smallest domain first.
 * The diagram answers this for all constraints at once; explanations ask it of subsets, to tell whether a set of
 * rules conflicts when propagation alone cannot show it.
 */
import type { Model } from './model.ts';
import { fixpoint, initialDomains, startQueue, watchers, type Domains } from './propagate.ts';

/**
 * Pre: `subset` indexes `model.constraints`; `fixed` maps variable → value index.
 * Post: true iff some assignment of the variables satisfies every constraint of `subset` and keeps `fixed`
 * (variables outside the subset's scopes are free); `undefined` when `deadline` (a `performance.now()` time)
 * passes first. Exponential in the worst case; explanations ask it of a few rules.
 */
export function satisfiable(
  model: Model,
  subset: readonly number[],
  fixed: ReadonlyMap<number, number>,
  deadline = Infinity,
): boolean | undefined {
  const watching = watchers(model, subset);
  const scope = [...new Set(subset.flatMap((c) => model.constraints[c]?.scope ?? []))];
  const dom = initialDomains(model, fixed);
  const first = fixpoint(model, dom, watching, startQueue(model, subset, fixed), undefined, deadline);
  if (first !== 'stable') return first === 'timeout' ? undefined : false;
  const size = (d: Uint8Array) => d.reduce((n, b) => n + b, 0);
  const search = (dom: Domains): boolean | undefined => {
    let x = -1;
    let best = Infinity;
    for (const y of scope) {
      const s = size(dom[y] as Uint8Array);
      if (s > 1 && s < best) {
        best = s;
        x = y;
      }
    }
    // Every scoped variable has one value left and every table still supports it: a solution.
    if (x < 0) return true;
    const values = dom[x] as Uint8Array;
    for (let v = 0; v < values.length; v++) {
      if (!values[v]) continue;
      const next = dom.map((d) => d.slice());
      (next[x] as Uint8Array).fill(0);
      (next[x] as Uint8Array)[v] = 1;
      const outcome = fixpoint(model, next, watching, [...(watching[x] ?? [])], undefined, deadline);
      if (outcome === 'timeout') return undefined;
      if (outcome === 'wipeout') continue;
      const found = search(next);
      if (found !== false) return found;
    }
    return false;
  };
  return search(dom);
}
