import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SqlDialectName } from './database.ts';

/**
 * Column types that differ between the embedded SQLite store and PostgreSQL. Everything else the migrations use
 * (text, integer, bigint) means the same on both. SQLite has no date types: ISO 8601 text sorts and compares correctly,
 * and database.ts parses PostgreSQL's timestamptz/date back to the same ISO strings.
 */
export function columnTypes(dialect: SqlDialectName) {
  return dialect === 'postgres'
    ? ({ timestamp: 'timestamptz', date: 'date' } as const)
    : ({ timestamp: 'text', date: 'text' } as const);
}

/**
 * A migration that knows its dialect. Kysely's own `Migration` passes only `db`; the static provider in migrate.ts
 * binds the dialect, so the files need no dialect sniffing through Kysely internals.
 * Migrations take `Kysely<unknown>` because they must not depend on today's `Database` type.
 */
export interface DialectMigration {
  up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void>;
  down(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void>;
}

/** `column in ('a', 'b')` for a CHECK constraint; values are literals because DDL cannot take parameters. */
export function oneOf(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
