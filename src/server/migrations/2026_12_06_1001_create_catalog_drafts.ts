import type { Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * Catalog drafts kept on the server (issue 18 §7). A save names the revision it started from and writes only if it
 * is still the stored one (a conditional UPDATE), so of two saves from one base exactly one wins. Every revision's
 * document is kept in `catalog_draft_revisions`, so the refused save can be told what changed since its base.
 * `document` is JSON text: a draft may not validate yet and is stored as it is.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp } = columnTypes(dialect);
  await db.schema
    .createTable('catalog_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('base_version', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('catalog_drafts_catalog_idx')
    .on('catalog_drafts')
    .column('catalog_id')
    .execute();
  await db.schema
    .createTable('catalog_draft_revisions')
    .addColumn('draft_id', 'text', (c) => c.notNull().references('catalog_drafts.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('saved_at', timestamp, (c) => c.notNull())
    .addColumn('saved_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('catalog_draft_revisions_pk', ['draft_id', 'revision'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalog_draft_revisions').execute();
  await db.schema.dropTable('catalog_drafts').execute();
}
