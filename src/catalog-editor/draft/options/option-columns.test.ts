import { readFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../core/catalog/index.ts';
import { optionColumns, parseCell } from './option-columns.ts';

const pc = parseCatalog(readFileSync('configs/catalogs/pc.json', 'utf8'), 'pc.json');
const t = ((key: string) => key) as unknown as TFunction;

describe('optionColumns', () => {
  it('offers a coded number by its names and writes the number', () => {
    const slot = pc.slots.find((s) => s.id === 'motherboard');
    if (!slot) throw new Error('no motherboard slot');
    const column = optionColumns(pc, slot, ['boardSize'], t).find((c) => c.key === 'attr:boardSize');
    const labels =
      pc.attributes.boardSize?.type === 'number' ? pc.attributes.boardSize.valueLabels : undefined;
    expect(column?.choices).toEqual(Object.keys(labels ?? {}).sort((a, b) => Number(a) - Number(b)));
    for (const value of column?.choices ?? [])
      expect(column?.choiceLabel?.(value)).toBe(`${value} · ${labels?.[value]}`);
    const [first] = column?.choices ?? [];
    if (!column || first === undefined) throw new Error('no choices');
    expect(parseCell(column, first)).toBe(Number(first));
  });

  it('leaves plain numbers typed', () => {
    const slot = pc.slots.find((s) => s.id === 'gpu');
    if (!slot) throw new Error('no gpu slot');
    const column = optionColumns(pc, slot, ['gpuLength'], t).find((c) => c.key === 'attr:gpuLength');
    expect(column?.choices).toBeUndefined();
  });
});
