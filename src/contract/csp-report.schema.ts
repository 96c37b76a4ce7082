import { z } from 'zod';

const text = (max: number) => z.string().max(max).optional();

/**
 * A browser's report of what the content security policy refused (the `report-uri` form, posted as
 * `application/csp-report`). Only what a reader needs is kept; the rest of the report is dropped.
 */
export const cspReportBodySchema = z.object({
  'csp-report': z.object({
    'document-uri': text(2000),
    'effective-directive': text(200),
    'violated-directive': text(500),
    'blocked-uri': text(2000),
    'source-file': text(2000),
    'line-number': z.number().int().optional(),
  }),
});
export type CspReportBody = z.infer<typeof cspReportBodySchema>;
