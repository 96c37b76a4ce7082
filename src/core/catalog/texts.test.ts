import { describe, expect, it } from 'vitest';
import { catalogLanguage, catalogTitle, catalogWords, missingTexts } from './texts.ts';
import { validateCatalog } from './load.ts';

const catalog = validateCatalog(
  {
    format: 1,
    id: 'mini',
    version: '2026.12.0',
    name: 'Mini PC',
    description: 'A small one.',
    currency: 'EUR',
    attributes: {
      power: { type: 'number', label: 'Power draw', unit: 'W' },
      size: { type: 'number', label: 'Form factor', valueLabels: { '1': 'Mini-ITX' } },
      colour: { type: 'enum', label: 'Colour', values: ['black', 'white'] },
      igpu: { type: 'boolean', label: 'Integrated graphics' },
    },
    groups: [{ id: 'core', name: 'Core' }],
    slots: [
      {
        id: 'cpu',
        name: 'Processor',
        group: 'core',
        kind: 'single',
        options: [{ id: 'cpu-a', name: 'Chip A', description: 'Fast.', price: 100 }],
      },
    ],
    rules: [
      {
        id: 'r',
        kind: 'excludes',
        all: [
          { slot: 'cpu', option: 'cpu-a' },
          { slot: 'cpu', option: 'cpu-a' },
        ],
        message: 'Never.',
      },
    ],
    translations: {
      de: {
        options: { 'cpu-a': { name: 'Chip A (de)' } },
        catalog: { name: 'Mini-PC' },
        attributes: { power: { label: 'Leistungsaufnahme' }, colour: { values: { white: 'weiß' } } },
        rules: { r: 'Nie.' },
      },
    },
  },
  'mini.json',
);

describe('catalogWords', () => {
  it('gives the translation where there is one and English elsewhere', () => {
    const de = catalogWords(catalog, 'de');
    expect(de.optionName('cpu-a')).toBe('Chip A (de)');
    expect(de.optionDescription('cpu-a')).toBe('Fast.');
    expect(de.slotName('cpu')).toBe('Processor');
    expect(de.attributeLabel('power')).toBe('Leistungsaufnahme');
    expect(de.ruleMessage('r')).toBe('Nie.');
    expect(catalogWords(catalog, 'zh').ruleMessage('r')).toBe('Never.');
  });

  it('renders values with units, value labels, translated enum values and yes/no', () => {
    const de = catalogWords(catalog, 'de');
    expect(de.attributeValue('power', 1250, (n) => n.toLocaleString('de-DE'))).toBe('1.250 W');
    expect(de.attributeValue('size', 1)).toBe('Mini-ITX');
    expect(de.attributeValue('colour', 'white')).toBe('weiß');
    expect(de.attributeValue('colour', 'black')).toBe('black');
    expect(de.attributeValue('igpu', true)).toBe('ja');
    expect(catalogWords(catalog, 'en').attributeValue('igpu', false)).toBe('no');
  });
});

describe('missingTexts', () => {
  it('lists every English text a language lacks, by path', () => {
    const missing = missingTexts(catalog);
    const de = missing.filter((m) => m.language === 'de').map((m) => m.path);
    expect(de).toContain('$.catalog.description');
    expect(de).not.toContain('$.catalog.name');
    expect(de).toContain('$.slots["cpu"].name');
    expect(de).toContain('$.attributes.size.values["1"]');
    expect(de).toContain('$.attributes.power.unit');
    expect(de).toContain('$.attributes.colour.values["black"]');
    expect(de).not.toContain('$.attributes.colour.values["white"]');
    expect(de).not.toContain('$.attributes.size.unit');
    expect(de).not.toContain('$.options["cpu-a"].name');
    expect(de).not.toContain('$.rules["r"]');
    expect(missing.filter((m) => m.language === 'zh').map((m) => m.path)).toContain('$.rules["r"]');
  });
});

describe('catalogLanguage and catalogTitle', () => {
  it('reads a UI language code as a catalog language, English for any other', () => {
    expect(['de', 'de-AT', 'zh', 'zh-CN', 'en', 'en-GB', 'fr', ''].map(catalogLanguage)).toEqual([
      'de',
      'de',
      'zh',
      'zh',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('names a catalog or its summary in a language, each text English where it lacks one', () => {
    expect(catalogTitle(catalog, 'de')).toEqual({ name: 'Mini-PC', description: 'A small one.' });
    expect(catalogTitle(catalog, 'zh')).toEqual({ name: 'Mini PC', description: 'A small one.' });
    const summary = {
      name: 'Car',
      description: 'Four wheels.',
      translations: { zh: { catalog: { name: '汽车' } } },
    };
    expect(catalogTitle(summary, 'zh').name).toBe('汽车');
    expect(catalogWords(catalog, 'de').catalogName()).toBe('Mini-PC');
  });
});
