import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const SESSION_COOKIE = 'sid';
export const GUEST_COOKIE = 'gid';
export const SESSION_DAYS = 30;
export const GUEST_DAYS = 180;

/** 256 random bits, URL-safe: the cookie value. Never stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the sessions table keys on: a stolen table yields no usable cookie. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newGuestId(): string {
  return randomUUID();
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isGuestId = (value: string | undefined): value is string =>
  value !== undefined && uuid.test(value);
