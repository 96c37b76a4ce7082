import { z } from 'zod';
import { buildSelectionsSchema } from './builds.schema.ts';
import { catalogIdSchema } from './catalogs.schema.ts';

const version = z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.0');
export const idParamsSchema = z.object({ id: z.string().min(1).max(80) });

export const saveBuildBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  catalogId: catalogIdSchema,
  /** Defaults to the catalog's current version. */
  catalogVersion: version.optional(),
  selections: buildSelectionsSchema,
});
export type SaveBuildBody = z.input<typeof saveBuildBodySchema>;

export const renameBuildBodySchema = z.strictObject({ name: z.string().trim().min(1).max(120) });

export const savedBuildSchema = z.object({
  id: z.string(),
  name: z.string(),
  catalogId: z.string(),
  catalogVersion: z.string(),
  selections: buildSelectionsSchema,
  priceCents: z.number().int(),
  /** Every single slot filled. */
  complete: z.boolean(),
  /** Breaks none of the version's rules. */
  valid: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedBuild = z.infer<typeof savedBuildSchema>;
export const savedBuildListSchema = z.array(savedBuildSchema);

export const compareQuerySchema = z.strictObject({
  a: z.string().min(1).max(80),
  b: z.string().min(1).max(80),
});

const chosenSchema = z.object({ optionId: z.string(), name: z.string(), quantity: z.number().int() });
export const compareResponseSchema = z.object({
  a: savedBuildSchema,
  b: savedBuildSchema,
  slots: z.array(
    z.object({
      slotId: z.string(),
      name: z.string(),
      a: z.array(chosenSchema),
      b: z.array(chosenSchema),
      same: z.boolean(),
    }),
  ),
  /** b − a, in cents. */
  differenceCents: z.number().int(),
});
export type CompareResponse = z.infer<typeof compareResponseSchema>;
