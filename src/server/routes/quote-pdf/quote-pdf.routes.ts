import type { FastifyRequest } from 'fastify';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import {
  quotePdfParamsSchema,
  quotePdfQuerySchema,
  quotePdfResponseSchema,
} from '../../../contract/quote-pdf.schema.ts';
import { unauthorized } from '../../errors.ts';
import { access, type Access } from '../../plugins/access.ts';
import { loadQuoteDocument } from '../../quotes/quote-document.ts';
import { renderQuotePdf } from '../../quotes/quote-pdf.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { publicOriginFromEnv } from '../../public-origin.ts';

/** The owning customer, or anyone who serves customers in the store. */
const customerOrStaff = {
  who: 'roles',
  roles: ['customer', ...access.staff.roles],
} as const satisfies Access;

const host = /^[a-z0-9.-]+(:\d{1,5})?$/i;
const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

/**
 * The web app's origin for the PDF's links: PUBLIC_ORIGIN when set (behind a proxy that rewrites hosts), else what
 * the request came to, as a proxy forwards it (X-Forwarded-Proto/-Host) or as it arrived. A header that is not a
 * plain scheme or host is ignored: the links must not be bent into something else.
 */
export function originOf(request: FastifyRequest, publicOrigin: string | undefined): string {
  if (publicOrigin) return publicOrigin;
  const proto = first(request.headers['x-forwarded-proto']);
  const forwardedHost = first(request.headers['x-forwarded-host']);
  const scheme = proto === 'https' || proto === 'http' ? proto : request.protocol;
  const name = forwardedHost && host.test(forwardedHost) ? forwardedHost : request.host;
  return `${scheme}://${host.test(name) ? name : 'localhost'}`;
}

/** GET /quotes/:quoteId/pdf: a quote revision as the PDF the customer takes home (issue 17 §8). */
export const quotePdfRoutes: ZodRoutes = async (app, { db, versions, now }) => {
  const publicOrigin = publicOriginFromEnv();
  app.get(
    '/quotes/:quoteId/pdf',
    {
      config: { access: customerOrStaff },
      schema: {
        params: quotePdfParamsSchema,
        querystring: quotePdfQuerySchema,
        response: {
          200: quotePdfResponseSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (!auth) throw unauthorized();
      // A customer's quotes are theirs alone: another's is as absent as one that does not exist.
      const forCustomer = auth.role === 'customer' ? (auth.customerId ?? '') : undefined;
      const doc = await loadQuoteDocument(db, versions, {
        quoteId: request.params.quoteId,
        origin: originOf(request, publicOrigin),
        now: now(),
        ...(forCustomer === undefined ? {} : { forCustomer }),
      });
      const lang = request.query.lang ?? 'en';
      const pdf = await renderQuotePdf(doc, lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="quote-${doc.number}-r${doc.revision}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
