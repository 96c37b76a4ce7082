import {
  catalogListResponseSchema,
  catalogParamsSchema,
  catalogResponseSchema,
  type CatalogSummary,
} from '../../../contract/catalogs.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import { salesResponseSchema } from '../../../contract/sales.schema.ts';
import { translationLanguages, type Catalog } from '../../../core/catalog/index.ts';
import { notFound } from '../../errors.ts';
import { salesCache, SALES_TTL_MS } from '../../catalogs/sales.ts';
import type { ZodRoutes } from '../route-deps.ts';

function summary(catalog: Catalog): CatalogSummary {
  const translations = Object.fromEntries(
    translationLanguages.flatMap((language) => {
      const texts = catalog.translations?.[language]?.catalog;
      return texts ? [[language, { catalog: texts }]] : [];
    }),
  );
  return {
    id: catalog.id,
    name: catalog.name,
    description: catalog.description,
    version: catalog.version,
    currency: catalog.currency,
    slotCount: catalog.slots.length,
    optionCount: catalog.slots.reduce((n, slot) => n + slot.options.length, 0),
    ...(Object.keys(translations).length > 0 && { translations }),
  };
}

export const catalogRoutes: ZodRoutes = async (app, { catalogs, versions, db, now }) => {
  const sales = salesCache(db, now);
  app.get('/catalogs', { schema: { response: { 200: catalogListResponseSchema } } }, async () =>
    catalogs.list().map((entry) => summary(entry.catalog)),
  );

  app.get(
    '/catalogs/:id',
    {
      schema: {
        params: catalogParamsSchema,
        response: { 200: catalogResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const entry = catalogs.get(request.params.id);
      if (!entry) {
        const known = catalogs.list().map((e) => e.catalog.id);
        throw notFound(
          'catalog_not_found',
          `No catalog "${request.params.id}". Known catalogs: ${known.length ? known.join(', ') : '(none)'}.`,
        );
      }
      return entry.catalog;
    },
  );

  // Public: configurations and counts only, nothing about who bought them or when. Computed at most once per
  // catalog version every few minutes (salesCache), and cached by browsers as long.
  app.get(
    '/catalogs/:id/sales',
    {
      schema: {
        params: catalogParamsSchema,
        response: { 200: salesResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const index = await versions.get(request.params.id);
      void reply.header('cache-control', `public, max-age=${SALES_TTL_MS / 1000}`);
      return sales(index);
    },
  );
};
