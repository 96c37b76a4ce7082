import type { Catalog } from '../catalog/schema.ts';
import { translationLanguages } from '../catalog/texts.schema.ts';
import { byId, EditList, type CatalogEdit, type Path } from './edit.ts';

/**
 * Text edits: the English names, descriptions, labels and messages of things present on both sides (what was added
 * or removed is one edit of its own), and every text of the translations, by language. The id is the thing's id
 * (`slot/option` for an option), prefixed with the language for a translation (`de/cpu/cpu-x`).
 */

/** Every text leaf of a translation, by path, with the id of what it names. */
function translationTexts(
  catalog: Catalog,
  language: string,
): Map<string, { path: Path; id: string; text: string }> {
  const texts = catalog.translations?.[language as 'de' | 'zh'] ?? {};
  const slotOf = new Map(catalog.slots.flatMap((s) => s.options.map((o) => [o.id, s.id] as const)));
  const out = new Map<string, { path: Path; id: string; text: string }>();
  const walk = (value: unknown, path: PropertyKey[], id: string) => {
    if (typeof value === 'string') {
      out.set(JSON.stringify(path), { path: ['translations', language, ...path], id, text: value });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      // The second step of a path is the id of what the text names (an option's also names its slot).
      const next =
        path.length === 1 ? (path[0] === 'options' ? `${slotOf.get(key) ?? '?'}/${key}` : key) : id;
      walk(inner, [...path, key], next);
    }
  };
  walk(texts, [], catalog.id);
  return out;
}

function englishEdits(out: EditList, before: Catalog, after: Catalog): void {
  const text = (id: string, path: Path, b: unknown, a: unknown, what: string) =>
    out.change('text', id, path, b, a, (x, y) => `${what}: ${x} → ${y}`);
  text(after.id, ['name'], before.name, after.name, 'catalog name');
  text(after.id, ['description'], before.description, after.description, 'catalog description');
  byId(before.groups, after.groups, (b, a, _, ai) => {
    if (a && b) text(a.id, ['groups', ai, 'name'], b.name, a.name, `name of group ${a.id}`);
  });
  for (const [attr, a] of Object.entries(after.attributes)) {
    const b = before.attributes[attr];
    if (!b) continue;
    text(attr, ['attributes', attr, 'label'], b.label, a.label, `label of attribute ${attr}`);
    if (a.type === 'number' && b.type === 'number') {
      text(attr, ['attributes', attr, 'unit'], b.unit, a.unit, `unit of ${a.label}`);
      text(
        attr,
        ['attributes', attr, 'valueLabels'],
        b.valueLabels,
        a.valueLabels,
        `value labels of ${a.label}`,
      );
    }
  }
  byId(before.slots, after.slots, (bs, as, _, si) => {
    if (!as || !bs) return;
    text(as.id, ['slots', si, 'name'], bs.name, as.name, `name of slot ${as.id}`);
    text(as.id, ['slots', si, 'description'], bs.description, as.description, `description of ${as.name}`);
    byId(bs.options, as.options, (bo, ao, _bi, oi) => {
      if (!ao || !bo) return;
      const id = `${as.id}/${ao.id}`;
      text(id, ['slots', si, 'options', oi, 'name'], bo.name, ao.name, `name of option ${ao.id}`);
      const at = ['slots', si, 'options', oi, 'description'];
      text(id, at, bo.description, ao.description, `description of ${ao.name}`);
    });
  });
  byId(before.rules, after.rules, (b, a, _, ai) => {
    if (a && b) text(a.id, ['rules', ai, 'message'], b.message, a.message, `message of rule ${a.id}`);
  });
  byId(before.priceRules, after.priceRules, (b, a, _, ai) => {
    if (a && b) text(a.id, ['priceRules', ai, 'label'], b.label, a.label, `label of price rule ${a.id}`);
  });
}

/** Pre: both passed validateCatalog. Post: one edit per text that differs. */
export function textEdits(before: Catalog, after: Catalog): CatalogEdit[] {
  const out = new EditList();
  englishEdits(out, before, after);
  const names = { de: 'German', zh: 'Chinese' } as const;
  for (const language of translationLanguages) {
    const [b, a] = [translationTexts(before, language), translationTexts(after, language)];
    for (const key of new Set([...b.keys(), ...a.keys()])) {
      const t = (a.get(key) ?? b.get(key)) as { path: Path; id: string };
      const where = t.path.slice(2).map(String).join('.');
      out.change('text', `${language}/${t.id}`, t.path, b.get(key)?.text, a.get(key)?.text, (x, y) => {
        return `${names[language]} ${where}: ${x} → ${y}`;
      });
    }
  }
  return out.edits;
}
