import { describe, expect, it } from 'vitest';
import { catalogWords, missingTexts } from './texts.ts';
import { validateCatalog } from './load.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';

const mini = miniCatalog();
const catalog = validateCatalog(
  {
    ...mini,
    attributes: {
      ...mini.attributes,
      size: { type: 'number', label: 'Form factor', valueLabels: { '1': 'Mini-ITX' } },
    },
    rules: (mini.rules ?? []).map((r) =>
      r.id === 'socket-match' ? { ...r, message: 'Sockets differ.' } : r,
    ),
    translations: {
      de: {
        options: { 'cpu-amd': { name: 'Ryzen 5 (de)' } },
        attributes: { draw: { label: 'Leistungsaufnahme' }, socket: { values: { AM5: 'Sockel AM5' } } },
        rules: { 'socket-match': 'Sockel passen nicht.' },
      },
    },
  },
  'mini.json',
);

describe('catalogWords', () => {
  it('gives the translation where there is one and English elsewhere', () => {
    const de = catalogWords(catalog, 'de');
    expect(de.optionName('cpu-amd')).toBe('Ryzen 5 (de)');
    expect(de.optionName('cpu-intel')).toBe('Core i9');
    expect(de.slotName('cpu')).toBe('Processor');
    expect(de.attributeLabel('draw')).toBe('Leistungsaufnahme');
    expect(de.ruleMessage('socket-match')).toBe('Sockel passen nicht.');
    expect(catalogWords(catalog, 'zh').ruleMessage('socket-match')).toBe('Sockets differ.');
    expect(de.ruleMessage('power')).toBeUndefined();
  });

  it('renders values with units, value labels, translated enum values and yes/no', () => {
    const de = catalogWords(catalog, 'de');
    expect(de.attributeValue('draw', 1250, (n) => n.toLocaleString('de-DE'))).toBe('1.250 W');
    expect(de.attributeValue('size', 1)).toBe('Mini-ITX');
    expect(de.attributeValue('socket', 'AM5')).toBe('Sockel AM5');
    expect(de.attributeValue('socket', 'LGA1700')).toBe('LGA1700');
    expect(de.attributeValue('igpu', true)).toBe('ja');
    expect(catalogWords(catalog, 'en').attributeValue('igpu', false)).toBe('no');
  });
});

describe('missingTexts', () => {
  it('lists every English text a language lacks, by path', () => {
    const missing = missingTexts(catalog);
    const de = missing.filter((m) => m.language === 'de').map((m) => m.path);
    expect(de).toContain('$.catalog.name');
    expect(de).toContain('$.slots["cpu"].name');
    expect(de).toContain('$.attributes.size.values["1"]');
    expect(de).toContain('$.options["cpu-intel"].name');
    expect(de).not.toContain('$.options["cpu-amd"].name');
    expect(de).not.toContain('$.rules["socket-match"]');
    expect(missing.filter((m) => m.language === 'zh').map((m) => m.path)).toContain(
      '$.rules["socket-match"]',
    );
  });
});
