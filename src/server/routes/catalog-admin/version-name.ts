/**
 * The name of a catalog's next version effective at `effectiveAt`: `YYYY.M.N` with the year and month of that date
 * (UTC) and N one more than the highest N already taken that month (0 for the first).
 */
export function nextVersionName(effectiveAt: Date, taken: readonly string[]): string {
  const prefix = `${effectiveAt.getUTCFullYear()}.${effectiveAt.getUTCMonth() + 1}.`;
  const used = taken.flatMap((v) =>
    v.startsWith(prefix) && /^\d+$/.test(v.slice(prefix.length)) ? [Number(v.slice(prefix.length))] : [],
  );
  return `${prefix}${used.length > 0 ? Math.max(...used) + 1 : 0}`;
}

export const versionPrefix = (effectiveAt: Date) =>
  `${effectiveAt.getUTCFullYear()}.${effectiveAt.getUTCMonth() + 1}.`;
