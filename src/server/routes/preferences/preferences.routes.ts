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
import { MAX_OVERRIDES, preferenceKeyProblem } from '../../../core/profile/preference-keys.ts';
import type { CatalogVersions } from '../../catalogs/versions.ts';
import { optionWeightsOf, similarBuildsOf } from '../../customers/personal.ts';
import { HttpError } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { customerIdOf } from '../../plugins/auth.ts';
import { loadProfile, updateProfile } from '../../store/preferences.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404);

/**
 * A correction must name something in the live version of its catalog (issue 19 §4): made-up keys would only grow
 * the stored profile. @throws 400 unknown_preference_key naming body.key and what is unknown.
 */
async function assertKnownKey(versions: CatalogVersions, key: string): Promise<void> {
  const catalogId = key.split('/')[0] ?? '';
  const unknown = (message: string) =>
    new HttpError(400, 'unknown_preference_key', `Unknown preference "${key}": ${message}.`, [
      { path: 'body.key', message },
    ]);
  const index = await versions.get(catalogId).catch((error: unknown) => {
    if (error instanceof HttpError && error.statusCode === 404) throw unknown(`no catalog "${catalogId}"`);
    throw error;
  });
  const problem = preferenceKeyProblem(index, key);
  if (problem) throw unknown(problem);
}

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
      const customerId = customerIdOf(request);
      // Removing needs no check (it never grows the profile, and clears a key a catalog has since dropped).
      if (value !== null) await assertKnownKey(versions, key);
      const profile = await db.transaction().execute((trx) =>
        updateProfile(trx, dialect, customerId, (p) => {
          if (value === null) return clearOverride(p, key);
          if (!(key in p.overrides) && Object.keys(p.overrides).length >= MAX_OVERRIDES)
            throw new HttpError(
              400,
              'too_many_overrides',
              `A profile keeps at most ${MAX_OVERRIDES} corrections; remove one first.`,
              [{ path: 'body.key', message: `at most ${MAX_OVERRIDES} corrections` }],
            );
          return setOverride(p, key, value);
        }),
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
