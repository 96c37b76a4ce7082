import { errorReplies } from '../../../contract/errors.schema.ts';
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
import { optionWeightsOf, similarBuildsOf } from '../../customers/personal.ts';
import { access } from '../../plugins/access.ts';
import { customerIdOf } from '../../plugins/auth.ts';
import { loadProfile, updateProfile } from '../../store/preferences.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404);

/** The customer's learned preferences: view, correct, reset, switch off; and what they are used for. */
export const preferenceRoutes: ZodRoutes = async (app, { db, dialect, versions, now }) => {
  const config = { access: access.customer };
  const explained = { 200: preferencesResponseSchema, ...errors };

  app.get('/me/preferences', { config, schema: { response: explained } }, async (request) =>
    explainProfile(await loadProfile(db, customerIdOf(request)), now().toISOString()),
  );

  app.put(
    '/me/preferences/overrides',
    { config, schema: { body: overrideBodySchema, response: explained } },
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

  app.post('/me/preferences/reset', { config, schema: { response: explained } }, async (request) => {
    const profile = await db
      .transaction()
      .execute((trx) => updateProfile(trx, dialect, customerIdOf(request), resetProfile));
    return explainProfile(profile, now().toISOString());
  });

  app.put(
    '/me/preferences/personalization',
    { config, schema: { body: personalizationBodySchema, response: explained } },
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
      config,
      schema: {
        params: optionWeightsParamsSchema,
        response: { 200: optionWeightsResponseSchema, ...errors },
      },
    },
    async (request) => optionWeightsOf(db, versions, customerIdOf(request), request.params.catalogId, now()),
  );

  app.get(
    '/me/similar-builds',
    {
      config,
      schema: {
        querystring: similarBuildsQuerySchema,
        response: { 200: similarBuildsResponseSchema, ...errors },
      },
    },
    async (request) => similarBuildsOf(db, customerIdOf(request), request.query.catalogId),
  );
};
