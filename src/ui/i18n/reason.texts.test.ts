import { describe, expect, it } from 'vitest';
import { REASON_KEYS } from '../../core/configurator/reason-words.ts';
import { reasonTexts } from './reason.texts.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('reason sentences', () => {
  it.each(['de', 'zh'] as const)('in %s fill the same values as in English', (language) => {
    for (const key of REASON_KEYS)
      expect(placeholders(reasonTexts[language][key]), key).toEqual(placeholders(reasonTexts.en[key]));
  });
});
