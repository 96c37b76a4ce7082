import { errorReplies } from '../../../contract/errors.schema.ts';
import {
  postInteractionsBodySchema,
  postInteractionsResponseSchema,
} from '../../../contract/interactions.schema.ts';
import { checkoutBodySchema, checkoutResponseSchema } from '../../../contract/orders.schema.ts';
import {
  optionWeightsResponseSchema,
  similarBuildsResponseSchema,
} from '../../../contract/preferences.schema.ts';
import { postRecommendationEventsBodySchema } from '../../../contract/recommendations.schema.ts';
import { saveBuildBodySchema, savedBuildSchema } from '../../../contract/saved-builds.schema.ts';
import {
  storeCustomerBuildParamsSchema,
  storeCustomerCatalogParamsSchema,
  storeCustomerParamsSchema,
} from '../../../contract/store-customer-builds.schema.ts';
import { structuralProblems } from '../../../core/catalog/build.ts';
import { priceBuild } from '../../../core/pricing/price.ts';
import { choicesOf, configEventIssues, eventPayload } from '../../customers/events.ts';
import { learnFromChoices } from '../../customers/learning.ts';
import { optionWeightsOf, similarBuildsOf } from '../../customers/personal.ts';
import { checkoutResponse, savedBuild } from '../../customers/present.ts';
import { notFound, unprocessable } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { findOwnBuild, insertBuild } from '../../store/builds.repository.ts';
import { appendInteraction, appendInteractions } from '../../store/interactions.repository.ts';
import { insertRecommendationEvents } from '../../store/recommendation-events.repository.ts';
import { check, placeOrder } from '../checkout/checkout.routes.ts';
import { callerOf } from '../signed-in.ts';
import { customerOr404 } from '../../customers/customer-or-404.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404, 409, 422);

/**
 * The sales console acting for a customer in the store: open and save their builds, order for them, log the
 * session's steps, and personalise on THEIR preferences and history (never the staff member's). Everything is the
 * customer's, logged with channel `store` and the staff member as actor; the build is re-validated and re-priced
 * like every save and order.
 */
export const storeCustomerBuildRoutes: ZodRoutes = async (app, deps) => {
  const { db, dialect, versions, now } = deps;
  app.get(
    '/store/customers/:customerId/builds/:buildId',
    {
      config: { access: access.staff },
      schema: { params: storeCustomerBuildParamsSchema, response: { 200: savedBuildSchema, ...errors } },
    },
    async (request) => {
      const { customerId, buildId } = request.params;
      await customerOr404(db, customerId);
      const build = await findOwnBuild(db, { customerId }, buildId);
      // Another customer's build answers like a missing one: a build is opened for the customer it belongs to.
      if (!build) throw notFound('build_not_found', `No saved build "${buildId}" of this customer.`);
      const index = await versions.get(build.catalog_id, build.catalog_version).catch(() => undefined);
      await appendInteraction(db, {
        customer_id: customerId,
        channel: 'store',
        actor_user_id: callerOf(request).userId,
        kind: 'store.build_opened',
        catalog_id: build.catalog_id,
        catalog_version: build.catalog_version,
        payload: { buildId: build.id, name: build.name },
        created_at: now().toISOString(),
      });
      return savedBuild(build, index);
    },
  );

  app.post(
    '/store/customers/:customerId/builds',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerParamsSchema,
        body: saveBuildBodySchema,
        response: { 201: savedBuildSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { customerId } = request.params;
      await customerOr404(db, customerId);
      const body = request.body;
      const index = await versions.get(body.catalogId, body.catalogVersion);
      const problems = structuralProblems(index, body.selections, false);
      if (problems.length > 0)
        throw unprocessable(
          'invalid_build',
          `The build does not fit ${index.catalog.id}@${index.catalog.version}: ${problems.map((p) => p.message).join('; ')}`,
          problems.map((p) => ({
            path: `body.selections.${p.slot}${p.option ? `.${p.option}` : ''}`,
            message: p.message,
          })),
        );
      const staff = callerOf(request).userId;
      const at = now().toISOString();
      const saved = await db.transaction().execute(async (trx) => {
        const build = await insertBuild(trx, {
          customer_id: customerId,
          guest_id: null,
          catalog_id: index.catalog.id,
          catalog_version: index.catalog.version,
          name: body.name,
          selections: body.selections,
          price_cents: priceBuild(index, body.selections).totalCents,
          created_at: at,
          updated_at: at,
        });
        await appendInteraction(trx, {
          customer_id: customerId,
          channel: 'store',
          actor_user_id: staff,
          kind: 'build.saved',
          catalog_id: index.catalog.id,
          catalog_version: index.catalog.version,
          payload: { buildId: build.id, name: build.name, priceCents: build.price_cents },
          created_at: at,
        });
        return build;
      });
      return reply.code(201).send(savedBuild(saved, index));
    },
  );

  app.post(
    '/store/customers/:customerId/orders',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerParamsSchema,
        body: checkoutBodySchema,
        response: { 201: checkoutResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { customerId } = request.params;
      await customerOr404(db, customerId);
      const clock = now();
      const checked = await check(db, deps, customerId, request.body, clock);
      const order = await placeOrder(db, deps, checked, {
        at: clock.toISOString(),
        channel: 'store',
        actorUserId: callerOf(request).userId,
      });
      return reply.code(201).send(checkoutResponse(order));
    },
  );

  app.get(
    '/store/customers/:customerId/option-weights/:catalogId',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerCatalogParamsSchema,
        response: { 200: optionWeightsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { customerId, catalogId } = request.params;
      await customerOr404(db, customerId);
      return optionWeightsOf(db, versions, customerId, catalogId, now());
    },
  );

  app.get(
    '/store/customers/:customerId/similar-builds/:catalogId',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerCatalogParamsSchema,
        response: { 200: similarBuildsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { customerId, catalogId } = request.params;
      await customerOr404(db, customerId);
      return similarBuildsOf(db, customerId, catalogId);
    },
  );

  app.post(
    '/store/customers/:customerId/interactions',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerParamsSchema,
        body: postInteractionsBodySchema,
        response: { 201: postInteractionsResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { customerId } = request.params;
      await customerOr404(db, customerId);
      const { events } = request.body;
      const indexes = await Promise.all(events.map((e) => versions.get(e.catalogId, e.catalogVersion)));
      const issues = events.flatMap((e, i) => {
        const index = indexes[i];
        return index ? configEventIssues(index, e, `body.events[${i}]`) : [];
      });
      if (issues.length > 0)
        throw unprocessable(
          'unknown_option',
          `Not in the catalog version: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        );
      const staff = callerOf(request).userId;
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await appendInteractions(
          trx,
          events.map((e) => ({
            customer_id: customerId,
            channel: 'store' as const,
            actor_user_id: staff,
            kind: e.kind,
            catalog_id: e.catalogId,
            catalog_version: e.catalogVersion,
            payload: eventPayload(e),
            created_at: at,
          })),
        );
        // The choices are the customer's, made with them at the desk: they count for their preferences.
        const choices = events.flatMap((e) =>
          choicesOf(e.kind, e.catalogId, eventPayload(e), at).map((c) => ({
            ...c,
            catalogVersion: e.catalogVersion,
          })),
        );
        await learnFromChoices(trx, dialect, versions, customerId, choices);
      });
      return reply.code(201).send({ accepted: events.length });
    },
  );

  app.post(
    '/store/customers/:customerId/recommendation-events',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerParamsSchema,
        body: postRecommendationEventsBodySchema,
        response: { 201: postInteractionsResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { customerId } = request.params;
      await customerOr404(db, customerId);
      const { events } = request.body;
      const issues = [];
      for (const [i, e] of events.entries()) {
        const index = await versions.get(e.catalogId, e.catalogVersion);
        issues.push(...configEventIssues(index, { ...e, kind: 'config.unchose' }, `body.events[${i}]`));
      }
      if (issues.length > 0)
        throw unprocessable(
          'unknown_option',
          issues.map((i) => `${i.path}: ${i.message}`).join('; '),
          issues,
        );
      const at = now().toISOString();
      // The marks shown and taken are the customer's (their weights): counted for them, marked as shown in the store.
      await insertRecommendationEvents(
        db,
        events.map((e) => ({
          customer_id: customerId,
          guest_id: null,
          event: e.event,
          catalog_id: e.catalogId,
          catalog_version: e.catalogVersion,
          slot_id: e.slotId,
          option_id: e.optionId,
          source: e.source,
          channel: 'store',
          actor_user_id: request.auth?.userId ?? null,
          created_at: at,
        })),
      );
      return reply.code(201).send({ accepted: events.length });
    },
  );
};
