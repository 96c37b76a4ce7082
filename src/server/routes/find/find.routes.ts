import { errorReplies } from '../../../contract/errors.schema.ts';
import {
  customerSearchQuerySchema,
  customerSearchResponseSchema,
  recentCustomersResponseSchema,
  walkInBodySchema,
  walkInResponseSchema,
  type CustomerHit,
} from '../../../contract/store-find.schema.ts';
import { newClaimCode } from '../../customers/claim-code.ts';
import { standingsOf } from '../../customers/value.ts';
import { HttpError } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { lastContacts, recentlyServed, searchCustomers } from '../../store/customer-search.repository.ts';
import type { CustomerRow } from '../../store/customers.table.ts';
import {
  findCustomerByContact,
  insertCustomer,
  nextCustomerNumber,
} from '../../store/customers.repository.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import { nextTurn } from '../../store/loop-turns.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 409);

/** Staff find the customer beside them: search as they type, whom they served lately, register a walk-in. */
export const findRoutes: ZodRoutes = async (app, { db, dialect, tiers, now }) => {
  /** Rows → hits with tier and last contact: three queries however many rows (at most SEARCH_LIMIT). */
  async function hits(rows: readonly CustomerRow[]): Promise<CustomerHit[]> {
    const [contacts, standings] = await Promise.all([
      lastContacts(
        db,
        rows.map((r) => r.id),
      ),
      standingsOf(db, rows, tiers, now()),
    ]);
    return rows.map((r) => {
      const tier = standings.get(r.id)?.tier;
      return {
        id: r.id,
        customerNumber: r.customer_number,
        name: r.name,
        email: r.email,
        phone: r.phone,
        tier: { class: tier?.class ?? 'normal', label: tier?.treatment.label ?? '' },
        lastContactAt: contacts.get(r.id) ?? null,
        hasLogin: r.user_id !== null,
      };
    });
  }

  app.get(
    '/customers',
    {
      config: { access: access.staff },
      schema: {
        querystring: customerSearchQuerySchema,
        response: { 200: customerSearchResponseSchema, ...errors },
      },
    },
    async (request) => {
      // Search-as-you-type is the heaviest SQLite-only request staff send; on PostgreSQL every query yields anyway.
      if (dialect === 'sqlite') await nextTurn();
      return hits((await searchCustomers(db, request.query.q)).map((m) => m.customer));
    },
  );

  app.get(
    '/store/customers/recent',
    {
      config: { access: access.staff },
      schema: { response: { 200: recentCustomersResponseSchema, ...errors } },
    },
    async (request) => {
      const auth = request.auth;
      if (!auth) throw new Error('access.staff let an anonymous request through');
      const served = await recentlyServed(db, auth.userId);
      const found = await hits(served.map((s) => s.customer));
      return found.map((hit, i) => ({ ...hit, servedAt: served[i]?.servedAt ?? '' }));
    },
  );

  app.post(
    '/store/customers',
    {
      config: { access: access.staff },
      schema: { body: walkInBodySchema, response: { 201: walkInResponseSchema, ...errors } },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (!auth) throw new Error('access.staff let an anonymous request through');
      const { name, email, phone } = request.body;
      const alreadyCustomer = (existing: CustomerRow) =>
        new HttpError(
          409,
          'already_customer',
          `${existing.name} (${existing.customer_number}) has this e-mail or phone already.`,
          undefined,
          { customerId: existing.id },
        );
      const at = now().toISOString();
      for (let attempt = 0; ; attempt++) {
        try {
          const created = await db.transaction().execute(async (trx) => {
            const existing = await findCustomerByContact(trx, { email, phone });
            if (existing) throw alreadyCustomer(existing);
            const claimCode = newClaimCode();
            const customer = await insertCustomer(trx, {
              customer_number: await nextCustomerNumber(trx),
              user_id: null,
              email,
              phone,
              name,
              birthday: null,
              created_at: at,
              claim_code: claimCode,
            });
            await appendInteraction(trx, {
              customer_id: customer.id,
              channel: 'store',
              actor_user_id: auth.userId,
              kind: 'customer.registered',
              catalog_id: null,
              catalog_version: null,
              payload: {},
              created_at: at,
            });
            return { customer, claimCode };
          });
          const [hit] = await hits([created.customer]);
          if (!hit) throw new Error('a new customer has no hit');
          return reply.code(201).send({ customer: hit, claimCode: created.claimCode });
        } catch (error) {
          // Two registrations took the same customer number (or, once in 2^59, the same code): try again.
          if (attempt < 3 && isUniqueViolation(error)) continue;
          throw error;
        }
      }
    },
  );
};
