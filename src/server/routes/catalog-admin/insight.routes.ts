import {
  catalogAdminParamsSchema,
  catalogDiffSchema,
  diffQuerySchema,
  draftParamsSchema,
  impactReportSchema,
  popularityResponseSchema,
  type CatalogDiff,
} from '../../../contract/catalog-admin.schema.ts';
import { errorReplies } from '../../../contract/errors.schema.ts';
import { catalogDiff } from '../../catalogs/catalog-diff.ts';
import { impactReport } from '../../catalogs/impact-report.ts';
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
  // Diffs of published versions never change; keep the last few (a diff compiles both catalogs: seconds).
  const diffs = new Map<string, CatalogDiff>();

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
      const key = JSON.stringify([catalogId, from, to]);
      const kept = diffs.get(key);
      if (kept) return kept;
      const [before, after] = [
        await resolveCatalogRef(deps, catalogId, from),
        await resolveCatalogRef(deps, catalogId, to),
      ];
      const diff = catalogDiff(from, before.catalog, to, after.catalog);
      if (before.immutable && after.immutable) {
        if (diffs.size >= 20) diffs.delete(diffs.keys().next().value as string);
        diffs.set(key, diff);
      }
      return diff;
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
      const report = await impactReport(db, versions, draft.catalogId, draftCatalog(draft), now());
      return { draftId: draft.id, revision: draft.revision, ...report };
    },
  );
};
