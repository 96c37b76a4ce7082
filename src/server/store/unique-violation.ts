/** A unique-constraint failure on either database: PostgreSQL's 23505 or SQLite's SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown };
  return (
    e.code === '23505' ||
    (typeof e.code === 'string' &&
      (e.code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || e.code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY')))
  );
}
