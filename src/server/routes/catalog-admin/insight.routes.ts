import {
  catalogAdminParamsSchema,
  catalogDiffSchema,
  diffQuerySchema,
  draftParamsSchema,
  impactReportSchema,
  popularityResponseSchema,
} from '../../../contract/catalog-admin.schema.ts';
import { errorReplies } from '../../../contract/errors.schema.ts';
import { catalogDiffs } from '../../catalogs/diffs-in-thread.ts';
import { assessInThread, impactReport } from '../../catalogs/impact-report.ts';
import { keptRuns } from '../../catalogs/kept-runs.ts';
import { optionPopularity } from '../../catalogs/popularity.ts';
import { notFound } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { draftOr404 } from './draft-conflict.ts';
import { draftCatalog } from './draft-document.ts';
import { resolveCatalogRef } from './resolve-catalog-ref.ts';

const errors = errorReplies(400, 401, 403, 404, 422);

/** What the catalog editor reads about versions: their diff (issue 18 §4) and each option's popularity (§9). */
export const catalogInsightRoutes: ZodRoutes = async (app, deps) => {
  const { db, catalogs, versions, now } = deps;
  // The engine's work runs in worker threads (seconds on the PC catalog), stopped when the app closes; the last few
  // results are kept by content, so asking again before anything changed costs nothing.
  const diffs = catalogDiffs();
  const impacts = keptRuns(assessInThread, 8);
  app.addHook('onClose', () => {
    diffs.close();
    impacts.close();
  });

  app.get(
    '/catalog-admin/catalogs/:catalogId/diff',
    {
      config: { access: access.catalog },
      schema: {
        params: catalogAdminParamsSchema,
        querystring: diffQuerySchema,
        response: { 200: catalogDiffSchema, ...errors },
      },
    },
    async (request) => {
      const { catalogId } = request.params;
      const { from, to } = request.query;
      const before = await resolveCatalogRef(deps, catalogId, from);
      const after = await resolveCatalogRef(deps, catalogId, to);
      return diffs.get({ from, before: before.catalog, to, after: after.catalog });
    },
  );

  app.get(
    '/catalog-admin/catalogs/:catalogId/popularity',
    {
      config: { access: access.catalog },
      schema: { params: catalogAdminParamsSchema, response: { 200: popularityResponseSchema, ...errors } },
    },
    async (request) => {
      const entry = catalogs.get(request.params.catalogId);
      if (!entry) throw notFound('catalog_not_found', `No catalog "${request.params.catalogId}".`);
      return optionPopularity(db, entry.catalog);
    },
  );

  app.get(
    '/catalog-admin/drafts/:draftId/impact',
    {
      config: { access: access.catalog },
      schema: { params: draftParamsSchema, response: { 200: impactReportSchema, ...errors } },
    },
    async (request) => {
      const draft = await draftOr404(db, request.params.draftId);
      const report = await impactReport(db, versions, draft.catalogId, draftCatalog(draft), now(), (input) =>
        impacts.get(input),
      );
      return { draftId: draft.id, revision: draft.revision, ...report };
    },
  );
};
