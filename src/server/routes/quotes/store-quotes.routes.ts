import { errorReplies } from '../../../contract/errors.schema.ts';
import { checkoutResponseSchema } from '../../../contract/orders.schema.ts';
import { storeCustomerQuoteParamsSchema } from '../../../contract/quote-params.schema.ts';
import { storeCustomerParamsSchema } from '../../../contract/store-customer-builds.schema.ts';
import {
  acceptQuoteBodySchema,
  createQuoteBodySchema,
  quoteGroupListSchema,
  quoteGroupSchema,
  quotePreviewBodySchema,
  quotePreviewResponseSchema,
} from '../../../contract/store-quotes.schema.ts';
import { checkoutResponse } from '../../customers/present.ts';
import { access } from '../../plugins/access.ts';
import { orderFromQuote } from '../../quotes/order-from-quote.ts';
import { presentQuoteGroup, presentQuoteGroups } from '../../quotes/present-quotes.ts';
import { createRevision, groupOfCustomer, previewQuote } from '../../quotes/revise.ts';
import { listQuoteGroupsOfCustomer } from '../../store/quote-revisions.repository.ts';
import { callerOf } from '../signed-in.ts';
import { customerOr404 } from '../../customers/customer-or-404.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404, 409, 422);

/**
 * Quotes made in the store (issue 17 §7–§9): preview a discount, make a revision within authority (or with a store
 * manager's approval of exactly these terms), list the customer's quote groups with their differences, and order
 * from a revision on the customer's behalf. Channel `store`, the staff member as actor; the server prices and
 * enforces every limit.
 */
export const storeQuoteRoutes: ZodRoutes = async (app, deps) => {
  const { db, now } = deps;
  app.post(
    '/store/customers/:customerId/quotes/preview',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerParamsSchema,
        body: quotePreviewBodySchema,
        response: { 200: quotePreviewResponseSchema, ...errors },
      },
    },
    async (request) =>
      previewQuote(db, deps, request.params.customerId, request.body, callerOf(request), now()),
  );

  app.post(
    '/store/customers/:customerId/quotes',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerParamsSchema,
        body: createQuoteBodySchema,
        response: { 201: quoteGroupSchema, ...errors },
      },
    },
    async (request, reply) => {
      const clock = now();
      const group = await createRevision(
        db,
        deps,
        request.params.customerId,
        request.body,
        callerOf(request),
        clock,
      );
      return reply.code(201).send(await presentQuoteGroup(db, group, clock));
    },
  );

  app.get(
    '/store/customers/:customerId/quotes',
    {
      config: { access: access.staff },
      schema: { params: storeCustomerParamsSchema, response: { 200: quoteGroupListSchema, ...errors } },
    },
    async (request) => {
      const customer = await customerOr404(db, request.params.customerId);
      return presentQuoteGroups(db, await listQuoteGroupsOfCustomer(db, customer.id), now());
    },
  );

  app.get(
    '/store/customers/:customerId/quotes/:quoteId',
    {
      config: { access: access.staff },
      schema: { params: storeCustomerQuoteParamsSchema, response: { 200: quoteGroupSchema, ...errors } },
    },
    async (request) => {
      const customer = await customerOr404(db, request.params.customerId);
      const group = await groupOfCustomer(db, customer.id, request.params.quoteId);
      return presentQuoteGroup(db, group, now());
    },
  );

  app.post(
    '/store/customers/:customerId/quotes/:quoteId/order',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerQuoteParamsSchema,
        body: acceptQuoteBodySchema.optional(),
        response: { 201: checkoutResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const customer = await customerOr404(db, request.params.customerId);
      const order = await orderFromQuote(db, deps, {
        customerId: customer.id,
        quoteId: request.params.quoteId,
        expectedTotalCents: request.body?.expectedTotalCents,
        channel: 'store',
        actorUserId: callerOf(request).userId,
        now: now(),
      });
      return reply.code(201).send(checkoutResponse(order));
    },
  );
};
