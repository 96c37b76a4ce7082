import { errorReplies } from '../../../contract/errors.schema.ts';
import {
  approvalIdParamsSchema,
  approvalQueueQuerySchema,
} from '../../../contract/store-approvals.schema.ts';
import {
  approvalDecisionBodySchema,
  approvalQueueSchema,
  approvalRequestSchema,
} from '../../../contract/store-quotes.schema.ts';
import { bpToPercent } from '../../../core/quotes/terms.ts';
import { presentApprovalRequest, presentApprovalRequests } from '../../approvals/present.ts';
import { HttpError, notFound } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import {
  decideApprovalRequest,
  findApprovalRequest,
  listApprovalRequestsByStatus,
} from '../../store/approval-requests.repository.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { callerOf } from '../signed-in.ts';

const errors = errorReplies(400, 401, 403, 404, 409);
/** A queue longer than this is a staffing problem, not a paging one; decided requests are history. */
const QUEUE_LIMIT = 200;

/** The store managers' queue and their decisions. */
export const approvalRoutes: ZodRoutes = async (app, { db, tiers, now, notifier }) => {
  app.get(
    '/store/approvals',
    {
      config: { access: access.storeManager },
      schema: { querystring: approvalQueueQuerySchema, response: { 200: approvalQueueSchema, ...errors } },
    },
    async (request) => {
      const records = await listApprovalRequestsByStatus(db, request.query.status, QUEUE_LIMIT);
      return presentApprovalRequests(db, tiers, now(), records);
    },
  );

  app.post(
    '/store/approvals/:requestId/decision',
    {
      config: { access: access.storeManager },
      schema: {
        params: approvalIdParamsSchema,
        body: approvalDecisionBodySchema,
        response: { 200: approvalRequestSchema, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { requestId } = request.params;
      const { decision, reason } = request.body;
      const found = await findApprovalRequest(db, requestId);
      if (!found) throw notFound('approval_not_found', `No approval request "${requestId}".`);
      const clock = now();
      const status = decision === 'approve' ? 'approved' : 'refused';
      // The conditional update decides; reading `found.status` first would let two managers both pass.
      const decided = await db.transaction().execute(async (trx) => {
        const changed = await decideApprovalRequest(trx, requestId, {
          status,
          decidedByUserId: caller.userId,
          decidedAt: clock.toISOString(),
          reason: reason && reason !== '' ? reason : null,
        });
        if (!changed) return false;
        await appendInteraction(trx, {
          customer_id: found.customerId,
          channel: 'store',
          actor_user_id: caller.userId,
          kind: 'approval.decided',
          catalog_id: found.catalogId,
          catalog_version: found.catalogVersion,
          payload: { requestId, decision: status, discountPercent: bpToPercent(found.discountBp), reason },
          created_at: clock.toISOString(),
        });
        return true;
      });
      const current = await findApprovalRequest(db, requestId);
      if (!current) throw new Error(`approval request ${requestId} vanished`);
      const presented = await presentApprovalRequest(db, tiers, clock, current);
      if (!decided)
        throw new HttpError(
          409,
          'already_decided',
          `${presented.decidedBy?.name ?? 'Another manager'} already ${current.status} this request.`,
          undefined,
          {
            requestId,
            status: current.status,
            decidedBy: presented.decidedBy?.name ?? null,
            decidedAt: current.decidedAt,
            reason: current.reason,
          },
        );
      await notifier
        .publish({ kind: 'approval.decided', requestId })
        .catch((error: unknown) => request.log.error({ err: error }, 'publishing approval.decided failed'));
      return presented;
    },
  );
};
