import { errorReplies } from '../../../contract/errors.schema.ts';
import { customerIdParamsSchema } from '../../../contract/store-approvals.schema.ts';
import {
  approvalQueueSchema,
  approvalRequestBodySchema,
  approvalRequestSchema,
} from '../../../contract/store-quotes.schema.ts';
import { presentApprovalRequest, presentApprovalRequests } from '../../approvals/present.ts';
import { HttpError, notFound } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { priceTerms } from '../../quotes/quote-terms.ts';
import {
  insertApprovalRequest,
  listApprovalRequestsOfCustomer,
} from '../../store/approval-requests.repository.ts';
import { findCustomerById } from '../../store/customers.repository.ts';
import { newId } from '../../store/ids.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import { listQuoteGroup } from '../../store/quote-revisions.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { callerOf } from '../signed-in.ts';

const errors = errorReplies(400, 401, 403, 404, 409, 422);

/** A salesperson asks the store managers for a discount above their own authority; the console lists what it asked. */
export const approvalRequestRoutes: ZodRoutes = async (app, deps) => {
  const { db, tiers, now, notifier } = deps;

  app.post(
    '/store/customers/:customerId/approval-requests',
    {
      config: { access: access.staff },
      schema: {
        params: customerIdParamsSchema,
        body: approvalRequestBodySchema,
        response: { 200: approvalRequestSchema, 201: approvalRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { customerId } = request.params;
      const { buildId, discountPercent, groupId, note } = request.body;
      const clock = now();
      // The server prices the build and places the discount in the caller's bands; the console's figures are not used.
      const priced = await priceTerms(db, deps, {
        customerId,
        buildId,
        discountPercent,
        callerRole: caller.role,
        now: clock,
      });
      if (priced.band === 'within')
        throw new HttpError(
          409,
          'approval_not_needed',
          `${discountPercent} % is within your own authority (${priced.authority.ownPercent} %); quote it directly.`,
        );
      if (priced.band === 'refused')
        throw new HttpError(
          403,
          'discount_refused',
          `${discountPercent} % is above what a store manager may approve for this customer (${priced.authority.limitPercent} %).`,
        );
      if (groupId !== undefined) {
        const [first] = await listQuoteGroup(db, groupId);
        if (first?.customerId !== customerId)
          throw notFound('quote_not_found', `No quote "${groupId}" of this customer.`);
      }
      const outcome = await db.transaction().execute(async (trx) => {
        const inserted = await insertApprovalRequest(trx, {
          id: newId(),
          customerId,
          groupId: groupId ?? null,
          buildId,
          catalogId: priced.terms.catalogId,
          catalogVersion: priced.terms.catalogVersion,
          selections: priced.terms.selections,
          discountBp: priced.terms.discountBp,
          listTotalCents: priced.price.listTotalCents,
          totalCents: priced.price.totalCents,
          currency: priced.price.currency,
          note: note && note !== '' ? note : null,
          requestedByUserId: caller.userId,
          createdAt: clock.toISOString(),
        });
        if (!inserted.created) return inserted;
        const stored = inserted.request;
        // Staff-only: the customer's own timeline leaves approval.* out (customers/own-timeline.ts).
        await appendInteraction(trx, {
          customer_id: customerId,
          channel: 'store',
          actor_user_id: caller.userId,
          kind: 'approval.requested',
          catalog_id: stored.catalogId,
          catalog_version: stored.catalogVersion,
          payload: { requestId: stored.id, buildId, groupId: stored.groupId, discountPercent },
          created_at: clock.toISOString(),
        });
        return inserted;
      });
      // Asked already (a double click): the same request again, nothing new for the managers.
      if (!outcome.created)
        return reply.code(200).send(await presentApprovalRequest(db, tiers, clock, outcome.request));
      const created = outcome.request;
      // Stored is what counts: a lost notice only delays the managers' queue until its next load.
      await notifier
        .publish({ kind: 'approval.requested', requestId: created.id })
        .catch((error: unknown) => request.log.error({ err: error }, 'publishing approval.requested failed'));
      return reply.code(201).send(await presentApprovalRequest(db, tiers, clock, created));
    },
  );

  app.get(
    '/store/customers/:customerId/approval-requests',
    {
      config: { access: access.staff },
      schema: { params: customerIdParamsSchema, response: { 200: approvalQueueSchema, ...errors } },
    },
    async (request) => {
      const { customerId } = request.params;
      if (!(await findCustomerById(db, customerId)))
        throw notFound('customer_not_found', `No customer "${customerId}".`);
      const records = await listApprovalRequestsOfCustomer(db, customerId);
      return presentApprovalRequests(db, tiers, now(), records);
    },
  );
};
