import { z } from 'zod';
import {
  catalogAdminParamsSchema,
  createDraftBodySchema,
  draftConflictResponseSchema,
  draftParamsSchema,
  draftSchema,
  saveDraftBodySchema,
  saveDraftResponseSchema,
} from '../../../contract/catalog-admin.schema.ts';
import { errorReplies } from '../../../contract/errors.schema.ts';
import { notFound } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { findCatalogVersion } from '../../store/catalog-versions.repository.ts';
import { deleteDraft, insertDraft, saveDraft } from '../../store/catalog-drafts.repository.ts';
import { newId } from '../../store/ids.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { callerOf } from '../signed-in.ts';
import { draftConflict, draftOr404 } from './draft-conflict.ts';
import { checkDraftDocument } from './draft-document.ts';
import { draftReply, draftSummary } from './present.ts';

export const adminErrors = errorReplies(400, 401, 403, 404);
const config = { access: access.catalog };

/** Drafts on the server (issue 18 §7): created from a version or an imported file, saved with a revision check. */
export const draftRoutes: ZodRoutes = async (app, { db, catalogs, now }) => {
  app.post(
    '/catalog-admin/catalogs/:catalogId/drafts',
    {
      config,
      schema: {
        params: catalogAdminParamsSchema,
        body: createDraftBodySchema,
        response: { 201: draftSchema, ...adminErrors },
      },
    },
    async (request, reply) => {
      const { catalogId } = request.params;
      const { title, from } = request.body;
      let start: { document: Record<string, unknown>; baseVersion: string | null };
      if (from && 'document' in from) start = { document: from.document, baseVersion: null };
      else {
        const version = from?.version ?? catalogs.get(catalogId)?.catalog.version;
        const row = version === undefined ? undefined : await findCatalogVersion(db, catalogId, version);
        if (!row)
          throw notFound(
            'catalog_version_not_found',
            `No catalog "${catalogId}"${version ? ` at version ${version}` : ''} to start a draft from.`,
          );
        start = { document: JSON.parse(row.json) as Record<string, unknown>, baseVersion: row.version };
      }
      const id = newId();
      await db.transaction().execute((trx) =>
        insertDraft(trx, {
          id,
          catalogId,
          title,
          ...start,
          at: now().toISOString(),
          byUserId: callerOf(request).userId,
        }),
      );
      return reply.code(201).send(draftReply(await draftOr404(db, id)));
    },
  );

  app.get(
    '/catalog-admin/drafts/:draftId',
    { config, schema: { params: draftParamsSchema, response: { 200: draftSchema, ...adminErrors } } },
    async (request) => draftReply(await draftOr404(db, request.params.draftId)),
  );

  app.put(
    '/catalog-admin/drafts/:draftId',
    {
      config,
      schema: {
        params: draftParamsSchema,
        body: saveDraftBodySchema,
        response: { 200: saveDraftResponseSchema, 409: draftConflictResponseSchema, ...adminErrors },
      },
    },
    async (request, reply) => {
      const { draftId } = request.params;
      const { baseRevision, title, document } = request.body;
      const draft = await draftOr404(db, draftId);
      const saved = await saveDraft(db, {
        id: draftId,
        baseRevision,
        ...(title !== undefined ? { title } : {}),
        document,
        at: now().toISOString(),
        byUserId: callerOf(request).userId,
      });
      if (saved === undefined) return reply.code(409).send(await draftConflict(db, draftId, baseRevision));
      const stored = await draftOr404(db, draftId);
      return { ...draftSummary(stored), issues: checkDraftDocument(document, draft.catalogId).issues };
    },
  );

  app.delete(
    '/catalog-admin/drafts/:draftId',
    { config, schema: { params: draftParamsSchema, response: { 204: z.null(), ...adminErrors } } },
    async (request, reply) => {
      if (!(await deleteDraft(db, request.params.draftId)))
        throw notFound('draft_not_found', `No draft "${request.params.draftId}".`);
      return reply.code(204).send(null);
    },
  );
};
