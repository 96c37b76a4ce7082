import { z } from 'zod';
import { catalogIdSchema } from './catalogs.schema.ts';

export const explainedPreferenceSchema = z.object({
  key: z.string(),
  kind: z.enum(['affinity', 'price-band']),
  catalogId: z.string(),
  dimension: z.string(),
  value: z.string(),
  score: z.number(),
  confidence: z.number(),
  source: z.enum(['learned', 'corrected']),
  evidence: z.string(),
});

export const preferencesResponseSchema = z.object({
  personalization: z.boolean(),
  halfLifeDays: z.number(),
  preferences: z.array(explainedPreferenceSchema),
  leanings: z.array(
    z.object({
      catalogId: z.string(),
      position: z.number(),
      leaning: z.enum(['performance', 'balanced', 'price']),
      evidence: z.string(),
    }),
  ),
});
export type PreferencesResponse = z.infer<typeof preferencesResponseSchema>;

/** `pc/attr/gpuBrand/NVIDIA`, `car/slot/paint/paint-signal-red`, `pc/price/gpu`. */
export const preferenceKeySchema = z
  .string()
  .max(300)
  .regex(
    /^[a-z0-9][a-z0-9._-]*\/(attr\/[A-Za-z][A-Za-z0-9]*\/[^/]+|slot\/[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*|price\/[a-z0-9][a-z0-9._-]*)$/,
    'must look like pc/attr/gpuBrand/NVIDIA, car/slot/paint/paint-red or pc/price/gpu',
  );

/** A correction (0 not at all … 1 very much; for a price band 0 cheapest … 1 dearest); null removes it. */
export const overrideBodySchema = z.strictObject({
  key: preferenceKeySchema,
  value: z.number().min(0).max(1).nullable(),
});
export const personalizationBodySchema = z.strictObject({ enabled: z.boolean() });

export const optionWeightsParamsSchema = z.object({ catalogId: catalogIdSchema });
/** Why an option scores (core/profile/weights.ts `OptionEvidence`): figures for the page to word. */
const optionEvidenceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('attribute'),
    attribute: z.string(),
    value: z.string(),
    chosen: z.number(),
    of: z.number(),
    corrected: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('option'),
    slot: z.string(),
    chosen: z.number(),
    of: z.number(),
    corrected: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('price'),
    slot: z.string(),
    choices: z.number(),
    position: z.number(),
    corrected: z.number().nullable(),
  }),
]);

export const optionWeightsResponseSchema = z.object({
  catalogId: z.string(),
  catalogVersion: z.string(),
  personalization: z.boolean(),
  weights: z.record(z.string(), z.number()),
  /** Per option with a weight, the preference behind most of it ("recommended for you" says why). */
  evidence: z.record(z.string(), optionEvidenceSchema),
});

export const similarBuildsQuerySchema = z.strictObject({ catalogId: catalogIdSchema });
/**
 * "Builds like yours": configurations other customers bought, each with how many of them did; nothing of any one
 * order (no date, no total), so nothing singles a buyer out (issue 19 §5).
 */
export const similarBuildsResponseSchema = z.object({
  builds: z.array(
    z.object({
      similarity: z.number(),
      catalogId: z.string(),
      catalogVersion: z.string(),
      selections: z.record(z.string(), z.record(z.string(), z.number())),
      /** Other customers who bought this configuration. */
      buyers: z.number().int().min(1),
    }),
  ),
});
export type OptionWeightsResponse = z.infer<typeof optionWeightsResponseSchema>;
export type SimilarBuildsResponse = z.infer<typeof similarBuildsResponseSchema>;
