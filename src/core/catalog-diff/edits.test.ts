import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import carFile from '../../../configs/catalogs/car.json';
import { validateCatalog } from '../catalog/index.ts';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { arbitraryMutation } from '../../../test/fixtures/catalog-mutation.ts';
import { catalogEdits } from './edits.ts';

const car = validateCatalog(carFile, 'configs/catalogs/car.json');

describe('catalogEdits', () => {
  it('finds nothing between a catalog and itself, nor when id-keyed lists are reordered', () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        const shuffled = structuredClone(catalog);
        shuffled.slots.reverse();
        for (const s of shuffled.slots) s.options.reverse();
        shuffled.rules.reverse();
        expect(catalogEdits(catalog, structuredClone(catalog))).toEqual([]);
        expect(catalogEdits(catalog, shuffled)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('reports a random edit as what it is, and nothing else', () => {
    fc.assert(
      fc.property(arbitraryMutation, ({ before, catalog, expected }) => {
        const edits = catalogEdits(before, catalog);
        expect(edits.map(({ subject, change, id }) => ({ subject, change, id }))).toContainEqual(expected);
        // A removed slot or option is one edit, not one per field.
        expect(edits).toHaveLength(1);
        for (const e of edits) expect(e.summary.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('says a price change in words with the currency, and points at it', () => {
    const after = structuredClone(car);
    const slot = after.slots[1];
    const option = slot?.options[0];
    if (!slot || !option) throw new Error('car.json changed');
    const was = option.price;
    option.price = was + 250;
    const [edit] = catalogEdits(car, after);
    expect(edit).toMatchObject({
      subject: 'price',
      change: 'changed',
      id: `${slot.id}/${option.id}`,
      path: '$.slots[1].options[0].price',
      before: was,
      after: was + 250,
    });
    expect(edit?.summary).toMatch(new RegExp(`^price of ${option.name}: €.* → €`));
  });
});
