import { z } from 'zod';

/** One problem with a request, naming where it is (`params.id`, `body.selections.cpu`). */
export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof issueSchema>;

/**
 * Every 4xx and 5xx reply of the API has this shape, so the client handles errors in one place.
 * `code` is stable and machine-readable (`catalog_not_found`, `invalid_request`); `message` is for people.
 */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(issueSchema).optional(),
    /** Figures the client may act on, e.g. both totals of a `price_changed`. */
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** The error replies a route may give, for its `response` schema: `errorReplies(400, 401, 404)`. */
export const errorReplies = <S extends number>(...statuses: S[]): Record<S, typeof errorResponseSchema> =>
  Object.fromEntries(statuses.map((s) => [s, errorResponseSchema])) as Record<S, typeof errorResponseSchema>;
