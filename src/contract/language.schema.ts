import { z } from 'zod';

/** The languages the shop speaks: its pages, the quote PDF and its mails. */
export const languageSchema = z.enum(['en', 'de', 'zh']);
export type LanguageCode = z.infer<typeof languageSchema>;

/** The shop's language for an i18next language tag ("de-DE" → de); English for anything else. */
export function languageOf(tag: string): LanguageCode {
  const code = tag.slice(0, 2).toLowerCase();
  return languageSchema.safeParse(code).data ?? 'en';
}
