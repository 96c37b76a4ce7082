import { describe, expect, it } from 'vitest';
import type { LiveSession } from '../store/sessions.repository.ts';
import { createSessionCache } from './session-cache.ts';

const session = (userId: string): LiveSession => ({
  userId,
  email: `${userId}@example.com`,
  name: userId,
  role: 'customer',
  customerId: `c-${userId}`,
  lastSeenAt: '2026-12-06T10:00:00.000Z',
  expiresAt: '2027-01-06T10:00:00.000Z',
});

describe('session cache', () => {
  it('answers for ttlMs after the read, then asks for a fresh one', () => {
    const cache = createSessionCache({ ttlMs: 2_000 });
    cache.remember('t1', session('u1'), 10_000, cache.epoch());
    expect(cache.get('t1', 11_999)?.userId).toBe('u1');
    expect(cache.get('t1', 12_000)).toBeUndefined();
    // Gone for good, not only stale: a later clock does not bring it back.
    expect(cache.get('t1', 11_000)).toBeUndefined();
  });

  it('treats a clock set back as stale', () => {
    const cache = createSessionCache({ ttlMs: 2_000 });
    cache.remember('t1', session('u1'), 10_000, cache.epoch());
    expect(cache.get('t1', 9_999)).toBeUndefined();
  });

  it('forgets one session, or every session of a user', () => {
    const cache = createSessionCache();
    const epoch = cache.epoch();
    cache.remember('a1', session('a'), 0, epoch);
    cache.remember('a2', session('a'), 0, epoch);
    cache.remember('b1', session('b'), 0, epoch);
    cache.forget('b1');
    expect(cache.get('b1', 1)).toBeUndefined();
    cache.forgetUser('a');
    expect([cache.get('a1', 1), cache.get('a2', 1)]).toEqual([undefined, undefined]);
  });

  it('does not keep a session read before a sign-out that finished after the read', () => {
    const cache = createSessionCache();
    const epoch = cache.epoch();
    // The request read the session; meanwhile sign-out-everywhere deleted it and told the cache.
    cache.forgetUser('u1');
    cache.remember('t1', session('u1'), 0, epoch);
    expect(cache.get('t1', 1)).toBeUndefined();
    cache.remember('t1', session('u1'), 0, cache.epoch());
    expect(cache.get('t1', 1)?.userId).toBe('u1');
  });

  it('slides the idle clock of the kept session', () => {
    const cache = createSessionCache();
    cache.remember('t1', session('u1'), 0, cache.epoch());
    cache.seen('t1', '2026-12-06T11:00:00.000Z');
    expect(cache.get('t1', 1)?.lastSeenAt).toBe('2026-12-06T11:00:00.000Z');
  });

  it('drops the oldest read past maxEntries', () => {
    const cache = createSessionCache({ maxEntries: 2 });
    const epoch = cache.epoch();
    for (const t of ['t1', 't2', 't3']) cache.remember(t, session(t), 0, epoch);
    expect(['t1', 't2', 't3'].map((t) => cache.get(t, 1)?.userId)).toEqual([undefined, 't2', 't3']);
  });
});
