import {
  catalogVersionSummarySchema,
  draftConflictResponseSchema,
  draftParamsSchema,
  findingKey,
  publishBodySchema,
  publishRefusedResponseSchema,
} from '../../../contract/catalog-admin.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import type { DraftChecks } from '../../catalogs/draft-checks.ts';
import { catalogEntry } from '../../catalogs/registry.ts';
import { HttpError } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import {
  insertCatalogVersion,
  listCatalogVersionMeta,
  versionNamesLike,
} from '../../store/catalog-versions.repository.ts';
import { deleteDraft } from '../../store/catalog-drafts.repository.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import { callerOf } from '../signed-in.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { checkedDraft } from './draft-check.routes.ts';
import { draftCatalog } from './draft-document.ts';
import { draftConflict, draftOr404 } from './draft-conflict.ts';
import { adminErrors } from './drafts.routes.ts';
import { versionSummaries } from './present.ts';
import { nextVersionName, versionPrefix } from './version-name.ts';

/** The draft moved on (or went) between the checks and the write; thrown inside the transaction to undo it. */
class DraftMoved extends Error {}

/**
 * Publishing a draft (issue 18 §4): only the revision the caller checked, only without error findings and with every
 * warning acknowledged; the server names the version and records it, live now or at `effectiveAt` (a future date
 * schedules it; several may be scheduled, the latest effective one is live), and the draft is gone.
 */
export const publishRoutes =
  (checks: DraftChecks): ZodRoutes =>
  async (app, { db, catalogs, now, notifier }) => {
    app.post(
      '/catalog-admin/drafts/:draftId/publish',
      {
        config: { access: access.catalog },
        schema: {
          params: draftParamsSchema,
          body: publishBodySchema,
          response: {
            201: catalogVersionSummarySchema,
            409: draftConflictResponseSchema.or(errorResponseSchema),
            422: publishRefusedResponseSchema,
            ...adminErrors,
          },
        },
      },
      async (request, reply) => {
        const { draftId } = request.params;
        const { revision, note, acknowledged } = request.body;
        const draft = await draftOr404(db, draftId);
        if (draft.revision !== revision)
          return reply.code(409).send(await draftConflict(db, draftId, revision));
        let catalog;
        try {
          catalog = draftCatalog(draft);
        } catch (error) {
          if (!(error instanceof HttpError)) throw error;
          const body = {
            error: { code: 'draft_has_errors', message: error.message, issues: error.issues ?? [] },
          };
          return reply.code(422).send({ ...body, findings: [] });
        }
        const { findings } = await checkedDraft(checks, catalog);
        const errors = findings.filter((f) => f.severity === 'error');
        if (errors.length > 0)
          return reply.code(422).send({
            error: {
              code: 'draft_has_errors',
              message: `The draft has ${errors.length} error(s), first: ${errors[0]?.message}. Fix them to publish.`,
              details: { errors: errors.length },
            },
            findings: errors,
          });
        const seen = new Set(acknowledged);
        const unread = findings.filter((f) => f.severity === 'warning' && !seen.has(findingKey(f)));
        if (unread.length > 0)
          throw new HttpError(
            409,
            'unacknowledged_warnings',
            `${unread.length} warning(s) not acknowledged, first: ${unread[0]?.message}`,
            unread.map((f) => ({ path: findingKey(f), message: f.message })),
            { warnings: unread.length },
          );

        const clock = now();
        const asked = request.body.effectiveAt ? new Date(request.body.effectiveAt) : clock;
        // A date already past means now: history is not rewritten.
        const effective = asked.getTime() > clock.getTime() ? asked : clock;
        const userId = callerOf(request).userId;
        let version: string | undefined;
        for (let attempt = 0; version === undefined; attempt++) {
          try {
            version = await db.transaction().execute(async (trx) => {
              if (!(await deleteDraft(trx, draftId, revision))) throw new DraftMoved();
              const name = nextVersionName(
                effective,
                await versionNamesLike(trx, draft.catalogId, versionPrefix(effective)),
              );
              const entry = catalogEntry({ ...catalog, version: name }, `${draft.catalogId}@${name}`);
              await insertCatalogVersion(trx, {
                catalogId: draft.catalogId,
                version: name,
                contentHash: entry.hash,
                json: entry.json,
                at: clock.toISOString(),
                effectiveAt: effective.toISOString(),
                note,
                publishedByUserId: userId,
              });
              return name;
            });
          } catch (error) {
            if (error instanceof DraftMoved)
              return reply.code(409).send(await draftConflict(db, draftId, revision));
            // Another draft of this catalog took the name at the same moment: take the next one.
            if (!isUniqueViolation(error) || attempt >= 3) throw error;
          }
        }
        await catalogs.refresh();
        await notifier.publish({ kind: 'catalog.changed', catalogId: draft.catalogId });
        const versions = (await listCatalogVersionMeta(db)).filter((v) => v.catalogId === draft.catalogId);
        // Nothing names a version just published: its build count is 0.
        const summary = versionSummaries(versions, now(), new Map()).find((v) => v.version === version);
        if (!summary) throw new Error(`${draft.catalogId}@${version} was published but is not recorded`);
        return reply.code(201).send(summary);
      },
    );
  };
