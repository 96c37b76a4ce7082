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

/** The shopper's live session for one product: one per customer (or guest) and catalog, replaced on every save. */
/**
 * `baseRevision`: the revision the browser loaded or last saved (0 when it knows of none). A save from an outdated
 * base is refused (409 `session_conflict`), so the customer's browser and the store's console never overwrite each
 * other silently.
 */
export const putSessionBodySchema = z.strictObject({
  session: persistedSessionSchema,
  baseRevision: z.number().int().min(0),
});
export const putSessionResponseSchema = z.object({ revision: z.number().int().min(1) });
export type PutSessionBody = z.input<typeof putSessionBodySchema>;

export const sessionResponseSchema = z.object({
  session: persistedSessionSchema.nullable(),
  /** When it was last saved (ISO), from any device; null when there is none. */
  updatedAt: z.string().nullable(),
  /** The revision the next save must name; 0 when there is none. */
  revision: z.number().int().min(0),
  /** Who saved it last, when it was staff in the store (first name and role); null when the owner did. */
  updatedBy: z.object({ name: z.string(), role: z.string() }).nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
