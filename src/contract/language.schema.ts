import { z } from 'zod';

/** The languages the shop speaks: its pages, the quote PDF and its mails. */
export const languageSchema = z.enum(['en', 'de', 'zh']);
export type LanguageCode = z.infer<typeof languageSchema>;
