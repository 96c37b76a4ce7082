import { sql } from 'kysely';
import { healthResponseSchema } from '../../../contract/health.schema.ts';
import { access } from '../../plugins/access.ts';
import type { ZodRoutes } from '../route-deps.ts';

/** Liveness plus a round trip to the store, so a broken database shows here and not on the first save. */
export const healthRoutes: ZodRoutes = async (app, { db, dialect, catalogs }) => {
  app.get(
    '/health',
    { config: { access: access.anyone }, schema: { response: { 200: healthResponseSchema } } },
    async () => {
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, database: dialect, catalogs: catalogs.list().length };
    },
  );
};
