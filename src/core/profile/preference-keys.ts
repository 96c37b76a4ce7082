import type { CatalogIndex } from '../catalog/build.ts';

/**
 * Corrections a profile keeps at most. Every key must name something in a catalog (below), which already bounds the
 * profile; this bounds it again however many catalogs there are (the demo's two have about 300 keys together).
 */
export const MAX_OVERRIDES = 300;

/**
 * What is wrong with a preference key (see preferenceKey) for the catalog it names, or null when it names an enum
 * value of one of its attributes, an option of one of its single or optional slots, or one of its slots' price
 * bands: exactly the keys learning can produce, so a correction always corrects something (issue 19 §4).
 * @pre `index` is the catalog the key's first segment names; the key matches preferenceKeySchema's pattern.
 */
export function preferenceKeyProblem(index: CatalogIndex, key: string): string | null {
  const { catalog } = index;
  const [catalogId, kind, ref = '', value = ''] = key.split('/');
  if (catalogId !== catalog.id) return `not a key of catalog "${catalog.id}"`;
  if (kind === 'attr') {
    const def = catalog.attributes[ref];
    if (def?.type !== 'enum') return `catalog "${catalog.id}" has no enum attribute "${ref}"`;
    return def.values.includes(value) ? null : `attribute "${ref}" has no value "${value}"`;
  }
  const slot = index.slot.get(ref);
  if (!slot) return `catalog "${catalog.id}" has no slot "${ref}"`;
  if (kind === 'price') return null;
  if (slot.kind === 'multi')
    return `slot "${ref}" takes several options; only its price band is a preference`;
  return slot.options.some((o) => o.id === value) ? null : `slot "${ref}" has no option "${value}"`;
}
