import { errorReplies } from '../../../contract/errors.schema.ts';
import { checkoutResponseSchema } from '../../../contract/orders.schema.ts';
import { quoteParamsSchema } from '../../../contract/quote-params.schema.ts';
import { acceptQuoteBodySchema, quoteGroupListSchema } from '../../../contract/store-quotes.schema.ts';
import { checkoutResponse } from '../../customers/present.ts';
import { access } from '../../plugins/access.ts';
import { customerIdOf } from '../../plugins/auth.ts';
import { orderFromQuote } from '../../quotes/order-from-quote.ts';
import { presentQuoteGroups } from '../../quotes/present-quotes.ts';
import { listQuoteGroupsOfCustomer } from '../../store/quote-revisions.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404, 409, 422);

/**
 * The customer's own quotes online: every revision they were given, in the store or online, with who made and
 * approved it (first name and role), and accepting any revision as an order at the quoted price while it is valid.
 */
export const myQuoteRoutes: ZodRoutes = async (app, deps) => {
  const { db, now } = deps;

  app.get(
    '/me/quotes',
    { config: { access: access.customer }, schema: { response: { 200: quoteGroupListSchema, ...errors } } },
    async (request) =>
      presentQuoteGroups(db, await listQuoteGroupsOfCustomer(db, customerIdOf(request)), now()),
  );

  app.post(
    '/me/quotes/:quoteId/accept',
    {
      config: { access: access.customer },
      schema: {
        params: quoteParamsSchema,
        body: acceptQuoteBodySchema.optional(),
        response: { 201: checkoutResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const order = await orderFromQuote(db, deps, {
        customerId: customerIdOf(request),
        quoteId: request.params.quoteId,
        expectedTotalCents: request.body?.expectedTotalCents,
        channel: 'web',
        actorUserId: request.auth?.userId ?? null,
        now: now(),
      });
      return reply.code(201).send(checkoutResponse(order));
    },
  );
};
