import { errorReplies } from '../../../contract/errors.schema.ts';
import { relationshipResponseSchema } from '../../../contract/customers.schema.ts';
import {
  staffInteractionBodySchema,
  timelineItemSchema,
  timelineQuerySchema,
  timelineResponseSchema,
} from '../../../contract/interactions.schema.ts';
import { idParamsSchema } from '../../../contract/saved-builds.schema.ts';
import { discountAuthority } from '../../../core/profile/authority.ts';
import { explainProfile } from '../../../core/profile/explain.ts';
import { isSale, nextStatuses } from '../../../core/orders/status.ts';
import { purchasesByQuarter } from '../../../core/profile/purchases.ts';
import { liveSession, quoteSummary } from '../../customers/glance.ts';
import { customerSummary, savedBuild, timelineItem } from '../../customers/present.ts';
import { standingOf } from '../../customers/value.ts';
import { access } from '../../plugins/access.ts';
import { listBuildsOfCustomer } from '../../store/builds.repository.ts';
import { listOrdersOfCustomer } from '../../store/checkouts.repository.ts';
import { appendInteraction, timelinePage } from '../../store/interactions.repository.ts';
import { listLiveSessionsOfCustomer } from '../../store/live-sessions.repository.ts';
import { loadProfile } from '../../store/preferences.repository.ts';
import { listQuoteGroupsOfCustomer } from '../../store/quote-revisions.repository.ts';
import { customerOr404 } from '../../customers/customer-or-404.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404);
const RECENT = 20;

/** Staff (sales) see any customer (found through routes/find/): the whole relationship, the timeline, and log contacts. */
export const customerRoutes: ZodRoutes = async (app, { db, catalogs, versions, tiers, now }) => {
  app.get(
    '/customers/:id',
    {
      config: { access: access.staff },
      schema: { params: idParamsSchema, response: { 200: relationshipResponseSchema, ...errors } },
    },
    async (request) => {
      const customer = await customerOr404(db, request.params.id);
      const clock = now();
      const [standing, profile, builds, orders, recent, quotes, sessions] = await Promise.all([
        standingOf(db, customer, tiers, clock),
        loadProfile(db, customer.id),
        listBuildsOfCustomer(db, customer.id),
        listOrdersOfCustomer(db, customer.id),
        timelinePage(db, customer.id, { limit: RECENT }),
        listQuoteGroupsOfCustomer(db, customer.id),
        listLiveSessionsOfCustomer(db, customer.id),
      ]);
      const { tier } = standing;
      const role = request.auth?.role ?? '';
      const versionOf = (catalogId: string, version: string) =>
        versions.get(catalogId, version).catch(() => undefined);
      return {
        customer: customerSummary(customer),
        hasLogin: customer.user_id !== null,
        value: standing.value,
        tier: {
          class: tier.class,
          label: tier.treatment.label,
          quadrant: tier.quadrant,
          share: tier.share,
          upcoming: tier.upcoming,
          strategy: tier.strategy,
          discountAuthorityPercent: tier.treatment.discountAuthorityPercent,
          offers: tier.treatment.offers,
          reasons: tier.reasons,
        },
        // Staff see what was learned even when personalization is off: it is the customer's data, shown, not used.
        preferences: explainProfile(profile, clock.toISOString()),
        builds: await Promise.all(
          builds.map(async (b) =>
            savedBuild(b, await versions.get(b.catalog_id, b.catalog_version).catch(() => undefined)),
          ),
        ),
        orders: orders.map((o) => ({
          id: o.id,
          catalogId: o.catalogId,
          catalogVersion: o.catalogVersion,
          channel: o.channel,
          totalCents: o.totalCents,
          createdAt: o.createdAt,
          status: o.status,
          next: [...nextStatuses(o.status)],
        })),
        recentInteractions: recent.items.map(timelineItem),
        // Every catalog prices in one currency today; the first loaded one names it for the value figures.
        currency: orders[0]?.currency ?? catalogs.list()[0]?.catalog.currency ?? 'EUR',
        // Sales only, like the value figures beside the chart.
        purchases: purchasesByQuarter(
          orders
            .filter((o) => isSale(o.status))
            .map((o) => ({ at: o.createdAt, revenueCents: o.totalCents })),
          clock.toISOString(),
        ),
        // One entry per quote group, its latest revision (the quote page shows the revisions side by side).
        quotes: quotes.flatMap((group) => {
          const latest = group.at(-1);
          return latest ? [quoteSummary(latest, clock)] : [];
        }),
        sessions: await Promise.all(
          sessions.map(async (s) =>
            liveSession(s, await versionOf(s.session.catalogId, s.session.catalogVersion)),
          ),
        ),
        authority: { role, ...discountAuthority(tier.treatment, role) },
      };
    },
  );

  app.get(
    '/customers/:id/timeline',
    {
      config: { access: access.staff },
      schema: {
        params: idParamsSchema,
        querystring: timelineQuerySchema,
        response: { 200: timelineResponseSchema, ...errors },
      },
    },
    async (request) => {
      const customer = await customerOr404(db, request.params.id);
      const page = await timelinePage(db, customer.id, request.query);
      return { items: page.items.map(timelineItem), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/customers/:id/interactions',
    {
      config: { access: access.staff },
      schema: {
        params: idParamsSchema,
        body: staffInteractionBodySchema,
        response: { 201: timelineItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const customer = await customerOr404(db, request.params.id);
      const auth = request.auth;
      if (!auth) throw new Error('access.staff let an anonymous request through');
      const { kind, note, shared, catalogId } = request.body;
      const index = catalogId ? await versions.get(catalogId) : undefined;
      const entry = await appendInteraction(db, {
        customer_id: customer.id,
        channel: kind === 'store.visit' ? 'store' : 'phone',
        actor_user_id: auth.userId,
        kind,
        catalog_id: index?.catalog.id ?? null,
        catalog_version: index?.catalog.version ?? null,
        // Internal unless shared: the customer's own timeline reads `shared` (customers/own-timeline.ts).
        payload: { note, shared },
        created_at: now().toISOString(),
      });
      return reply
        .code(201)
        .send(timelineItem({ ...entry, actor: { id: auth.userId, name: auth.name, role: auth.role } }));
    },
  );
};
