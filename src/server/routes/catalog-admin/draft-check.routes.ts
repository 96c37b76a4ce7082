import { z } from 'zod';
import { draftCheckResponseSchema, draftParamsSchema } from '../../../contract/catalog-admin.schema.ts';
import { catalogResponseSchema, compiledCatalogResponseSchema } from '../../../contract/catalogs.schema.ts';
import { errorReplies } from '../../../contract/errors.schema.ts';
import type { Catalog } from '../../../core/catalog/index.ts';
import type { CheckResult, DraftChecks } from '../../catalogs/draft-checks.ts';
import { catalogEntry } from '../../catalogs/registry.ts';
import { unprocessable } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { sendCompiled } from '../catalogs/send-compiled.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { draftOr404 } from './draft-conflict.ts';
import { checkDraftDocument, draftCatalog } from './draft-document.ts';
import { adminErrors } from './drafts.routes.ts';

const config = { access: access.catalog };
const errors = { ...adminErrors, ...errorReplies(422) };

/** Runs the checks (in a worker thread); @throws 422 `draft_not_checkable` when the engine cannot take it. */
export async function checkedDraft(checks: DraftChecks, catalog: Catalog): Promise<CheckResult> {
  try {
    return await checks.check(catalog);
  } catch (error) {
    throw unprocessable('draft_not_checkable', `The draft cannot be checked: ${(error as Error).message}`);
  }
}

/**
 * The editor's checks on the stored draft (issue 18 §2): schema and reference issues by JSON path, then the anomaly
 * findings and the exact build count, computed in a worker thread (a second or more on the PC catalog) so requests
 * keep being answered; and the draft as the configurator's preview reads it.
 */
export const draftCheckRoutes =
  (checks: DraftChecks): ZodRoutes =>
  async (app, { db, compiled }) => {
    app.post(
      '/catalog-admin/drafts/:draftId/check',
      {
        config,
        schema: { params: draftParamsSchema, response: { 200: draftCheckResponseSchema, ...errors } },
      },
      async (request) => {
        const draft = await draftOr404(db, request.params.draftId);
        const { catalog, issues } = checkDraftDocument(draft.document, draft.catalogId);
        if (!catalog) return { revision: draft.revision, issues, findings: [], buildCount: null, form: null };
        const { findings, buildCount, form } = await checkedDraft(checks, catalog);
        return { revision: draft.revision, issues, findings, buildCount, form };
      },
    );

    app.get(
      '/catalog-admin/drafts/:draftId/catalog',
      { config, schema: { params: draftParamsSchema, response: { 200: catalogResponseSchema, ...errors } } },
      async (request) => draftCatalog(await draftOr404(db, request.params.draftId)),
    );

    app.get(
      '/catalog-admin/drafts/:draftId/compiled',
      {
        config,
        schema: {
          params: draftParamsSchema,
          response: { 200: compiledCatalogResponseSchema, 304: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const draft = await draftOr404(db, request.params.draftId);
        const form = await compiled.get(catalogEntry(draftCatalog(draft), `draft ${draft.id}`));
        return sendCompiled(request, reply, form);
      },
    );
  };
