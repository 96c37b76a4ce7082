import { describe, expect, it } from 'vitest';
import { sessionSaveTexts } from './session-save.texts.ts';

/** Each text's {{placeholders}}, by key, so no language drops the status the others show. */
const placeholders = (texts: Record<string, string>) =>
  Object.entries(texts).map(([key, text]) => `${key}:${(text.match(/{{\w+}}/g) ?? []).sort().join(',')}`);

describe('save status texts', () => {
  it('have the same keys and placeholders in every language, none empty', () => {
    for (const texts of [sessionSaveTexts.de, sessionSaveTexts.zh]) {
      expect(placeholders(texts)).toEqual(placeholders(sessionSaveTexts.en));
      expect(Object.values(texts).every((text) => text.trim() !== '')).toBe(true);
    }
  });
});
