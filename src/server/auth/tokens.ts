import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

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

/** 256 random bits for signing guest ids, made once per database (store/sign-in.repository.ts serverSecret). */
export function newCookieSecret(): string {
  return randomBytes(32).toString('base64url');
}

function guestMac(id: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`gid:${id}`).digest();
}

/** The guest cookie's value: the id and an HMAC of it, so only ids this server issued are accepted back. */
export function signGuestId(id: string, secret: string): string {
  return `${id}.${guestMac(id, secret).toString('base64url')}`;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** @returns the guest id of a cookie value this server signed; null for anything else (a bare or forged id). */
export function verifiedGuestId(value: string | undefined, secret: string): string | null {
  if (value === undefined || value.length > 200) return null;
  const dot = value.indexOf('.');
  const id = value.slice(0, dot);
  if (dot < 0 || !uuid.test(id)) return null;
  const given = Buffer.from(value.slice(dot + 1), 'base64url');
  const expected = guestMac(id, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
