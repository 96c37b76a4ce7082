import type { Kysely } from 'kysely';

/**
 * Secrets the server makes for itself, shared by every instance on the database (issue 19 §2): the key that signs
 * guest-id cookies. The first instance to start inserts it; an env setting (COOKIE_SECRET) takes precedence.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('server_secrets').execute();
}
