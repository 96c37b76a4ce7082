import {
  adminCatalogListSchema,
  catalogAdminParamsSchema,
  rollbackBodySchema,
  rollbackResponseSchema,
} from '../../../contract/catalog-admin.schema.ts';
import { errorReplies } from '../../../contract/errors.schema.ts';
import { liveVersionOf } from '../../catalogs/live-version.ts';
import { HttpError, notFound } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import {
  countUsesByVersion,
  findCatalogVersion,
  listCatalogVersionMeta,
  withdrawCatalogVersion,
} from '../../store/catalog-versions.repository.ts';
import { insertDraft, listDrafts } from '../../store/catalog-drafts.repository.ts';
import { newId } from '../../store/ids.ts';
import { callerOf } from '../signed-in.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { draftOr404 } from './draft-conflict.ts';
import { adminErrors } from './drafts.routes.ts';
import { adminCatalogs, draftSummary } from './present.ts';

const config = { access: access.catalog };

const liveChanged = (catalogId: string, asked: string, live: string | undefined) =>
  new HttpError(
    409,
    'live_version_changed',
    `${catalogId}@${asked} is not the live version${live ? `; ${live} is` : ''}. Nothing was changed.`,
    undefined,
    { liveVersion: live ?? null },
  );

/** The editor's overview, and rollback (issue 18 §4). */
export const adminCatalogRoutes: ZodRoutes = async (app, { db, catalogs, now, notifier }) => {
  // Read from the database, not the live snapshot: the editor must see another instance's publish at once.
  app.get(
    '/catalog-admin/catalogs',
    { config, schema: { response: { 200: adminCatalogListSchema, ...adminErrors } } },
    async () => {
      const [versions, drafts, uses] = await Promise.all([
        listCatalogVersionMeta(db),
        listDrafts(db),
        countUsesByVersion(db),
      ]);
      return adminCatalogs(versions, drafts, uses, now(), (id) => catalogs.get(id)?.catalog.name);
    },
  );

  // The live version is withdrawn (never live again, builds made on it still open on it), the previous one is live
  // again by the same rule that chose it, and the withdrawn content comes back as a draft to be fixed.
  app.post(
    '/catalog-admin/catalogs/:catalogId/rollback',
    {
      config,
      schema: {
        params: catalogAdminParamsSchema,
        body: rollbackBodySchema,
        response: { 200: rollbackResponseSchema, ...errorReplies(409), ...adminErrors },
      },
    },
    async (request) => {
      const { catalogId } = request.params;
      const { version } = request.body;
      const clock = now();
      const at = clock.toISOString();
      const draftId = newId();
      const next = await db.transaction().execute(async (trx) => {
        const versions = (await listCatalogVersionMeta(trx)).filter((v) => v.catalogId === catalogId);
        if (versions.length === 0) throw notFound('catalog_not_found', `No catalog "${catalogId}".`);
        const live = liveVersionOf(versions, clock);
        if (live?.version !== version) throw liveChanged(catalogId, version, live?.version);
        const after = liveVersionOf(
          versions.filter((v) => v.version !== version),
          clock,
        );
        if (!after)
          throw new HttpError(
            409,
            'no_previous_version',
            `${catalogId}@${version} is the only version: there is nothing to roll back to.`,
          );
        if (!(await withdrawCatalogVersion(trx, catalogId, version, at)))
          throw liveChanged(catalogId, version, undefined);
        const row = await findCatalogVersion(trx, catalogId, version);
        await insertDraft(trx, {
          id: draftId,
          catalogId,
          title: `Rollback of ${version}`,
          baseVersion: version,
          document: JSON.parse(row?.json ?? '{}') as Record<string, unknown>,
          at,
          byUserId: callerOf(request).userId,
        });
        return after.version;
      });
      await catalogs.refresh();
      await notifier.publish({ kind: 'catalog.changed', catalogId });
      return { live: next, draft: draftSummary(await draftOr404(db, draftId)) };
    },
  );
};
