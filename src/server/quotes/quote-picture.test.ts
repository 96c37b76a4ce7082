import { describe, expect, it } from 'vitest';
import { loadCatalogRegistry } from '../catalogs/registry.ts';
import { quotePicture } from './quote-picture.ts';

const registry = await loadCatalogRegistry('configs/catalogs');
const catalog = (id: string) => {
  const entry = registry.get(id);
  if (!entry) throw new Error(`no catalog ${id}`);
  return entry.catalog;
};

describe('quotePicture', () => {
  it('draws the car in the chosen paint, body style and wheels; a black-trim package wins over the trim level', () => {
    const car = catalog('car');
    const picture = quotePicture(car, {
      model: { 'model-lumo-cross': 1 },
      trim: { 'trim-style': 1 },
      paint: { 'paint-signal-red': 1 },
      wheels: { 'wheel-16-steel-aero': 1 },
      packages: { 'pkg-sport': 1, 'pkg-black-styling': 1 },
    });
    const red = car.slots.find((s) => s.id === 'paint')?.options.find((o) => o.id === 'paint-signal-red');
    expect(picture).toMatchObject({
      kind: 'car',
      body: 'suv',
      paint: red?.visual?.color,
      trim: 'black',
      spokes: 0,
      wheelInches: 16,
      roofRails: true,
      spoiler: true,
    });
  });

  it('keeps the trim level’s own surrounds without such a package', () => {
    expect(quotePicture(catalog('car'), { trim: { 'trim-style': 1 } })).toMatchObject({ trim: 'chrome' });
    expect(quotePicture(catalog('car'), { trim: { 'trim-gt-line': 1 } })).toMatchObject({ trim: 'black' });
  });

  it('falls back to a neutral car when nothing is chosen yet, and draws no picture for other catalogs', () => {
    expect(quotePicture(catalog('car'), {})).toMatchObject({
      kind: 'car',
      body: 'hatchback',
      paint: '#8d9096',
    });
    expect(quotePicture({ ...catalog('car'), id: 'bike' }, {})).toBeNull();
  });

  it('draws the PC tower in its case colour, through glass only when the case has a glass side', () => {
    const pc = catalog('pc');
    const cases = pc.slots.find((s) => s.id === 'case')?.options ?? [];
    const glass = cases.find((o) => o.visual?.glass === true);
    const solid = cases.find((o) => o.visual?.glass === false);
    expect(quotePicture(pc, { case: { [glass?.id ?? '']: 1 } })).toMatchObject({
      kind: 'pc',
      glass: true,
      caseColor: glass?.visual?.color,
      gpu: null,
    });
    expect(quotePicture(pc, { case: { [solid?.id ?? '']: 1 } })).toMatchObject({ kind: 'pc', glass: false });
  });
});
