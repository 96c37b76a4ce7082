import { z } from 'zod';
import { findingSchema } from '../core/catalog-check/finding.ts';
import { catalogIdSchema } from './catalogs.schema.ts';
import { errorResponseSchema } from './errors.schema.ts';

/**
 * The catalog editor's API (`/api/catalog-admin/...`, role `catalog`): catalogs with their versions, drafts saved
 * on the server with optimistic concurrency, checks, diffs, impact, publishing and rollback (issue 18).
 */

const id = z.string().min(1).max(80);
const iso = z.iso.datetime({ offset: true });
/** Published versions are named by the server, `YYYY.M.N` like the file format's `version`. */
const versionName = z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.0');

export const catalogAdminParamsSchema = z.strictObject({ catalogId: catalogIdSchema });
export const draftParamsSchema = z.strictObject({ draftId: id });

/** Who did something, as colleagues read it. */
const actorSchema = z.object({ name: z.string() }).nullable();

/**
 * - live: the one new builds, sessions and orders use (exactly one per catalog at any time);
 * - scheduled: published with an effective date still to come;
 * - retired: was live, replaced by a later one (saved builds made on it still open on it);
 * - withdrawn: rolled back; its content went back to a draft, builds made on it still open on it.
 */
export const versionStatusSchema = z.enum(['live', 'scheduled', 'retired', 'withdrawn']);
export type VersionStatus = z.infer<typeof versionStatusSchema>;

export const catalogVersionSummarySchema = z.object({
  version: versionName,
  status: versionStatusSchema,
  publishedAt: iso,
  /** When it is (or was, or will be) live from. */
  effectiveAt: iso,
  note: z.string(),
  publishedBy: actorSchema,
  /** Builds, sessions, quotes and orders that name this version, so nobody retires it blindly. */
  buildCount: z.number().int().min(0),
});
export type CatalogVersionSummary = z.infer<typeof catalogVersionSummarySchema>;

export const draftSummarySchema = z.object({
  id,
  catalogId: catalogIdSchema,
  title: z.string(),
  /** The version it was started from (or rolled back from); null for a new catalog. */
  baseVersion: versionName.nullable(),
  /** Bumped by every save; a save names the revision it was based on. */
  revision: z.number().int().min(1),
  updatedAt: iso,
  updatedBy: actorSchema,
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const adminCatalogSchema = z.object({
  id: catalogIdSchema,
  name: z.string(),
  live: versionName.nullable(),
  /** Newest first. */
  versions: z.array(catalogVersionSummarySchema),
  drafts: z.array(draftSummarySchema),
});
export type AdminCatalog = z.infer<typeof adminCatalogSchema>;
export const adminCatalogListSchema = z.array(adminCatalogSchema);

/**
 * A draft's document is kept even when it does not validate yet (a rule naming a slot being renamed): saving never
 * loses work. `issues` are the schema and reference problems, by JSON path; publishing needs none.
 */
const draftDocumentSchema = z.record(z.string(), z.unknown());
export const draftSchema = draftSummarySchema.extend({
  document: draftDocumentSchema,
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type Draft = z.infer<typeof draftSchema>;

export const createDraftBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  /** Start from this version (default: the live one), or from an imported catalog file's content. */
  from: z
    .union([z.strictObject({ version: versionName }), z.strictObject({ document: draftDocumentSchema })])
    .optional(),
});

export const saveDraftBodySchema = z.strictObject({
  baseRevision: z.number().int().min(1),
  title: z.string().trim().min(1).max(120).optional(),
  document: draftDocumentSchema,
});
export const saveDraftResponseSchema = draftSummarySchema.extend({
  issues: draftSchema.shape.issues,
});

/**
 * 409 `draft_conflict`: someone saved since `baseRevision`. Nothing was stored; the reply carries what is stored now
 * so the client can merge its own edits onto it (core/catalog-diff/merge.ts) or reload.
 */
export const draftConflictResponseSchema = errorResponseSchema.extend({
  current: draftSchema,
  /** JSON paths that differ between the caller's base and what is stored now. */
  changedPaths: z.array(z.string()),
});
export type DraftConflictResponse = z.infer<typeof draftConflictResponseSchema>;

/** The same checks as `npm run catalog:check`, on the stored draft. */
export const draftCheckResponseSchema = z.object({
  revision: z.number().int().min(1),
  issues: draftSchema.shape.issues,
  findings: z.array(findingSchema),
  /** Exact count of valid builds, as a decimal string (it can exceed 2^53); null while the draft does not validate. */
  buildCount: z.string().regex(/^\d+$/).nullable(),
  /**
   * The compiled form it was checked on: the diagram, or a d-DNNF for a catalog past the diagram's bound (checked
   * without unreachable slot quantities and redundant rules); null while the draft does not validate.
   */
  form: z.enum(['mdd', 'dnnf']).nullable(),
});
export type DraftCheckResponse = z.infer<typeof draftCheckResponseSchema>;

/** A finding's identity for acknowledging it: `${kind}:${ids.join(',')}`. */
export const findingKey = (f: { kind: string; ids: readonly string[] }): string =>
  `${f.kind}:${f.ids.join(',')}`;

export const publishBodySchema = z.strictObject({
  /** The revision the caller checked and looked at; a later save makes this 409 `draft_conflict`. */
  revision: z.number().int().min(1),
  note: z.string().trim().min(1).max(2000),
  /** Absent: now. A future date schedules it. */
  effectiveAt: iso.optional(),
  /** findingKey of every warning the caller has read; an unacknowledged one is 409 `unacknowledged_warnings`. */
  acknowledged: z.array(z.string().max(2000)).max(10_000).default([]),
});
/** 422 `draft_has_errors` when any finding is an error (details name the count; `findings` the errors). */
export const publishRefusedResponseSchema = errorResponseSchema.extend({ findings: z.array(findingSchema) });

export const rollbackBodySchema = z.strictObject({
  /** The live version the caller wants to undo; another one live now is 409 `live_version_changed`. */
  version: versionName,
});
export const rollbackResponseSchema = z.object({
  live: versionName,
  /** The withdrawn version's content, back as a draft to be fixed. */
  draft: draftSummarySchema,
});

/** `from`/`to`: a version name, or `draft:<id>` for a draft's current revision. */
export const diffQuerySchema = z.strictObject({
  from: z.string().min(1).max(100),
  to: z.string().min(1).max(100),
});

export const catalogEditSchema = z.object({
  /** What kind of thing changed, e.g. `option`, `slot`, `rule`, `price`, `text`, `package`, `priceRule`, `attribute`. */
  subject: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** The id of what changed (`gpu/rtx-5090`, `rule psu-power`). */
  id: z.string(),
  /** JSON path in the catalog document. */
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  /** In words, e.g. "price of RTX 5090: €1,999 → €1,899". */
  summary: z.string(),
});
export type CatalogEdit = z.infer<typeof catalogEditSchema>;

/** A complete build: slot id → option ids (with quantities for multi slots, as the configurator writes them). */
const exampleBuildSchema = z.record(z.string(), z.unknown());

export const catalogDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  edits: z.array(catalogEditSchema),
  /** Exact counts, decimal strings. */
  buildsBefore: z.string(),
  buildsAfter: z.string(),
  gained: z.string(),
  lost: z.string(),
  exampleGained: exampleBuildSchema.nullable(),
  exampleLost: exampleBuildSchema.nullable(),
  effect: z.enum(['only-removes', 'only-adds', 'both', 'neither']),
});
export type CatalogDiff = z.infer<typeof catalogDiffSchema>;

export const impactItemSchema = z.object({
  kind: z.enum(['build', 'session', 'quote']),
  id: z.string(),
  /** The customer's name, or "Guest". */
  owner: z.string(),
  catalogVersion: z.string(),
  valid: z.boolean(),
  /** Why it no longer fits, in words (the rules and options of a minimal explanation). */
  explanation: z.array(z.string()),
  /** Options the draft no longer has. */
  missingOptions: z.array(z.string()),
  priceBeforeCents: z.number().int(),
  /** null when the build is no longer valid. */
  priceAfterCents: z.number().int().nullable(),
});
export type ImpactItem = z.infer<typeof impactItemSchema>;

export const impactReportSchema = z.object({
  draftId: id,
  revision: z.number().int().min(1),
  counts: z.object({
    checked: z.number().int().min(0),
    valid: z.number().int().min(0),
    invalid: z.number().int().min(0),
    priceChanged: z.number().int().min(0),
  }),
  /** Invalid ones first, then price changes; unchanged valid ones are only counted. */
  items: z.array(impactItemSchema),
});
export type ImpactReport = z.infer<typeof impactReportSchema>;

export const optionPopularitySchema = z.object({
  slotId: z.string(),
  optionId: z.string(),
  /** Orders (all versions) whose build holds the option. */
  orders: z.number().int().min(0),
  /** Configuration sessions (web and store) whose current build holds it. */
  sessions: z.number().int().min(0),
  /** Times it was recommended, and times the customer then took it. */
  recommended: z.number().int().min(0),
  taken: z.number().int().min(0),
});
export const popularityResponseSchema = z.object({
  catalogId: catalogIdSchema,
  totals: z.object({ orders: z.number().int().min(0), sessions: z.number().int().min(0) }),
  options: z.array(optionPopularitySchema),
});
export type PopularityResponse = z.infer<typeof popularityResponseSchema>;

/**
 * `GET /catalogs/:catalogId/versions/:version/document`: a published version's catalog file as it was published
 * (costs included; role `catalog` only), so the editor can export any version, not only drafts.
 */
export const versionParamsSchema = z.strictObject({ catalogId: catalogIdSchema, version: versionName });
export const versionDocumentResponseSchema = draftDocumentSchema;

/** `POST /drafts/:draftId/publish` (201): the version made, `live` or `scheduled`. */
export const publishResponseSchema = catalogVersionSummarySchema;
