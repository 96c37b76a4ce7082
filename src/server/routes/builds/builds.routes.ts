import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorReplies } from '../../../contract/errors.schema.ts';
import {
  compareQuerySchema,
  compareResponseSchema,
  idParamsSchema,
  renameBuildBodySchema,
  saveBuildBodySchema,
  savedBuildListSchema,
  savedBuildSchema,
} from '../../../contract/saved-builds.schema.ts';
import { structuralProblems } from '../../../core/catalog/build.ts';
import { priceBuild } from '../../../core/pricing/price.ts';
import type { CatalogVersions } from '../../catalogs/versions.ts';
import { savedBuild } from '../../customers/present.ts';
import { notFound, unprocessable } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { webActorOf, type CookiePolicy } from '../../plugins/auth.ts';
import {
  deleteBuild,
  findOwnBuild,
  insertBuild,
  listBuildsOfCustomer,
  listBuildsOfGuest,
  renameBuild,
  type Build,
} from '../../store/builds.repository.ts';
import { appendGuestInteractions } from '../../store/guest-interactions.repository.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404, 422);
/** A guest's builds hang on their cookie, a customer's on their record: the handlers find the caller's own. */
const config = { access: access.guestOrCustomer };

/** The owner for reads: a signed-in customer, or this browser's guest id; nobody when neither exists yet. */
function ownerOf(request: FastifyRequest, reply: FastifyReply, cookies: CookiePolicy) {
  if (!request.auth && !request.guestId) return undefined;
  return webActorOf(request, reply, cookies);
}

async function present(versions: CatalogVersions, build: Build) {
  const index = await versions.get(build.catalog_id, build.catalog_version).catch(() => undefined);
  return savedBuild(build, index);
}

/** Saved builds of customers and guests: any number, named, renamed, deleted, compared. Own builds only. */
export const buildRoutes: ZodRoutes = async (app, { db, versions, cookies, now }) => {
  const find = async (request: FastifyRequest, reply: FastifyReply, id: string) => {
    const owner = ownerOf(request, reply, cookies);
    const build = owner ? await findOwnBuild(db, owner, id) : undefined;
    // Someone else's build and a missing one look the same.
    if (!build) throw notFound('build_not_found', `No saved build "${id}".`);
    return build;
  };

  app.post(
    '/builds',
    { config, schema: { body: saveBuildBodySchema, response: { 201: savedBuildSchema, ...errors } } },
    async (request, reply) => {
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
      const actor = webActorOf(request, reply, cookies);
      const at = now().toISOString();
      const build = await db.transaction().execute(async (trx) => {
        const saved = await insertBuild(trx, {
          customer_id: 'customerId' in actor ? actor.customerId : null,
          guest_id: 'guestId' in actor ? actor.guestId : null,
          catalog_id: index.catalog.id,
          catalog_version: index.catalog.version,
          name: body.name,
          selections: body.selections,
          price_cents: priceBuild(index, body.selections).totalCents,
          created_at: at,
          updated_at: at,
        });
        const entry = {
          kind: 'build.saved',
          payload: { buildId: saved.id, name: saved.name, priceCents: saved.price_cents },
        };
        if ('customerId' in actor)
          await appendInteraction(trx, {
            ...entry,
            customer_id: actor.customerId,
            channel: 'web',
            actor_user_id: actor.userId,
            catalog_id: index.catalog.id,
            catalog_version: index.catalog.version,
            created_at: at,
          });
        else
          await appendGuestInteractions(trx, [
            {
              ...entry,
              guestId: actor.guestId,
              catalogId: index.catalog.id,
              catalogVersion: index.catalog.version,
              createdAt: at,
            },
          ]);
        return saved;
      });
      return reply.code(201).send(savedBuild(build, index));
    },
  );

  app.get(
    '/builds',
    { config, schema: { response: { 200: savedBuildListSchema, ...errors } } },
    async (request, reply) => {
      const owner = ownerOf(request, reply, cookies);
      if (!owner) return [];
      const builds =
        'customerId' in owner
          ? await listBuildsOfCustomer(db, owner.customerId)
          : await listBuildsOfGuest(db, owner.guestId);
      return Promise.all(builds.map((b) => present(versions, b)));
    },
  );

  app.get(
    '/builds/compare',
    {
      config,
      schema: { querystring: compareQuerySchema, response: { 200: compareResponseSchema, ...errors } },
    },
    async (request, reply) => {
      const [a, b] = [
        await find(request, reply, request.query.a),
        await find(request, reply, request.query.b),
      ];
      const [ia, ib] = await Promise.all([
        versions.get(a.catalog_id, a.catalog_version),
        versions.get(b.catalog_id, b.catalog_version),
      ]);
      const slotIds = [
        ...new Set([...ia.catalog.slots.map((s) => s.id), ...ib.catalog.slots.map((s) => s.id)]),
      ];
      const chosen = (build: Build, index: typeof ia, slotId: string) =>
        Object.entries(build.selections[slotId] ?? {}).map(([optionId, quantity]) => ({
          optionId,
          name: index.option.get(optionId)?.option.name ?? optionId,
          quantity,
        }));
      const slots = slotIds.map((slotId) => {
        const left = chosen(a, ia, slotId);
        const right = chosen(b, ib, slotId);
        const key = (list: typeof left) =>
          JSON.stringify([...list].sort((x, y) => x.optionId.localeCompare(y.optionId)));
        return {
          slotId,
          name: ia.slot.get(slotId)?.name ?? ib.slot.get(slotId)?.name ?? slotId,
          a: left,
          b: right,
          same: key(left) === key(right),
        };
      });
      return {
        a: savedBuild(a, ia),
        b: savedBuild(b, ib),
        slots,
        differenceCents: b.price_cents - a.price_cents,
      };
    },
  );

  app.get(
    '/builds/:id',
    { config, schema: { params: idParamsSchema, response: { 200: savedBuildSchema, ...errors } } },
    async (request, reply) => present(versions, await find(request, reply, request.params.id)),
  );

  app.patch(
    '/builds/:id',
    {
      config,
      schema: {
        params: idParamsSchema,
        body: renameBuildBodySchema,
        response: { 200: savedBuildSchema, ...errors },
      },
    },
    async (request, reply) => {
      const build = await find(request, reply, request.params.id);
      const at = now().toISOString();
      await renameBuild(db, build.id, request.body.name, at);
      return present(versions, { ...build, name: request.body.name, updated_at: at });
    },
  );

  app.delete(
    '/builds/:id',
    { config, schema: { params: idParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const build = await find(request, reply, request.params.id);
      await deleteBuild(db, build.id);
      return reply.code(204).send(null);
    },
  );
};
