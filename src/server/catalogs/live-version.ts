import type { VersionStatus } from '../../contract/catalog-admin.schema.ts';

/** What choosing the live version needs to know of each recorded version. */
export interface Dated {
  version: string;
  publishedAt: string;
  effectiveAt: string;
  withdrawnAt: string | null;
}

/** Later effective date first; on a tie the later published. */
const newerFirst = (a: Dated, b: Dated) =>
  Date.parse(b.effectiveAt) - Date.parse(a.effectiveAt) ||
  Date.parse(b.publishedAt) - Date.parse(a.publishedAt);

/**
 * The version new builds, sessions and orders use at `now` (issue 18 §4, §6): the newest non-withdrawn version
 * already effective. A catalog whose versions are all still to come (a clock behind the one that recorded them) keeps
 * the earliest, so a catalog with any version always has a live one.
 * Post: undefined iff every version is withdrawn (or there are none).
 */
export function liveVersionOf<T extends Dated>(versions: readonly T[], now: Date): T | undefined {
  const open = versions.filter((v) => v.withdrawnAt === null).sort(newerFirst);
  return open.find((v) => Date.parse(v.effectiveAt) <= now.getTime()) ?? open.at(-1);
}

/** Each version's status at `now`, relative to the live one. */
export function versionStatus(v: Dated, live: Dated | undefined, now: Date): VersionStatus {
  if (v.withdrawnAt !== null) return 'withdrawn';
  if (live && v.version === live.version) return 'live';
  return Date.parse(v.effectiveAt) > now.getTime() ? 'scheduled' : 'retired';
}

/** Versions newest effective first (the order the editor lists them in). */
export const newestFirst = <T extends Dated>(versions: readonly T[]): T[] => [...versions].sort(newerFirst);
