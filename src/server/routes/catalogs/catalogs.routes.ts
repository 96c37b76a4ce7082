import { z } from 'zod';
import {
  catalogListResponseSchema,
  catalogParamsSchema,
  catalogResponseSchema,
  catalogVersionParamsSchema,
  compiledCatalogResponseSchema,
  type CatalogSummary,
} from '../../../contract/catalogs.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import { salesResponseSchema } from '../../../contract/sales.schema.ts';
import { translationLanguages, type Catalog } from '../../../core/catalog/index.ts';
import type { CatalogEntry, CatalogRegistry } from '../../catalogs/registry.ts';
import { catalogBodies } from '../../catalogs/catalog-bodies.ts';
import { notFound } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { salesCache, SALES_TTL_MS } from '../../catalogs/sales.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { sendCompiled } from './send-compiled.ts';
import { sendEncoded } from './send-encoded.ts';

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

/** @throws HttpError 404 `catalog_not_found`, naming the catalogs there are. */
function entryOf(catalogs: CatalogRegistry, id: string): CatalogEntry {
  const entry = catalogs.get(id);
  if (entry) return entry;
  const known = catalogs.list().map((e) => e.catalog.id);
  throw notFound(
    'catalog_not_found',
    `No catalog "${id}". Known catalogs: ${known.length ? known.join(', ') : '(none)'}.`,
  );
}

export const catalogRoutes: ZodRoutes = async (
  app,
  { catalogs, versions, compiled, db, now, salesMinBuyers },
) => {
  const sales = salesCache(db, now, salesMinBuyers);
  const bodies = catalogBodies();
  const config = { access: access.anyone };
  app.get('/catalogs', { config, schema: { response: { 200: catalogListResponseSchema } } }, async () =>
    catalogs.list().map((entry) => summary(entry.catalog)),
  );

  // Every configurator page starts here: sent as serialized and compressed once per version (catalog-bodies.ts),
  // revalidated on every use (a 304 when unchanged), so a publish or rollback is seen on the next read.
  app.get(
    '/catalogs/:id',
    {
      config,
      schema: {
        params: catalogParamsSchema,
        response: { 200: catalogResponseSchema, 304: z.null(), 404: errorResponseSchema },
      },
    },
    async (request, reply) =>
      sendEncoded(
        request,
        reply,
        await bodies.get(entryOf(catalogs, request.params.id)),
        'application/json; charset=utf-8',
      ),
  );

  // A recorded version, live or not: a saved build opens on the version it was made on (then offers to move).
  app.get(
    '/catalogs/:id/versions/:version',
    {
      config,
      schema: {
        params: catalogVersionParamsSchema,
        response: { 200: catalogResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => (await versions.get(request.params.id, request.params.version)).catalog,
  );

  // The catalog's compiled diagram (core/configurator/compiled-binary.ts), compiled once per version, so browsers
  // read it instead of compiling. Sent gzipped as stored; revalidated on every use (the ETag makes that a 304), so a
  // new version is never read from a stale cache.
  app.get(
    '/catalogs/:id/compiled',
    {
      config,
      schema: {
        params: catalogParamsSchema,
        response: { 200: compiledCatalogResponseSchema, 304: z.null(), 404: errorResponseSchema },
      },
    },
    async (request, reply) =>
      sendCompiled(request, reply, await compiled.get(entryOf(catalogs, request.params.id))),
  );

  // Public: configurations and counts only, nothing about who bought them or when. Computed at most once per
  // catalog version every few minutes (salesCache), and cached by browsers as long.
  app.get(
    '/catalogs/:id/sales',
    {
      config,
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
