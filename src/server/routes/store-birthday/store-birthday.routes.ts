import { customerSummarySchema } from '../../../contract/auth.schema.ts';
import { idParamsSchema } from '../../../contract/saved-builds.schema.ts';
import { errorReplies } from '../../../contract/errors.schema.ts';
import { confirmBirthdayBodySchema } from '../../../contract/store-birthday.schema.ts';
import { customerOr404 } from '../../customers/customer-or-404.ts';
import { customerSummary } from '../../customers/present.ts';
import { access } from '../../plugins/access.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import { callerOf } from '../signed-in.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404);

/**
 * Staff confirm a customer's birthday in the store (issue 19 §4): the birthday discount then applies in its month
 * even if the birthday was given this month. Who confirmed it is kept and the customer's timeline says so.
 */
export const storeBirthdayRoutes: ZodRoutes = async (app, { db, now }) => {
  app.post(
    '/store/customers/:id/birthday',
    {
      config: { access: access.staff },
      schema: {
        params: idParamsSchema,
        body: confirmBirthdayBodySchema,
        response: { 200: customerSummarySchema, ...errors },
      },
    },
    async (request) => {
      const staff = callerOf(request);
      const customer = await customerOr404(db, request.params.id);
      const at = now().toISOString();
      const { birthday } = request.body;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('customers')
          .set({
            birthday,
            // A corrected date is given now; a confirmed unchanged one keeps when it was given.
            birthday_set_at: birthday === customer.birthday ? customer.birthday_set_at : at,
            birthday_confirmed_at: at,
            birthday_confirmed_by: staff.userId,
          })
          .where('id', '=', customer.id)
          .execute();
        await appendInteraction(trx, {
          customer_id: customer.id,
          channel: 'store',
          actor_user_id: staff.userId,
          kind: 'customer.birthday-confirmed',
          catalog_id: null,
          catalog_version: null,
          payload: { changed: birthday !== customer.birthday },
          created_at: at,
        });
      });
      return customerSummary(await customerOr404(db, customer.id));
    },
  );
};
