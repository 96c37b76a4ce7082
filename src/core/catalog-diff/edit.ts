import { jsonPath } from '../catalog/load.ts';

/**
 * One edit between two catalogs, as a product manager names it (the shape of the contract's `catalogEditSchema`).
 * `subject`: what kind of thing changed: `catalog`, `group`, `attribute`, `slot`, `option`, `price` (an option's
 * price or cost, the base price), `attribute-value` (one attribute of one option), `text` (a name, description,
 * label or message, in English or a translation), `rule`, `package`, `priceRule`.
 */
export interface CatalogEdit {
  subject: string;
  change: 'added' | 'removed' | 'changed';
  /** `slot`, `slot/option`, `slot/option.attr`, a rule, package, price rule, group or attribute id; `de/<id>`. */
  id: string;
  /** JSON path in the catalog document (the later one, or the earlier one for what was removed). */
  path: string;
  before?: unknown;
  after?: unknown;
  summary: string;
}

export type Path = readonly PropertyKey[];

/** Structural equality of JSON values (key order aside). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Values shown in a summary: strings quoted, the rest as JSON, long ones cut. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? 'nothing');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Collects edits; `change` records a changed value only when it differs. */
export class EditList {
  readonly edits: CatalogEdit[] = [];

  add(subject: string, id: string, path: Path, after: unknown, summary: string): void {
    this.edits.push({ subject, change: 'added', id, path: jsonPath(path), after, summary });
  }

  remove(subject: string, id: string, path: Path, before: unknown, summary: string): void {
    this.edits.push({ subject, change: 'removed', id, path: jsonPath(path), before, summary });
  }

  change(
    subject: string,
    id: string,
    path: Path,
    before: unknown,
    after: unknown,
    summary: (before: string, after: string) => string,
  ): void {
    if (same(before, after)) return;
    if (before === undefined) return this.add(subject, id, path, after, summary('nothing', shown(after)));
    if (after === undefined) return this.remove(subject, id, path, before, summary(shown(before), 'nothing'));
    this.edits.push({
      subject,
      change: 'changed',
      id,
      path: jsonPath(path),
      before,
      after,
      summary: summary(shown(before), shown(after)),
    });
  }
}

/**
 * Pairs the items of two arrays by `id`, never by position: `each(before, after, beforeIndex, afterIndex)` per
 * id, with undefined on the side that lacks it; removed ones first in the earlier order, then the later order.
 */
export function byId<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  each: (b: T | undefined, a: T | undefined, bi: number, ai: number) => void,
): void {
  const later = new Map(after.map((item, i) => [item.id, i]));
  const earlier = new Map(before.map((item, i) => [item.id, i]));
  before.forEach((b, bi) => {
    if (!later.has(b.id)) each(b, undefined, bi, -1);
  });
  after.forEach((a, ai) => {
    const bi = earlier.get(a.id);
    each(bi === undefined ? undefined : before[bi], a, bi ?? -1, ai);
  });
}
