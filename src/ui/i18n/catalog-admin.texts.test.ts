import { describe, expect, it } from 'vitest';
import { catalogAdminTexts } from './catalog-admin.texts.ts';

/** Every key path of a texts object ("publish.errors.noteRequired"), sorted. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

/** The {{placeholders}} of every text, by key path, so no language drops a figure the others show. */
function placeholders(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}:${(value.match(/{{\w+}}/g) ?? []).sort().join(',')}`];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value)
    .flatMap(([k, v]) => placeholders(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe('catalog editor texts', () => {
  it('have the same keys and placeholders in every language, none empty', () => {
    expect(keys(catalogAdminTexts.de)).toEqual(keys(catalogAdminTexts.en));
    expect(keys(catalogAdminTexts.zh)).toEqual(keys(catalogAdminTexts.en));
    expect(placeholders(catalogAdminTexts.de)).toEqual(placeholders(catalogAdminTexts.en));
    expect(placeholders(catalogAdminTexts.zh)).toEqual(placeholders(catalogAdminTexts.en));
    const texts = JSON.stringify(catalogAdminTexts);
    expect(texts).not.toContain('""');
  });
});
