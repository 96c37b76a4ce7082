import { z } from 'zod';
import { cspReportBodySchema } from '../../../contract/csp-report.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import { access } from '../../plugins/access.ts';
import type { ZodRoutes } from '../route-deps.ts';

const REPORT_LIMIT = 16 * 1024;

/**
 * Where browsers report what the content security policy refused (its `report-uri`, plugins/security-headers.ts):
 * logged as warnings, so a page or worker the policy breaks shows in the server's log, not only in one browser's
 * console. The end-to-end tests fail on any (test/e2e/browser.ts).
 */
export const cspReportRoutes: ZodRoutes = async (app) => {
  // JSON under another name; Fastify's own JSON parser, so a malformed report is a 400 like any malformed body.
  app.addContentTypeParser(
    'application/csp-report',
    { parseAs: 'string', bodyLimit: REPORT_LIMIT },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.post(
    '/csp-reports',
    {
      // Any page may report, signed in or not; a report changes nothing but the log.
      config: { access: access.anyone },
      bodyLimit: REPORT_LIMIT,
      schema: { body: cspReportBodySchema, response: { 204: z.null(), 400: errorResponseSchema } },
    },
    async (request, reply) => {
      request.log.warn({ cspReport: request.body['csp-report'] }, 'content security policy violation');
      return reply.code(204).send(null);
    },
  );
};
