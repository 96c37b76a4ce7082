import { jsonPath } from '../catalog/load.ts';
import type { Catalog, Option, Slot } from '../catalog/schema.ts';
import { byId, EditList, shown, type CatalogEdit, type Path } from './edit.ts';
import { textEdits } from './text-edits.ts';

/**
 * The edits between two catalogs (issue 18 §4), in the terms a product manager uses: what was added, removed or
 * changed, by id (an option moved within its slot is no edit). Texts (names, descriptions, labels, messages, the
 * translations) are `text` edits; prices, costs and the base price `price` edits; each attribute of an option an
 * `attribute-value` edit; anything else about a thing is a `changed` edit of it with its fields named.
 */

function money(catalog: Catalog, amount: unknown): string {
  if (typeof amount !== 'number') return 'nothing';
  return new Intl.NumberFormat('en', { style: 'currency', currency: catalog.currency }).format(amount);
}

/** The fields other than `skip` that differ, by name ("kind, quantity"). */
function changedFields(b: object, a: object, skip: readonly string[]): string[] {
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter(
    (k) =>
      !skip.includes(k) &&
      JSON.stringify((b as Record<string, unknown>)[k]) !== JSON.stringify((a as Record<string, unknown>)[k]),
  );
}

/** Whole-thing edits of an id-keyed list: added, removed, or changed in fields other than its texts. */
function listEdits<T extends { id: string }>(
  out: EditList,
  subject: string,
  before: readonly T[],
  after: readonly T[],
  at: Path,
  name: (item: T) => string,
  texts: readonly string[],
): void {
  byId(before, after, (b, a, bi, ai) => {
    if (!a && b) out.remove(subject, b.id, [...at, bi], b, `${subject} ${name(b)} removed`);
    else if (a && !b) out.add(subject, a.id, [...at, ai], a, `${subject} ${name(a)} added`);
    else if (a && b) {
      const fields = changedFields(b, a, texts);
      if (fields.length > 0)
        out.edits.push({
          subject,
          change: 'changed',
          id: a.id,
          path: jsonPath([...at, ai]),
          before: b,
          after: a,
          summary: `${subject} ${name(a)}: ${fields.join(', ')} changed`,
        });
    }
  });
}

function optionEdits(out: EditList, before: Catalog, after: Catalog, b: Slot, a: Slot, si: number): void {
  byId<Option>(b.options, a.options, (bo, ao, bi, ai) => {
    const o = (ao ?? bo) as Option;
    const id = `${a.id}/${o.id}`;
    const at = ['slots', si, 'options', ai >= 0 ? ai : bi];
    if (!ao) return out.remove('option', id, at, bo, `option ${o.name} removed from ${a.name}`);
    if (!bo) return out.add('option', id, at, ao, `option ${o.name} added to ${a.name}`);
    for (const field of ['price', 'cost'] as const)
      out.change(
        'price',
        id,
        [...at, field],
        bo[field],
        ao[field],
        () => `${field} of ${o.name}: ${money(before, bo[field])} → ${money(after, ao[field])}`,
      );
    const attrs = new Set([...Object.keys(bo.attributes), ...Object.keys(ao.attributes)]);
    for (const attr of attrs) {
      const label = after.attributes[attr]?.label ?? before.attributes[attr]?.label ?? attr;
      out.change(
        'attribute-value',
        `${id}.${attr}`,
        [...at, 'attributes', attr],
        bo.attributes[attr],
        ao.attributes[attr],
        (x, y) => `${label} of ${o.name}: ${x} → ${y}`,
      );
    }
    const fields = changedFields(bo, ao, ['id', 'name', 'description', 'price', 'cost', 'attributes']);
    if (fields.length > 0)
      out.edits.push({
        subject: 'option',
        change: 'changed',
        id,
        path: jsonPath(at),
        before: bo,
        after: ao,
        summary: `option ${o.name}: ${fields.join(', ')} changed`,
      });
  });
}

/**
 * Every edit from `before` to `after`.
 * Pre: both passed validateCatalog. Post: empty iff the two are equal as documents (key order, array order of
 * id-keyed lists aside); each thing added or removed is one edit (its contents are not listed again).
 */
export function catalogEdits(before: Catalog, after: Catalog): CatalogEdit[] {
  const out = new EditList();
  out.change('price', 'basePrice', ['basePrice'], before.basePrice, after.basePrice, () => {
    return `base price: ${money(before, before.basePrice)} → ${money(after, after.basePrice)}`;
  });
  out.change(
    'catalog',
    'currency',
    ['currency'],
    before.currency,
    after.currency,
    (x, y) => `currency: ${x} → ${y}`,
  );
  const attributeNames = new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)]);
  for (const attr of attributeNames) {
    const [b, a] = [before.attributes[attr], after.attributes[attr]];
    const path = ['attributes', attr];
    if (!a && b) out.remove('attribute', attr, path, b, `attribute ${b.label} removed`);
    else if (a && !b) out.add('attribute', attr, path, a, `attribute ${a.label} added`);
    else if (a && b) {
      const fields = changedFields(b, a, ['label', 'unit', 'valueLabels']);
      if (fields.length > 0)
        out.edits.push({
          subject: 'attribute',
          change: 'changed',
          id: attr,
          path: jsonPath(path),
          before: b,
          after: a,
          summary: `attribute ${a.label}: ${fields.join(', ')} changed (was ${shown(b)})`,
        });
    }
  }
  listEdits(out, 'group', before.groups, after.groups, ['groups'], (g) => g.name, ['name']);
  listEdits(out, 'slot', before.slots, after.slots, ['slots'], (s) => s.name, [
    'name',
    'description',
    'options',
  ]);
  byId(before.slots, after.slots, (b, a, _bi, ai) => {
    if (a && b) optionEdits(out, before, after, b, a, ai);
  });
  listEdits(out, 'rule', before.rules, after.rules, ['rules'], (r) => r.id, ['message']);
  listEdits(out, 'package', before.packages, after.packages, ['packages'], (p) => p.id, []);
  listEdits(out, 'priceRule', before.priceRules, after.priceRules, ['priceRules'], (p) => p.label, ['label']);
  out.edits.push(...textEdits(before, after));
  return out.edits;
}
