import { randomUUID } from 'node:crypto';

/** Ids are text everywhere: portable across dialects, unguessable in URLs, and seedable for deterministic demo data. */
export function newId(): string {
  return randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** An insert whose id and timestamps default to a fresh UUID and now. */
export type WithDefaults<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
