import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../catalog/build.ts';
import { validateCatalog } from '../catalog/index.ts';
import pcFile from '../../../configs/catalogs/pc.json';
import { preferenceKeyProblem } from './preference-keys.ts';
import { preferenceKey } from './preferences.ts';

const pc = indexCatalog(validateCatalog(pcFile, 'configs/catalogs/pc.json'));
const enumAttrs = Object.entries(pc.catalog.attributes).flatMap(([id, def]) =>
  def.type === 'enum' ? def.values.map((v) => preferenceKey.attr('pc', id, v)) : [],
);
const slotKeys = pc.catalog.slots.flatMap((s) =>
  s.kind === 'multi' ? [] : s.options.map((o) => preferenceKey.slot('pc', s.id, o.id)),
);
const priceKeys = pc.catalog.slots.map((s) => preferenceKey.price('pc', s.id));
const known = new Set([...enumAttrs, ...slotKeys, ...priceKeys]);

describe('preference keys a correction may name', () => {
  it('accepts every key learning can produce', () => {
    for (const key of known) expect(preferenceKeyProblem(pc, key)).toBeNull();
  });

  it('refuses made-up keys, naming what is unknown', () => {
    expect(preferenceKeyProblem(pc, 'pc/attr/gpuBrand/Voodoo')).toBe(
      'attribute "gpuBrand" has no value "Voodoo"',
    );
    expect(preferenceKeyProblem(pc, 'pc/attr/flavour/x')).toBe(
      'catalog "pc" has no enum attribute "flavour"',
    );
    expect(preferenceKeyProblem(pc, 'pc/slot/gpu/gpu-made-up')).toBe(
      'slot "gpu" has no option "gpu-made-up"',
    );
    expect(preferenceKeyProblem(pc, 'pc/price/hoverboard')).toBe('catalog "pc" has no slot "hoverboard"');
    expect(preferenceKeyProblem(pc, 'car/price/gpu')).toBe('not a key of catalog "pc"');
  });

  it('refuses any key of the schema’s shape that is not one of the catalog’s', () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/);
    const attr = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/);
    const key = fc.oneof(
      fc.tuple(attr, segment).map(([a, v]) => preferenceKey.attr('pc', a, v)),
      fc.tuple(segment, segment).map(([s, o]) => preferenceKey.slot('pc', s, o)),
      segment.map((s) => preferenceKey.price('pc', s)),
    );
    fc.assert(
      fc.property(key, (k) => {
        expect(preferenceKeyProblem(pc, k) === null).toBe(known.has(k));
      }),
    );
  });
});
