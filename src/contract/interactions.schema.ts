import { z } from 'zod';
import { buildSelectionsSchema } from './builds.schema.ts';
import { catalogIdSchema } from './catalogs.schema.ts';

const ref = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');
const version = z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.0');
const inCatalog = { catalogId: catalogIdSchema, catalogVersion: version };

/**
 * Configuration events the browser reports for its own session. Strict: the customer, channel, actor and time are
 * the server's to set, so a body naming them is refused rather than silently trusted or dropped.
 */
export const configEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('config.chose'),
    ...inCatalog,
    slotId: ref,
    optionId: ref,
    quantity: z.number().int().min(1).max(64).default(1),
  }),
  z.strictObject({ kind: z.literal('config.unchose'), ...inCatalog, slotId: ref, optionId: ref }),
  z.strictObject({
    kind: z.literal('config.repaired'),
    ...inCatalog,
    changes: z
      .array(z.strictObject({ slotId: ref, removed: ref.nullable(), added: ref.nullable() }))
      .min(1)
      .max(32),
  }),
  z.strictObject({ kind: z.literal('config.completed'), ...inCatalog, selections: buildSelectionsSchema }),
]);
export type ConfigEvent = z.infer<typeof configEventSchema>;

export const postInteractionsBodySchema = z.strictObject({
  events: z.array(configEventSchema).min(1).max(100),
});
export type PostInteractionsBody = z.input<typeof postInteractionsBodySchema>;

export const postInteractionsResponseSchema = z.object({ accepted: z.number().int().min(0) });

export const interactionChannelSchema = z.enum(['web', 'store', 'phone']);

/**
 * What staff record for a customer: a store visit or a call, with the staff member as actor. The note is internal
 * (staff only) unless `shared`: then the customer reads it in their own history too.
 */
export const staffInteractionBodySchema = z.strictObject({
  kind: z.enum(['store.visit', 'call']),
  note: z.string().trim().max(2000).default(''),
  shared: z.boolean().default(false),
  catalogId: catalogIdSchema.optional(),
});
export type StaffInteractionBody = z.input<typeof staffInteractionBodySchema>;

export const timelineItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  channel: interactionChannelSchema,
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
  at: z.string(),
  catalogId: z.string().nullable(),
  catalogVersion: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelineQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** The `nextCursor` of the previous page. */
  before: z.string().max(200).optional(),
  /** Only this channel's entries. */
  channel: interactionChannelSchema.optional(),
});

export const timelineResponseSchema = z.object({
  items: z.array(timelineItemSchema),
  nextCursor: z.string().nullable(),
});
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;

/**
 * An entry of the customer's own history: who acted is "you" or a staff member by first name and role, never a
 * user id; a staff note appears only when it was shared with them (its text in `payload.note`).
 */
export const ownTimelineItemSchema = timelineItemSchema.extend({
  actor: z.discriminatedUnion('who', [
    z.object({ who: z.literal('you') }),
    z.object({ who: z.literal('staff'), name: z.string(), role: z.string() }),
  ]),
});
export type OwnTimelineItem = z.infer<typeof ownTimelineItemSchema>;

export const ownTimelineResponseSchema = z.object({
  items: z.array(ownTimelineItemSchema),
  nextCursor: z.string().nullable(),
});
