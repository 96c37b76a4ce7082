import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/server/store/group-commit.ts';
import { testDatabases, type OpenStore } from './databases.ts';

describe.each(testDatabases)('group commit on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  let opened: OpenStore | undefined;
  beforeEach(async () => {
    if (database.skip) return;
    opened = await database.open();
    await sql`create table written (id text primary key)`.execute(opened.store.db);
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  const db = () => {
    if (!opened) throw new Error('no store');
    return opened.store.db;
  };
  const ids = async () =>
    (await sql<{ id: string }>`select id from written order by id`.execute(db())).rows.map((r) => r.id);

  test('writes of one turn of the event loop go together, each answered after its commit', async () => {
    const groups: string[][] = [];
    const write = groupCommit<string>(db(), async (trx, units) => {
      groups.push([...units]);
      for (const id of units) await sql`insert into written (id) values (${id})`.execute(trx);
    });
    const seen: [string, string[]][] = [];
    const all = Array.from({ length: 30 }, (_, i) => `w${String(i).padStart(2, '0')}`);
    // Each caller, once answered, finds its own row committed.
    await Promise.all(all.map((id) => write(id).then(async () => seen.push([id, await ids()]))));
    expect(groups.map((g) => g.length)).toEqual([30]);
    expect(await ids()).toEqual(all);
    for (const [id, rows] of seen) expect(rows).toContain(id);
  });

  test('a failing write fails alone; the rest of its group is committed', async () => {
    const write = groupCommit<string>(db(), async (trx, units) => {
      for (const id of units) await sql`insert into written (id) values (${id})`.execute(trx);
    });
    await write('taken');
    const units = ['a', 'b', 'taken', 'c'];
    const results = await Promise.allSettled([write('first'), ...units.map((id) => write(id))]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await ids()).toEqual(['a', 'b', 'c', 'first', 'taken']);
  });
});
