import { z } from 'zod';
import { languageSchema } from './language.schema.ts';

/** GET /api/quotes/:quoteId/pdf?lang=en|de|zh — one quote revision as the PDF the customer takes home. */
export const quotePdfParamsSchema = z.object({ quoteId: z.string().min(1).max(80) });

/** The PDF's language; without it, the customer's (English while no language is stored for customers). */
export const quotePdfQuerySchema = z.object({ lang: languageSchema.optional() });
export type QuotePdfQuery = z.infer<typeof quotePdfQuerySchema>;

/** The body: `application/pdf` bytes, sent as they are (Fastify does not serialize a Buffer). */
export const quotePdfResponseSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array);
