import { z } from 'zod';
import { buildSchema } from '../core/catalog/index.ts';
import { catalogIdSchema } from './catalogs.schema.ts';

/**
 * A configuration session as it leaves the browser (another device, a sales desk): a versioned envelope around
 * XState's persisted snapshot of the session machine (src/machines/session-persistence.ts writes and reads it).
 * Nothing in it is trusted on the way back: the server checks it against its catalog version, and the browser
 * re-validates every choice with the engine and recomputes what is derived.
 */
export const SESSION_FORMAT = 1;

/** Undo history a session keeps (the machine drops older steps). */
export const SESSION_HISTORY = 100;

export const persistedSessionSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  catalogId: z.string().min(1),
  catalogVersion: z.string().min(1),
  snapshot: z.object({
    status: z.literal('active'),
    value: z.enum(['editing', 'repairing', 'saving']),
    context: z.object({
      choices: buildSchema,
      past: z.array(buildSchema).max(SESSION_HISTORY),
      future: z.array(buildSchema).max(SESSION_HISTORY),
      step: z.string().max(80),
    }),
  }),
});
export type PersistedSession = z.infer<typeof persistedSessionSchema>;

export const sessionParamsSchema = z.object({ catalogId: catalogIdSchema });

/**
 * The shopper's live session for one product: one per customer (or guest) and catalog, replaced on every save.
 * `baseRevision` is the revision the browser loaded or last saved (0: it knows of none); a save made from an older
 * one is refused with 409 `session_conflict`, so a save from another device or the store is never overwritten unseen.
 */
export const putSessionBodySchema = z.strictObject({
  session: persistedSessionSchema,
  baseRevision: z.number().int().min(0),
});
export type PutSessionBody = z.input<typeof putSessionBodySchema>;

/** Who saved a session last, as the owner may read it: themself on the web, or staff (first name and role) in the store. */
export const sessionSaverSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('web') }),
  z.object({ channel: z.literal('store'), name: z.string(), role: z.string() }),
]);
export type SessionSaver = z.infer<typeof sessionSaverSchema>;

export const sessionResponseSchema = z.object({
  session: persistedSessionSchema.nullable(),
  /** When it was last saved (ISO), from any device; null when there is none. */
  updatedAt: z.string().nullable(),
  /** The revision to name in the next save; 0 when there is none. */
  revision: z.number().int().min(0),
  /** Null when there is none. */
  updatedBy: sessionSaverSchema.nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const putSessionResponseSchema = z.object({
  revision: z.number().int().min(1),
  updatedAt: z.string(),
});
export type PutSessionResponse = z.infer<typeof putSessionResponseSchema>;

/** 409: the session was saved elsewhere since `baseRevision`; `current` is what is stored now (nothing was overwritten). */
export const sessionConflictResponseSchema = z.object({
  error: z.object({ code: z.literal('session_conflict'), message: z.string() }),
  current: sessionResponseSchema,
});
export type SessionConflictResponse = z.infer<typeof sessionConflictResponseSchema>;

/** No session stored: what GET answers then. */
export const noSession: SessionResponse = { session: null, updatedAt: null, revision: 0, updatedBy: null };
