import { z } from 'zod';
import type { StoreEvent } from '../../contract/store-quotes.schema.ts';

/**
 * What travels between server instances when something in the store changes: the kind and the request's (or the
 * catalog's) id, never the thing itself. Each instance reads the request from the database before pushing it to its clients, so the
 * database stays the authority and a PostgreSQL NOTIFY payload stays far below its 8000-byte limit.
 */
const approvalNoticeSchema = z.object({
  kind: z.enum(['approval.requested', 'approval.decided'] as const satisfies readonly StoreEvent['kind'][]),
  requestId: z.string().min(1).max(80),
});
export type ApprovalNotice = z.infer<typeof approvalNoticeSchema>;
/** A catalog version was published, scheduled or withdrawn: every instance reloads its live catalogs. */
const catalogNoticeSchema = z.object({
  kind: z.literal('catalog.changed'),
  catalogId: z.string().min(1).max(80),
});
export const storeNoticeSchema = z.discriminatedUnion('kind', [approvalNoticeSchema, catalogNoticeSchema]);
export type StoreNotice = z.infer<typeof storeNoticeSchema>;

export type StoreNoticeListener = (notice: StoreNotice) => void;

/** Publish and subscribe across every instance serving the same database (in one process: an EventEmitter). */
export interface StoreNotifier {
  /** Resolves once the notice is handed to the transport; listeners run later (never inside the caller's await). */
  publish(notice: StoreNotice): Promise<void>;
  /** @returns the unsubscribe function. */
  subscribe(listener: StoreNoticeListener): () => void;
  close(): Promise<void>;
}
