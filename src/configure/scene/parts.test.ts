import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog, type Build, type Catalog } from '../../core/catalog/index.ts';
import { partsFor, type Part } from './parts.ts';

function load(name: string): Catalog {
  const text = readFileSync(new URL(`../../../configs/catalogs/${name}.json`, import.meta.url), 'utf8');
  return parseCatalog(text, `configs/catalogs/${name}.json`);
}
const pc = load('pc');
const car = load('car');

const of = <K extends Part['kind']>(parts: Part[], kind: K) =>
  parts.filter((p): p is Extract<Part, { kind: K }> => p.kind === kind);
const one = <K extends Part['kind']>(parts: Part[], kind: K) => {
  const [part] = of(parts, kind);
  if (!part) throw new Error(`no ${kind}`);
  return part;
};

const gamingPc: Build = {
  case: { 'case-fractal-north': 1 },
  motherboard: { 'mb-msi-mag-z790-tomahawk-wifi': 1 },
  cpu: { 'cpu-core-i7-14700k': 1 },
  cooler: { 'cooler-noctua-nh-d15-g2': 1 },
  memory: { 'mem-kingston-fury-ddr5-6000-2x16': 2 },
  gpu: { 'gpu-asus-tuf-rtx5080': 1 },
  storage: { 'ssd-samsung-990-pro-2tb': 1 },
  storage2: { 'd2-hdd-wd-red-plus-8tb': 1 },
  storage3: { 'd3-ssd-samsung-870-evo-1tb': 1 },
  psu: { 'psu-bequiet-pure-power-12m-850': 1 },
};

describe('partsFor: pc', () => {
  const parts = partsFor(pc, gamingPc);

  it('draws one part per chosen module, with unique ids', () => {
    expect(parts.map((p) => p.kind).sort()).toEqual(
      ['case', 'cooler', 'drive', 'drive', 'drive', 'gpu', 'memory', 'motherboard', 'psu'].sort(),
    );
    expect(new Set(parts.map((p) => p.id)).size).toBe(parts.length);
  });

  it('sizes the case by its largest board and takes colour, glass and front from the visual hints', () => {
    expect(one(parts, 'case')).toMatchObject({
      formFactor: 'ATX',
      glass: true,
      front: 'wood',
      color: '#3a2f28',
    });
    const itx = one(partsFor(pc, { case: { 'case-fractal-terra': 1 } }), 'case');
    const eatx = one(partsFor(pc, { case: { 'case-lianli-o11-dynamic-evo': 1 } }), 'case');
    expect(itx).toMatchObject({ formFactor: 'Mini-ITX', glass: false });
    expect(eatx.formFactor).toBe('E-ATX');
    itx.size.forEach((side, axis) => expect(side).toBeLessThan(eatx.size[axis] ?? 0));
  });

  it('sizes the board by its form factor', () => {
    expect(one(parts, 'motherboard')).toMatchObject({ formFactor: 'ATX', size: [0.244, 0.305] });
    expect(one(partsFor(pc, { motherboard: { 'mb-asus-rog-strix-b850-i': 1 } }), 'motherboard').size).toEqual(
      [0.17, 0.17],
    );
  });

  it('draws coolers by type and height', () => {
    expect(one(parts, 'cooler')).toMatchObject({ type: 'tower', height: 0.168, fans: 2 });
    const low = one(partsFor(pc, { cooler: { 'cooler-noctua-nh-l9a-am5': 1 } }), 'cooler');
    expect(low).toMatchObject({ type: 'low-profile', height: 0.037 });
    const liquid = one(partsFor(pc, { cooler: { 'cooler-arctic-lf3-pro-360': 1 } }), 'cooler');
    expect(liquid).toMatchObject({ type: 'liquid', radiator: 0.36, fans: 3 });
  });

  it('counts memory sticks as sticks per kit × kits', () => {
    expect(one(parts, 'memory').count).toBe(4);
    expect(one(partsFor(pc, { memory: { 'mem-crucial-ddr5-5600-1x16': 1 } }), 'memory').count).toBe(1);
  });

  it('makes the graphics card as long as the option says, and none when no card is chosen', () => {
    expect(one(parts, 'gpu').length).toBeCloseTo(0.348);
    expect(one(partsFor(pc, { gpu: { 'gpu-msi-rtx5060-ventus-2x': 1 } }), 'gpu').length).toBeCloseTo(0.197);
    expect(of(partsFor(pc, { ...gamingPc, gpu: {} }), 'gpu')).toHaveLength(0);
  });

  it('tells M.2, 2.5" and 3.5" drives apart, and SFX from ATX power supplies', () => {
    expect(of(parts, 'drive').map((d) => d.form)).toEqual(['m2', '3.5', '2.5']);
    expect(one(parts, 'psu').form).toBe('ATX');
    expect(one(partsFor(pc, { psu: { 'psu-corsair-sf750': 1 } }), 'psu').form).toBe('SFX');
  });

  it('draws nothing for an empty build or an unknown product', () => {
    expect(partsFor(pc, {})).toEqual([]);
    expect(partsFor({ ...pc, id: 'bike' }, gamingPc)).toEqual([]);
  });
});

const sportyCar: Build = {
  model: { 'model-lumo-cross': 1 },
  trim: { 'trim-gt-line': 1 },
  paint: { 'paint-copper-flame': 1 },
  wheels: { 'wheel-19-monza': 1 },
  interior: { 'int-black-red': 1 },
  packages: { 'pkg-sport': 1, 'pkg-tow': 1 },
  comfort: { 'cmf-panoramic-roof': 1 },
};

describe('partsFor: car', () => {
  const parts = partsFor(car, sportyCar);

  it('shapes the body by model and paints it with the chosen colour and finish', () => {
    const body = one(parts, 'body');
    expect(body).toMatchObject({ body: 'suv', trim: 'black' });
    expect(body.paint).toMatchObject({ color: '#9a4b2b', finish: 'pearl', clearcoat: 1 });
    expect(body.paint.iridescence).toBeGreaterThan(0);
    const hatch = one(partsFor(car, { model: { 'model-lumo-hatch': 1 } }), 'body');
    expect(hatch.height).toBeLessThan(body.height);
  });

  it('maps finishes to surfaces: matte is rough without clearcoat, metallic is metal', () => {
    const paint = (id: string) =>
      one(partsFor(car, { model: { 'model-lumo-hatch': 1 }, paint: { [id]: 1 } }), 'body').paint;
    expect(paint('paint-matte-sand')).toMatchObject({ finish: 'matte', clearcoat: 0 });
    expect(paint('paint-matte-sand').roughness).toBeGreaterThan(paint('paint-signal-red').roughness);
    expect(paint('paint-fjord-blue').metalness).toBeGreaterThan(paint('paint-signal-red').metalness);
  });

  it('sizes the wheels from inches and tyre size, styled by the option', () => {
    const wheels = one(parts, 'wheels');
    expect(wheels).toMatchObject({ style: 'sport', inches: 19, count: 4, spokes: 10 });
    expect(wheels.rimDiameter).toBeCloseTo(19 * 0.0254);
    expect(wheels.tyreDiameter).toBeCloseTo(19 * 0.0254 + 2 * 0.235 * 0.35);
    const small = one(partsFor(car, { wheels: { 'wheel-16-steel-aero': 1 } }), 'wheels');
    expect(small).toMatchObject({ style: 'steel', spokes: 0 });
    expect(small.rimDiameter).toBeLessThan(wheels.rimDiameter);
  });

  it('shows package details: spoiler and diffuser, roof rails, glass roof, tow bar; chrome or black trim', () => {
    expect(
      of(parts, 'detail')
        .map((d) => d.detail)
        .sort(),
    ).toEqual(['diffuser', 'panoramic-roof', 'roof-rails', 'spoiler', 'tow-bar'].sort());
    expect(of(parts, 'detail').find((d) => d.detail === 'spoiler')?.color).toBe('#9a4b2b');
    const plain = partsFor(car, { model: { 'model-lumo-hatch': 1 }, trim: { 'trim-vision': 1 } });
    expect(one(plain, 'body').trim).toBe('chrome');
    expect(of(plain, 'detail')).toEqual([]);
    const blacked = partsFor(car, {
      model: { 'model-lumo-hatch': 1 },
      trim: { 'trim-vision': 1 },
      packages: { 'pkg-black-styling': 1 },
    });
    expect(one(blacked, 'body').trim).toBe('black');
  });

  it('takes the interior colour from the option', () => {
    expect(one(parts, 'interior').color).toBe('#1a1a1a');
  });
});
