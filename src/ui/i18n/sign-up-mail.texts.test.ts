import { describe, expect, it } from 'vitest';
import { signUpMailTexts } from './sign-up-mail.texts.ts';

/** Each text's {{placeholders}}, by key, so no language drops the address or the reason the others show. */
const placeholders = (texts: Record<string, string>) =>
  Object.entries(texts).map(([key, text]) => `${key}:${(text.match(/{{\w+}}/g) ?? []).sort().join(',')}`);

describe('sign-up mail texts', () => {
  it('have the same keys and placeholders in every language, none empty', () => {
    for (const texts of [signUpMailTexts.de, signUpMailTexts.zh]) {
      expect(placeholders(texts)).toEqual(placeholders(signUpMailTexts.en));
      expect(Object.values(texts).every((text) => text.trim() !== '')).toBe(true);
    }
  });
});
