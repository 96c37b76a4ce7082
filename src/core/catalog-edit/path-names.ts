import type { Catalog } from '../catalog/index.ts';

/**
 * A changed path (`$.slots["gpu"].options["gpu-x"].price`, from changedPaths) as people read it: the names of what it
 * passes through, "GPU › RTX 5090 › price". Ids the document does not know (removed since) stay ids.
 */
export function readablePath(doc: Catalog, path: string): string {
  const names = new Map<string, string>();
  for (const g of doc.groups) names.set(g.id, g.name);
  for (const s of doc.slots) {
    names.set(s.id, s.name);
    for (const o of s.options) names.set(o.id, o.name);
  }
  for (const p of doc.priceRules) names.set(p.id, p.label);
  const parts: string[] = [];
  for (const m of path.matchAll(/\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*"|\d+)\]/g)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else {
      const key = (m[2] as string).startsWith('"')
        ? (JSON.parse(m[2] as string) as string)
        : (m[2] as string);
      // A keyed element replaces its list's name: "slots › gpu" reads better as "GPU".
      const list = parts.at(-1);
      if (list && ['slots', 'options', 'groups', 'rules', 'packages', 'priceRules'].includes(list))
        parts.pop();
      parts.push(names.get(key) ?? key);
    }
  }
  return parts.length > 0 ? parts.join(' › ') : 'catalog';
}
