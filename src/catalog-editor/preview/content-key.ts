/**
 * A short key of a value's content (32-bit FNV-1a of its JSON, base 36): equal drafts share one compiled
 * configurator, and any edit, however small, gets its own.
 */
export function contentKey(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
