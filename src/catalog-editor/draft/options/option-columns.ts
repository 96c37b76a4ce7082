import type { TFunction } from 'i18next';
import type { AttributeValue, Catalog, Option, Slot } from '../../../core/catalog/index.ts';
import {
  renameId,
  idProblem,
  setOptionsAttribute,
  setOptionsField,
} from '../../../core/catalog-edit/edits.ts';
import { formatAttribute } from '../../../ui/format.ts';

export type CellValue = string | number | boolean | undefined;

/** One editable column of the options table: how to read a cell, show it, and write a value to several rows. */
export interface EditableColumn {
  key: string;
  header: string;
  kind: 'id' | 'text' | 'number' | 'enum' | 'boolean';
  /** The values to pick from: an enum's, or a coded number's (value labels), shown with `choiceLabel`. */
  choices?: readonly string[];
  choiceLabel?: (value: string) => string;
  /** number: integer only. */
  integer?: boolean;
  /** Empty means "none" (cost, attributes) rather than refused. */
  optional?: boolean;
  read: (o: Option) => CellValue;
  display: (o: Option) => string;
  /** undefined when the value cannot be written (a taken id): the edit stays open. */
  write: (doc: Catalog, slotId: string, ids: readonly string[], value: CellValue) => Catalog | undefined;
}

/** The text typed into a cell as a value of its column, or `invalid`. */
export function parseCell(column: EditableColumn, text: string): CellValue | 'invalid' {
  const t = text.trim();
  if (t === '') return column.optional ? undefined : 'invalid';
  switch (column.kind) {
    case 'number': {
      const n = Number(t.replace(',', '.'));
      if (!Number.isFinite(n) || (column.integer && !Number.isInteger(n))) return 'invalid';
      return n;
    }
    case 'boolean':
      return t === 'true';
    default:
      return t;
  }
}

/**
 * The columns for one slot: id, name, price, cost, max. quantity (multi slots) and one per attribute shown, typed as
 * the catalog defines it (number with its unit, enum, boolean).
 */
export function optionColumns(
  doc: Catalog,
  slot: Slot,
  attrs: readonly string[],
  t: TFunction,
): EditableColumn[] {
  const field = (key: 'name' | 'price' | 'cost' | 'maxQuantity', kind: 'text' | 'number', extra = {}) =>
    ({
      key,
      header: t(`catalogDraft.field.${key}`),
      kind,
      read: (o: Option) => o[key],
      display: (o: Option) => (o[key] === undefined ? '' : String(o[key])),
      write: (d: Catalog, s: string, ids: readonly string[], v: CellValue) =>
        setOptionsField(d, s, ids, key, v as string | number | undefined),
      ...extra,
    }) satisfies EditableColumn;
  const columns: EditableColumn[] = [
    {
      key: 'id',
      header: t('catalogDraft.field.id'),
      kind: 'id',
      read: (o) => o.id,
      display: (o) => o.id,
      write: (d, _s, ids, v) => {
        const [from] = ids;
        if (from === undefined || typeof v !== 'string' || ids.length !== 1) return undefined;
        if (v === from) return d;
        return idProblem(d, 'option', v) ? undefined : renameId(d, 'option', from, v);
      },
    },
    field('name', 'text'),
    field('price', 'number'),
    field('cost', 'number', { optional: true }),
  ];
  if (slot.kind === 'multi') columns.push(field('maxQuantity', 'number', { integer: true }));
  for (const attr of attrs) {
    const def = doc.attributes[attr];
    if (!def) continue;
    const unit = def.type === 'number' ? def.unit : undefined;
    columns.push({
      key: `attr:${attr}`,
      header: unit ? t('catalogDraft.options.attribute', { label: def.label, unit }) : def.label,
      kind: def.type,
      // A coded number (form-factor ranks) is picked by its name, as rules compare the number and people read names.
      ...(def.type === 'enum'
        ? { choices: def.values }
        : def.type === 'number' && def.valueLabels
          ? {
              choices: Object.keys(def.valueLabels).sort((a, b) => Number(a) - Number(b)),
              choiceLabel: (v: string) => `${v} · ${def.valueLabels?.[v] ?? ''}`,
            }
          : {}),
      optional: true,
      read: (o) => o.attributes[attr],
      display: (o) => {
        const v = o.attributes[attr];
        if (v === undefined) return '';
        if (typeof v === 'boolean') return t(v ? 'catalogDraft.yes' : 'catalogDraft.no');
        return formatAttribute(def, v);
      },
      write: (d, s, ids, v) => setOptionsAttribute(d, s, ids, attr, v as AttributeValue | undefined),
    });
  }
  return columns;
}

/** Attributes some option of the slot has: the columns shown first. */
export const slotAttributes = (slot: Slot) => [
  ...new Set(slot.options.flatMap((o) => Object.keys(o.attributes))),
];
