import { z } from 'zod';
import { catalogSchema, optionSchema, slotSchema } from '../core/catalog/schema.ts';
import { catalogTextsSchema } from '../core/catalog/texts.schema.ts';

/** Same rule as catalog ids in the file format, so a malformed id is a 400, not a lookup. */
export const catalogIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');

export const catalogParamsSchema = z.object({ id: catalogIdSchema });

/** `GET /api/catalogs/:id/versions/:version`: any recorded version (saved builds open on their own). */
export const catalogVersionParamsSchema = z.object({
  id: catalogIdSchema,
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.0'),
});
export type CatalogParams = z.infer<typeof catalogParamsSchema>;

/** What the catalog picker needs; the full catalog is fetched only once one is chosen. */
export const catalogSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.string(),
  currency: z.string(),
  slotCount: z.number().int().min(0),
  optionCount: z.number().int().min(0),
  /** The name and description in the other languages, where the catalog has them (catalogTitle reads them). */
  translations: z
    .object({
      de: catalogTextsSchema.pick({ catalog: true }).optional(),
      zh: catalogTextsSchema.pick({ catalog: true }).optional(),
    })
    .optional(),
});
export type CatalogSummary = z.infer<typeof catalogSummarySchema>;

export const catalogListResponseSchema = z.array(catalogSummarySchema);
export type CatalogListResponse = z.infer<typeof catalogListResponseSchema>;

// Options carry their cost to the company for margins; customers must never see it. z.object (not the file
// format's strictObject) strips the key instead of rejecting it.
const publicOptionSchema = z.object(optionSchema.omit({ cost: true }).shape);
const publicSlotSchema = slotSchema.extend({ options: z.array(publicOptionSchema).min(1) });

/** The full catalog as the file format defines it (defaults filled in), without option costs. */
export const catalogResponseSchema = catalogSchema.extend({ slots: z.array(publicSlotSchema).min(1) });
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;

/**
 * `GET /api/catalogs/:id/compiled` (application/octet-stream): the catalog's compiled diagram, to be read with
 * core/configurator/compiled-binary.ts against the catalog of `GET /api/catalogs/:id`, which checks it.
 */
export const compiledCatalogResponseSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array);
