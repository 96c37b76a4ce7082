import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  catalogWords,
  type Build,
  type Catalog,
  type CatalogLanguage,
} from '../../src/core/catalog/index.ts';
import { Configurator } from '../../src/core/configurator/configurator.ts';
import { ReasonWords, type ReasonKey } from '../../src/core/configurator/reason-words.ts';
import { renderReason } from '../../src/core/configurator/render-reason.ts';
import { loadCatalogRegistry } from '../../src/server/catalogs/registry.ts';
import { reasonTexts } from '../../src/ui/i18n/reason.texts.ts';
import { languages } from '../../src/ui/i18n/resources.ts';

// The shipped catalogs with their texts, loaded as the server loads them; reasons rendered as the page renders them.
const DIR = fileURLToPath(new URL('../../configs/catalogs/', import.meta.url));
const configurators = new Map<string, Configurator>();

beforeAll(async () => {
  const registry = await loadCatalogRegistry(DIR);
  for (const entry of registry.list()) configurators.set(entry.catalog.id, new Configurator(entry.catalog));
});

function words(catalog: Catalog, language: CatalogLanguage): ReasonWords {
  const texts: Record<ReasonKey, string> = reasonTexts[language];
  const say = (key: ReasonKey, values: Record<string, string> = {}) =>
    texts[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`reason.${key} has no value for {{${name}}}`);
      return value;
    });
  const locale = languages.find((l) => l.code === language)?.locale ?? 'en';
  const format = new Intl.NumberFormat(locale);
  return new ReasonWords(catalog, catalogWords(catalog, language), say, (n) => format.format(n));
}

function reason(catalogId: string, build: Build, slot: string, option: string, language: CatalogLanguage) {
  const configurator = configurators.get(catalogId) as Configurator;
  const e = configurator.explain(build, slot, option);
  if (!e) throw new Error(`${option} is available`);
  return { e, text: renderReason(words(configurator.catalog, language), configurator.catalog, e) };
}

const terra: Build = { case: { 'case-fractal-terra': 1 } };

describe('reasons on the shipped PC catalog', () => {
  it('give the graphics card and the case their own lengths', () => {
    const { e, text } = reason('pc', terra, 'gpu', 'gpu-asus-tuf-rtx5080', 'en');
    expect(e.rules.map((r) => r.id)).toEqual(['gpu-length']);
    expect(text.steps).toEqual([
      'The ASUS TUF Gaming GeForce RTX 5080 OC 16 GB is 348 mm long; the Fractal Design Terra (Mini-ITX, Jade) takes cards up to 322 mm.',
    ]);
    const de = reason('pc', terra, 'gpu', 'gpu-asus-tuf-rtx5080', 'de').text.steps.join(' ');
    expect(de).toMatch(/ist 348 mm lang; .* nimmt Karten bis 322 mm auf\./);
  });

  it('explain a DDR4 kit through the memory type and the board size, a chain from the kit to the case', () => {
    const { e, text } = reason('pc', terra, 'memory', 'mem-crucial-ddr4-3200-2x8', 'en');
    expect(e.rules.map((r) => r.id)).toEqual(['memory-type', 'board-fits-case']);
    expect(e.rules.map((r) => r.open)).toEqual([['motherboard'], ['motherboard']]);
    expect(text.lead).toBe('Conflicts with Fractal Design Terra (Mini-ITX, Jade).');
    expect(text.steps).toEqual([
      'Crucial 16 GB DDR4-3200 (2 × 8 GB) needs a motherboard with memory type DDR4.',
      'Fractal Design Terra (Mini-ITX, Jade) needs a motherboard with form factor at most Mini-ITX.',
      'So no motherboard fits.',
    ]);
    const de = reason('pc', terra, 'memory', 'mem-crucial-ddr4-3200-2x8', 'de').text.steps;
    expect(de[0]).toContain('DDR4');
    expect(de[1]).toContain('höchstens Mini-ITX');
  });

  it('name the power budget with its figures: the least the rest adds, against 80 % of the supply', () => {
    const build: Build = { psu: { 'psu-corsair-rm750e': 1 }, cpu: { 'cpu-core-i9-14900k': 1 } };
    const { e, text } = reason('pc', build, 'gpu', 'gpu-sapphire-nitro-rx9070xt', 'en');
    expect(e.rules.map((r) => r.id)).toEqual(['power-budget']);
    expect(e.rules[0]?.figures).toMatchObject({
      total: 615,
      rest: 22,
      limit: 600,
      factor: 0.8,
      decisive: true,
    });
    expect(text.steps[0]).toBe(
      'Power draw of Intel Core i9-14900K (24 cores) (253 W), Sapphire Nitro+ Radeon RX 9070 XT 16 GB (340 W), and at least 22 W for the rest of the build: at least 615 W, against the 600 W that 80% of the Corsair RM750e 750 W (ATX 3.1) (750 W) allows.',
    );
  });
});

/** Every unavailable option after a few builds of each catalog, in every language. */
function refusals(catalogId: string): { build: Build; slot: string; option: string }[] {
  const configurator = configurators.get(catalogId) as Configurator;
  const out: { build: Build; slot: string; option: string }[] = [];
  const ids = configurator.catalog.slots.flatMap((s) => s.options.map((o) => o.id));
  for (let k = 0; k < 4; k++) {
    // Deterministic variety: favour a different stride of options each time, keep every other slot.
    const scores = new Map(ids.map((id, i) => [id, ((i * (k + 3)) % 7) / 7]));
    const full = configurator.complete({}, scores) ?? {};
    const build = Object.fromEntries(Object.entries(full).filter((_, i) => (i + k) % 2 === 0));
    for (const s of configurator.state(build).slots)
      for (const o of s.options) if (!o.available) out.push({ build, slot: s.slot, option: o.id });
  }
  return out;
}

describe.each(['pc', 'car'])('every reason of %s', (catalogId) => {
  it('renders in English, German and Chinese with every placeholder filled', () => {
    const cases = refusals(catalogId);
    expect(cases.length).toBeGreaterThan(20);
    for (const { build, slot, option } of cases)
      for (const language of ['en', 'de', 'zh'] as const) {
        const { e, text } = reason(catalogId, build, slot, option, language);
        expect(e.minimal, option).toBe(true);
        for (const line of [text.lead, ...text.steps]) expect(line, option).not.toMatch(/[{}]|undefined|NaN/);
      }
  });
});
