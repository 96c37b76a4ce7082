/**
 * Paths that differ between two JSON documents, and a three-way merge of two edits of one base: how a draft saved by
 * two people at once keeps both their edits (issue 18 §7). Catalog documents hold their slots, options and rules in
 * arrays of objects with an `id`: those arrays are compared and merged by id, so one person adding an option and the
 * other repricing another is no conflict. Other arrays (a rule's conditions) are one value each.
 */

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every element an object with a string id, none twice: merged by id. Empty arrays are plain values. */
function isKeyed(v: Json): v is JsonObject[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  const ids = new Set<string>();
  for (const e of v) {
    if (!isObject(e) || typeof e.id !== 'string' || ids.has(e.id)) return false;
    ids.add(e.id);
  }
  return true;
}

export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return (
      keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length &&
      keys.every((k) => jsonEqual(a[k], b[k]))
    );
  }
  return false;
}

const keyPath = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
const idPath = (path: string, id: string) => `${path}[${JSON.stringify(id)}]`;
const byId = (xs: readonly JsonObject[]) => new Map(xs.map((x) => [x.id as string, x]));

/** Ids in first-seen order over the lists. */
function unionIds(...lists: (readonly JsonObject[])[]): string[] {
  const ids = new Set<string>();
  for (const list of lists) for (const x of list) ids.add(x.id as string);
  return [...ids];
}

/**
 * JSON paths (`$.slots["cpu"].options["i7"].price`) at which `a` and `b` differ, deepest first-differing level only.
 * Post: empty iff jsonEqual(a, b).
 */
export function changedPaths(a: Json, b: Json, path = '$'): string[] {
  if (jsonEqual(a, b)) return [];
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => changedPaths(a[k], b[k], keyPath(path, k)));
  }
  if (isKeyed(a) && isKeyed(b)) {
    const [ma, mb] = [byId(a), byId(b)];
    const changed = unionIds(a, b).flatMap((id) => changedPaths(ma.get(id), mb.get(id), idPath(path, id)));
    // Same elements, other order: the order is the change.
    return changed.length > 0 ? changed : [path];
  }
  return [path];
}

export interface MergeResult {
  merged: Json;
  /** Paths both sides changed differently; `mine` was kept there. */
  conflicts: string[];
}

/**
 * Three-way merge: what changed from `base` to `mine` applied onto `theirs`.
 * Post: merge(b, m, b) = m; merge(b, b, t) = t; where only one side changed a path, that side's value; where both
 * changed it differently, mine, and the path is a conflict. Keyed arrays keep theirs' order, then mine's new ids.
 */
export function mergeJson(base: Json, mine: Json, theirs: Json, path = '$'): MergeResult {
  if (jsonEqual(mine, theirs) || jsonEqual(base, theirs)) return { merged: mine, conflicts: [] };
  if (jsonEqual(base, mine)) return { merged: theirs, conflicts: [] };
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const merged: JsonObject = {};
    const conflicts: string[] = [];
    for (const k of new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])) {
      const r = mergeJson(base[k], mine[k], theirs[k], keyPath(path, k));
      if (r.merged !== undefined) merged[k] = r.merged;
      conflicts.push(...r.conflicts);
    }
    return { merged, conflicts };
  }
  if (isKeyed(base) && isKeyed(mine) && isKeyed(theirs)) {
    const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
    const merged: JsonObject[] = [];
    const conflicts: string[] = [];
    for (const id of unionIds(theirs, mine)) {
      const r = mergeJson(b.get(id), m.get(id), t.get(id), idPath(path, id));
      if (r.merged !== undefined) merged.push(r.merged as JsonObject);
      conflicts.push(...r.conflicts);
    }
    return { merged, conflicts };
  }
  return { merged: mine, conflicts: [path] };
}
