import {
  catalogAdminParamsSchema,
  catalogDiffSchema,
  diffQuerySchema,
  popularityResponseSchema,
  type CatalogDiff,
} from '../../../contract/catalog-admin.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import { catalogDiff } from '../../catalogs/catalog-diff.ts';
import { optionPopularity } from '../../catalogs/popularity.ts';
import { resolveCatalogRef } from '../../catalogs/resolve-catalog-ref.ts';
import { notFound } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = { 400: errorResponseSchema, 404: errorResponseSchema };

/** What the catalog editor reads about versions: their diff (issue 18 §4) and each option's popularity (§9). */
export const catalogInsightRoutes: ZodRoutes = async (app, deps) => {
  const { db, catalogs } = deps;
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
};
