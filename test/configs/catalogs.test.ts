import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  indexCatalog,
  parseCatalog,
  structuralProblems,
  violations,
  type Build,
  type Catalog,
  type CatalogIndex,
} from '../../src/core/catalog/index.ts';
import { priceBuild } from '../../src/core/pricing/index.ts';
import { budgetPc } from '../fixtures/pc-builds.ts';

// The shipped catalogs, loaded as the server loads them; reference builds keep them honest as they are edited.
function load(name: string): Catalog {
  const text = readFileSync(new URL(`../../configs/catalogs/${name}.json`, import.meta.url), 'utf8');
  return parseCatalog(text, `configs/catalogs/${name}.json`);
}

const pc = load('pc');
const car = load('car');
const pcIndex = indexCatalog(pc);
const carIndex = indexCatalog(car);

const optionCount = (catalog: Catalog) => catalog.slots.reduce((n, slot) => n + slot.options.length, 0);
const ruleIds = (index: CatalogIndex, build: Build) => violations(index, build).map((v) => v.rule);
const euros = (index: CatalogIndex, build: Build) => priceBuild(index, build).totalCents / 100;

describe('catalog files', () => {
  it('load without problems and have the expected identity', () => {
    expect(pc).toMatchObject({ id: 'pc', format: 1, version: '2026.12.0', currency: 'EUR' });
    expect(car).toMatchObject({ id: 'car', format: 1, version: '2026.12.0', currency: 'EUR' });
  });

  it('are large enough to be believable', () => {
    expect(optionCount(pc)).toBeGreaterThanOrEqual(100);
    expect(optionCount(car)).toBeGreaterThanOrEqual(80);
  });

  it.each([
    ['pc', pc],
    ['car', car],
  ])('%s: option ids are unique within each slot and across the catalog', (_, catalog) => {
    const all: string[] = [];
    for (const slot of catalog.slots) {
      const ids = slot.options.map((o) => o.id);
      expect(new Set(ids).size, slot.id).toBe(ids.length);
      all.push(...ids);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['pc', pc],
    ['car', car],
  ])('%s: every rule has a message for shoppers and every option a cost below its price', (_, catalog) => {
    for (const rule of catalog.rules) expect(rule.message, rule.id).toBeTruthy();
    for (const slot of catalog.slots)
      for (const option of slot.options) {
        expect(option.cost, option.id).toBeDefined();
        if (option.price > 0) expect(option.cost ?? Infinity, option.id).toBeLessThan(option.price);
      }
  });
  it.each([
    ['pc', pc],
    ['car', car],
  ])('%s: every option of a slot a compatible rule compares carries the attribute', (_, catalog) => {
    // evaluate.ts skips pairs where an attribute is missing, so a forgotten attribute would silently disable a check
    for (const rule of catalog.rules)
      if (rule.kind === 'compatible')
        for (const ref of [rule.left, rule.right])
          for (const option of catalog.slots.find((s) => s.id === ref.slot)?.options ?? [])
            expect(option.attributes[ref.attr], `${rule.id}: ${option.id}.${ref.attr}`).toBeDefined();
  });
});

describe('pc reference builds', () => {
  const budget = budgetPc;
  const small: Build = {
    case: { 'case-fractal-terra': 1 },
    motherboard: { 'mb-asus-rog-strix-b850-i': 1 },
    cpu: { 'cpu-ryzen7-9700x': 1 },
    cooler: { 'cooler-noctua-nh-l9a-am5': 1 },
    memory: { 'mem-kingston-fury-ddr5-6000-2x16': 1 },
    gpu: { 'gpu-asus-dual-rtx5060ti-16g': 1 },
    storage: { 'ssd-samsung-990-evo-plus-2tb': 1 },
    psu: { 'psu-corsair-sf750': 1 },
    os: { 'os-ubuntu-2404': 1 },
    warranty: { 'svc-3y-onsite-nbd': 1 },
    delivery: { 'dlv-standard': 1 },
  };
  const gaming: Build = {
    case: { 'case-fractal-north': 1 },
    motherboard: { 'mb-msi-b650-gaming-plus-wifi': 1 },
    cpu: { 'cpu-ryzen7-9800x3d': 1 },
    cooler: { 'cooler-arctic-freezer-36': 1 },
    memory: { 'mem-kingston-fury-ddr5-6000-2x16': 1 },
    gpu: { 'gpu-nvidia-rtx5070-fe': 1 },
    storage: { 'ssd-samsung-990-evo-plus-2tb': 1 },
    psu: { 'psu-corsair-rm750e': 1 },
    os: { 'os-win11-home': 1 },
    warranty: { 'svc-3y-collect-return': 1 },
    extras: {
      'acc-gaming-bundle': 1,
      'acc-alienware-aw2725df': 1,
      'acc-logitech-g-pro-x-superlight-2': 1,
      'acc-steelseries-arctis-nova-7': 1,
    },
    delivery: { 'dlv-express': 1 },
  };
  const top: Build = {
    case: { 'case-fractal-meshify-2': 1 },
    motherboard: { 'mb-asus-rog-crosshair-x870e-hero': 1 },
    cpu: { 'cpu-ryzen9-9950x3d': 1 },
    cooler: { 'cooler-arctic-lf3-pro-360': 1 },
    memory: { 'mem-corsair-vengeance-ddr5-5600-2x48': 2 },
    gpu: { 'gpu-nvidia-rtx5090-fe': 1 },
    storage: { 'ssd-samsung-990-pro-4tb': 1 },
    storage2: { 'd2-ssd-wd-black-sn850x-8tb': 1 },
    storage3: { 'd3-hdd-wd-red-plus-8tb': 1 },
    psu: { 'psu-corsair-hx1500i': 1 },
    os: { 'os-win11-pro': 1 },
    warranty: { 'svc-5y-premium-support-plus': 1 },
    extras: {
      'acc-creator-bundle': 1,
      'acc-dell-u2723qe': 1,
      'acc-logitech-mx-keys-s-combo': 1,
      'acc-calibrite-display-plus-hl': 1,
    },
    delivery: { 'dlv-white-glove': 1 },
  };

  it.each([
    ['budget office', budget],
    ['small form factor', small],
    ['mid gaming', gaming],
    ['top creator', top],
  ])('%s build is valid', (_, build) => {
    expect(structuralProblems(pcIndex, build, true)).toEqual([]);
    expect(violations(pcIndex, build)).toEqual([]);
  });

  it('prices builds with bundles and price rules', () => {
    expect(euros(pcIndex, budget)).toBe(733);
    const lines = priceBuild(pcIndex, top).lines;
    // the Creator bundle includes Windows 11 Pro and its accessories at no charge
    expect(
      lines
        .filter((l) => l.kind === 'included')
        .map((l) => l.ref)
        .sort(),
    ).toEqual([
      'acc-calibrite-display-plus-hl',
      'acc-dell-u2723qe',
      'acc-logitech-mx-keys-s-combo',
      'os-win11-pro',
    ]);
    expect(lines.filter((l) => l.kind === 'rule').map((l) => l.ref)).toEqual([
      'creator-64gb',
      'liquid-cooling-install',
      'business-pack',
    ]);
    expect(lines.find((l) => l.ref === 'sff-assembly')).toBeUndefined();
    expect(priceBuild(pcIndex, small).lines.some((l) => l.ref === 'sff-assembly')).toBe(true);
  });

  it.each<[string, Build, string[]]>([
    ['Intel processor on an AM5 board', { ...gaming, cpu: { 'cpu-core-i7-14700k': 1 } }, ['cpu-socket']],
    [
      'F processor without a graphics card',
      {
        ...budget,
        motherboard: { 'mb-msi-pro-b760m-a-ddr4': 1 },
        cpu: { 'cpu-core-i5-14400f': 1 },
        memory: { 'mem-crucial-ddr4-3200-2x8': 1 },
      },
      ['no-gpu-needs-igpu'],
    ],
    ['DDR4 kit on a DDR5 board', { ...budget, memory: { 'mem-crucial-ddr4-3200-2x8': 1 } }, ['memory-type']],
    ['tower cooler in the Terra', { ...small, cooler: { 'cooler-arctic-freezer-36': 1 } }, ['cooler-height']],
    [
      'four modules on a Mini-ITX board',
      { ...small, memory: { 'mem-kingston-fury-ddr5-6000-2x16': 2 } },
      ['memory-slots'],
    ],
    ['RTX 5090 system on 850 W', { ...top, psu: { 'psu-bequiet-pure-power-12m-850': 1 } }, ['power-budget']],
    ['12V-2x6 card on an older PSU', { ...gaming, psu: { 'psu-corsair-cx650': 1 } }, ['gpu-12v-2x6']],
    [
      'three NVMe drives on a two-slot board',
      {
        ...budget,
        storage2: { 'd2-ssd-crucial-p3-plus-1tb': 1 },
        storage3: { 'd3-ssd-crucial-p3-plus-1tb': 1 },
      },
      ['m2-slots'],
    ],
    ['hard disk in the Terra', { ...small, storage2: { 'd2-hdd-seagate-barracuda-4tb': 1 } }, ['hdd-bays']],
    [
      'ATX board in a Mini-ITX case',
      { ...small, motherboard: { 'mb-gigabyte-b850-aorus-elite-wifi7': 1 } },
      ['board-fits-case'],
    ],
    ['ATX power supply in the Terra', { ...small, psu: { 'psu-corsair-rm750e': 1 } }, ['psu-fits-case']],
    ['express RTX 5090', { ...top, delivery: { 'dlv-express': 1 } }, ['express-no-5090']],
    [
      'Premium Support without an OS',
      { ...gaming, os: { 'os-none': 1 }, warranty: { 'svc-3y-premium-support': 1 } },
      ['premium-support-needs-os'],
    ],
    [
      'Creator bundle missing its colorimeter',
      {
        ...top,
        extras: { 'acc-creator-bundle': 1, 'acc-dell-u2723qe': 1, 'acc-logitech-mx-keys-s-combo': 1 },
      },
      ['package:creator-bundle'],
    ],
  ])('%s breaks exactly the expected rule', (_, build, expected) => {
    expect(structuralProblems(pcIndex, build, true)).toEqual([]);
    expect(ruleIds(pcIndex, build)).toEqual(expected);
  });

  it('170 W processor on an A620 board with a small cooler breaks both rules', () => {
    const ids = ruleIds(pcIndex, { ...budget, cpu: { 'cpu-ryzen9-9950x': 1 } });
    expect(ids).toEqual(['a620-170w', 'cooler-fits-cpu']);
  });
});

describe('car reference builds', () => {
  const budget: Build = {
    model: { 'model-lumo-hatch': 1 },
    trim: { 'trim-essential': 1 },
    engine: { 'eng-10t-85': 1 },
    transmission: { 'trans-6mt': 1 },
    paint: { 'paint-polar-white': 1 },
    wheels: { 'wheel-16-steel-aero': 1 },
    seats: { 'seat-standard-cloth': 1 },
    interior: { 'int-black': 1 },
    payment: { 'pay-cash': 1 },
    delivery: { 'dlv-dealer': 1 },
  };
  const family: Build = {
    model: { 'model-lumo-sportwagon': 1 },
    trim: { 'trim-style': 1 },
    engine: { 'eng-16-hybrid-104': 1 },
    transmission: { 'trans-6dct-hybrid': 1 },
    paint: { 'paint-fjord-blue': 1 },
    wheels: { 'wheel-17-vento-aero': 1 },
    seats: { 'seat-comfort-microfibre-heated': 1 },
    interior: { 'int-grey-black': 1 },
    packages: { 'pkg-winter': 1, 'pkg-family': 1 },
    comfort: {
      'cmf-heated-steering': 1,
      'cmf-heated-windscreen': 1,
      'cmf-headlight-washers': 1,
      'cmf-wireless-charging': 1,
    },
    assist: { 'adas-acc': 1, 'adas-lane-keep-plus': 1, 'adas-traffic-jam': 1, 'adas-blind-spot': 1 },
    payment: { 'pay-finance-48': 1 },
    delivery: { 'dlv-factory-pickup': 1 },
  };
  const sport: Build = {
    model: { 'model-lumo-hatch': 1 },
    trim: { 'trim-gt-line': 1 },
    engine: { 'eng-20t-195': 1 },
    transmission: { 'trans-7dct': 1 },
    paint: { 'paint-signal-red': 1 },
    wheels: { 'wheel-19-monza': 1 },
    seats: { 'seat-sport-microfibre': 1 },
    interior: { 'int-black-red': 1 },
    packages: { 'pkg-sport': 1 },
    payment: { 'pay-cash': 1 },
    delivery: { 'dlv-dealer': 1 },
  };
  const top: Build = {
    model: { 'model-lumo-cross-coupe': 1 },
    trim: { 'trim-vision': 1 },
    engine: { 'eng-ev-77-210-awd': 1 },
    transmission: { 'trans-ev-1speed': 1 },
    paint: { 'paint-matte-sand': 1 },
    wheels: { 'wheel-20-vesuvio': 1 },
    seats: { 'seat-leather-ventilated': 1 },
    interior: { 'int-cognac': 1 },
    packages: { 'pkg-tech': 1, 'pkg-winter': 1, 'pkg-parking-plus': 1 },
    comfort: {
      'cmf-head-up-display': 1,
      'cmf-harman-kardon': 1,
      'cmf-wireless-charging': 1,
      'cmf-digital-key': 1,
      'cmf-heated-steering': 1,
      'cmf-heated-windscreen': 1,
      'cmf-headlight-washers': 1,
      'cmf-heat-pump': 1,
      'cmf-ambient-lighting': 1,
    },
    assist: {
      'adas-acc': 1,
      'adas-lane-keep-plus': 1,
      'adas-traffic-jam': 1,
      'adas-highway-assist': 1,
      'adas-blind-spot': 1,
      'adas-360-camera': 1,
      'adas-remote-park': 1,
      'adas-matrix-led': 1,
    },
    payment: { 'pay-business-lease-48': 1 },
    delivery: { 'dlv-home': 1 },
  };

  it.each([
    ['budget', budget],
    ['mid family estate', family],
    ['GT-Line with Sport package', sport],
    ['top electric', top],
  ])('%s build is valid', (_, build) => {
    expect(structuralProblems(carIndex, build, true)).toEqual([]);
    expect(violations(carIndex, build)).toEqual([]);
  });

  it('prices builds with package contents and offers', () => {
    expect(euros(carIndex, budget)).toBe(29_080);
    const rules = (build: Build) =>
      priceBuild(carIndex, build)
        .lines.filter((l) => l.kind === 'rule')
        .map((l) => l.ref);
    expect(rules(family)).toEqual(['style-metallic', 'factory-pickup-bonus']);
    expect(rules(sport)).toEqual(['gt-line-sport']);
    expect(rules(top)).toEqual(['ev-lease-bonus']);
    const included = priceBuild(carIndex, sport).lines.filter((l) => l.kind === 'included');
    expect(included.map((l) => [l.ref, l.amountCents])).toEqual([
      ['wheel-19-monza', 0],
      ['seat-sport-microfibre', 0],
    ]);
  });

  it.each<[string, Build, string[]]>([
    [
      'electric car with a manual gearbox',
      {
        ...budget,
        trim: { 'trim-comfort': 1 },
        engine: { 'eng-ev-60-150': 1 },
        wheels: { 'wheel-16-tallinn': 1 },
      },
      ['transmission-matches-powertrain'],
    ],
    [
      '265 PS engine with the manual gearbox',
      { ...sport, transmission: { 'trans-6mt': 1 } },
      ['transmission-torque'],
    ],
    ['GT engine in the Sportwagon on Style', { ...sport, trim: { 'trim-style': 1 } }, ['gt-engine-trim']],
    [
      'leasing with factory pickup',
      { ...family, payment: { 'pay-private-lease-36': 1 } },
      ['lease-no-factory-pickup'],
    ],
    [
      'Cognac interior with cloth seats',
      { ...family, interior: { 'int-cognac': 1 } },
      ['cognac-needs-leather'],
    ],
    ['20" wheels on the estate', { ...family, wheels: { 'wheel-20-nordkapp': 1 } }, ['wheels-body-maximum']],
    [
      'Sportwagon as an electric car',
      { ...top, model: { 'model-lumo-sportwagon': 1 }, wheels: { 'wheel-19-monza': 1 } },
      ['ev-no-estate'],
    ],
    [
      'Winter package without headlight washers',
      {
        ...family,
        comfort: { 'cmf-heated-steering': 1, 'cmf-heated-windscreen': 1, 'cmf-wireless-charging': 1 },
      },
      ['package:winter'],
    ],
    ['Sport package without its seats', { ...sport, seats: { 'seat-sport-leather': 1 } }, ['package:sport']],
    [
      'traffic jam assist without lane keeping',
      { ...family, assist: { 'adas-acc': 1, 'adas-traffic-jam': 1, 'adas-blind-spot': 1 } },
      ['traffic-jam-needs-lane'],
    ],
  ])('%s breaks exactly the expected rule', (_, build, expected) => {
    expect(structuralProblems(carIndex, build, true)).toEqual([]);
    expect(ruleIds(carIndex, build)).toEqual(expected);
  });

  it('Tech package on the Essential trim is refused together with its head-up display', () => {
    const build: Build = {
      ...budget,
      packages: { 'pkg-tech': 1 },
      comfort: {
        'cmf-head-up-display': 1,
        'cmf-harman-kardon': 1,
        'cmf-wireless-charging': 1,
        'cmf-digital-key': 1,
      },
    };
    expect(ruleIds(carIndex, build)).toEqual(['tech-not-essential', 'hud-not-essential']);
  });

  it('Sport package on the 116 PS Essential breaks its engine, trim and content rules', () => {
    const ids = ruleIds(carIndex, { ...budget, packages: { 'pkg-sport': 1 } });
    expect(ids).toEqual(
      expect.arrayContaining(['sport-package-engines', 'sport-package-trim', 'package:sport']),
    );
  });
});
