import { z } from 'zod';

/**
 * A catalog's texts in one more language (configs/catalogs/texts/<catalog>.<language>.json, or `translations` in a
 * catalog posted whole). Every section is optional and every text too: a missing one falls back to English, the
 * catalog's own language. Keys are the catalog's ids; `checkTexts` in load.ts reports any that the catalog lacks.
 */

/** The languages a catalog can be translated into; English is the catalog file's own. */
export const translationLanguages = ['de', 'zh'] as const;
export type TranslationLanguage = (typeof translationLanguages)[number];
export type CatalogLanguage = 'en' | TranslationLanguage;

const text = z.string().min(1);
const named = z.strictObject({ name: text.optional(), description: text.optional() });

export const catalogTextsSchema = z.strictObject({
  catalog: named.optional(),
  groups: z.record(z.string(), text).optional(),
  slots: z.record(z.string(), named).optional(),
  options: z.record(z.string(), named).optional(),
  attributes: z
    .record(
      z.string(),
      z.strictObject({
        label: text.optional(),
        unit: text.optional(),
        /** Enum values by value; number attributes' value labels by number. */
        values: z.record(z.string(), text).optional(),
      }),
    )
    .optional(),
  priceRules: z.record(z.string(), text).optional(),
  /** Rule messages, written as the rule's `message` is. */
  rules: z.record(z.string(), text).optional(),
});
export type CatalogTexts = z.infer<typeof catalogTextsSchema>;

export const translationsSchema = z.strictObject({
  de: catalogTextsSchema.optional(),
  zh: catalogTextsSchema.optional(),
});
export type Translations = z.infer<typeof translationsSchema>;
