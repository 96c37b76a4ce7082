import { setNewest } from '../newest-first.ts';

/**
 * The last JSON column value parsed (or written) per key, with what it parses to: reading the same text again
 * costs a string comparison instead of JSON.parse and a zod parse (a customer's profile is read and written on each
 * of their clicks: bench:server). Keyed by content, so it needs no invalidation: any other text, written by another
 * instance, a rolled-back transaction or a migration, is parsed afresh. Every reader shares a value, so it must be
 * treated as immutable (the profile functions of core/profile are pure; freezing each one cost half of the saving).
 * At most `maxEntries` keys, the least recently used dropped first.
 */
export interface ParseMemo<T> {
  parse(key: string, json: string): T;
  /** `value` was just written as `json` (its JSON.stringify): the next read of `json` needs no parse. */
  keep(key: string, json: string, value: T): void;
}

export function parseMemo<T>(parse: (json: string) => T, { maxEntries = 10_000 } = {}): ParseMemo<T> {
  const entries = new Map<string, { json: string; value: T }>();
  const keep = (key: string, json: string, value: T) => setNewest(entries, key, { json, value }, maxEntries);
  return {
    parse(key, json) {
      const hit = entries.get(key);
      if (hit?.json === json) {
        setNewest(entries, key, hit, maxEntries);
        return hit.value;
      }
      const value = parse(json);
      keep(key, json, value);
      return value;
    },
    keep,
  };
}
