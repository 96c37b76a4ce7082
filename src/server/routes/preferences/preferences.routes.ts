import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import {
  optionWeightsParamsSchema,
  optionWeightsResponseSchema,
  overrideBodySchema,
  personalizationBodySchema,
  preferencesResponseSchema,
  similarBuildsQuerySchema,
  similarBuildsResponseSchema,
} from '../../../contract/preferences.schema.ts';
import { explainProfile } from '../../../core/profile/explain.ts';
import {
  clearOverride,
  resetProfile,
  setOverride,
  setPersonalization,
} from '../../../core/profile/preferences.ts';
import { mostSimilar } from '../../../core/profile/similarity.ts';
import { scoredOptions } from '../../../core/profile/weights.ts';
import { authorize, customerIdOf } from '../../plugins/auth.ts';
import { listBuildsOfCustomer } from '../../store/builds.repository.ts';
import { listOrdersOfCatalog } from '../../store/checkouts.repository.ts';
import { loadProfile, updateProfile } from '../../store/preferences.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const SIMILAR_BUILDS = 3;

/** The customer's learned preferences: view, correct, reset, switch off; and what they are used for. */
export const preferenceRoutes: ZodRoutes = async (app, { db, dialect, versions, now }) => {
  const customerOnly = authorize('customer');
  const explained = { 200: preferencesResponseSchema, ...errors };

  app.get('/me/preferences', { preHandler: customerOnly, schema: { response: explained } }, async (request) =>
    explainProfile(await loadProfile(db, customerIdOf(request)), now().toISOString()),
  );

  app.put(
    '/me/preferences/overrides',
    { preHandler: customerOnly, schema: { body: overrideBodySchema, response: explained } },
    async (request) => {
      const { key, value } = request.body;
      const profile = await db
        .transaction()
        .execute((trx) =>
          updateProfile(trx, dialect, customerIdOf(request), (p) =>
            value === null ? clearOverride(p, key) : setOverride(p, key, value),
          ),
        );
      return explainProfile(profile, now().toISOString());
    },
  );

  app.post(
    '/me/preferences/reset',
    { preHandler: customerOnly, schema: { response: explained } },
    async (request) => {
      const profile = await db
        .transaction()
        .execute((trx) => updateProfile(trx, dialect, customerIdOf(request), resetProfile));
      return explainProfile(profile, now().toISOString());
    },
  );

  app.put(
    '/me/preferences/personalization',
    { preHandler: customerOnly, schema: { body: personalizationBodySchema, response: explained } },
    async (request) => {
      const { enabled } = request.body;
      const profile = await db
        .transaction()
        .execute((trx) =>
          updateProfile(trx, dialect, customerIdOf(request), (p) => setPersonalization(p, enabled)),
        );
      return explainProfile(profile, now().toISOString());
    },
  );

  // For the engine's weighted completion and "recommended for you" marks, each with the preference behind it.
  app.get(
    '/me/option-weights/:catalogId',
    {
      preHandler: customerOnly,
      schema: {
        params: optionWeightsParamsSchema,
        response: { 200: optionWeightsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const index = await versions.get(request.params.catalogId);
      const profile = await loadProfile(db, customerIdOf(request));
      const scored = [...scoredOptions(profile, index, now().toISOString())];
      return {
        catalogId: index.catalog.id,
        catalogVersion: index.catalog.version,
        personalization: profile.personalization,
        weights: Object.fromEntries(scored.map(([option, s]) => [option, s.weight])),
        evidence: Object.fromEntries(scored.map(([option, s]) => [option, s.evidence])),
      };
    },
  );

  app.get(
    '/me/similar-builds',
    {
      preHandler: customerOnly,
      schema: {
        querystring: similarBuildsQuerySchema,
        response: { 200: similarBuildsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const customerId = customerIdOf(request);
      const { catalogId } = request.query;
      const profile = await loadProfile(db, customerId);
      if (!profile.personalization) return { builds: [] };
      const [mine, orders] = await Promise.all([
        listBuildsOfCustomer(db, customerId),
        listOrdersOfCatalog(db, catalogId),
      ]);
      const optionsOf = (selections: Record<string, Record<string, number>>) =>
        Object.values(selections).flatMap((options) => Object.keys(options));
      const myOptions = new Set([
        ...mine.filter((b) => b.catalog_id === catalogId).flatMap((b) => optionsOf(b.selections)),
        ...orders.filter((o) => o.customerId === customerId).flatMap((o) => optionsOf(o.selections)),
      ]);
      const best = mostSimilar(
        myOptions,
        orders.map((o) => ({ customerId: o.customerId, options: new Set(optionsOf(o.selections)), item: o })),
        customerId,
        SIMILAR_BUILDS,
      );
      // Other customers' orders, without who they are.
      return {
        builds: best.map(({ similarity, item }) => ({
          similarity,
          catalogId: item.catalogId,
          catalogVersion: item.catalogVersion,
          selections: item.selections,
          totalCents: item.totalCents,
          currency: item.currency,
          orderedAt: item.createdAt,
        })),
      };
    },
  );
};
