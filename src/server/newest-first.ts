/**
 * Sets `key` as the newest entry of a Map used as a bounded cache, dropping the oldest entries past `max`. A Map
 * iterates in insertion order, so deleting and re-inserting a key makes it the last one dropped: used on every read
 * as well, the cache keeps the least recently used out.
 */
export function setNewest<K, V>(entries: Map<K, V>, key: K, value: V, max: number): void {
  entries.delete(key);
  entries.set(key, value);
  for (const oldest of entries.keys()) {
    if (entries.size <= max) break;
    entries.delete(oldest);
  }
}
