import { describe, expect, it } from 'vitest';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, PC_VERSION, signUp, useApp } from './harness.ts';

describe.each(testDatabases)('saved builds on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  const save = (jar: string, name: string, selections: object = budgetPc) =>
    h().app.inject({
      method: 'POST',
      url: '/api/builds',
      headers: { cookie: jar },
      payload: { name, catalogId: 'pc', selections },
    });

  test('save any number, list, get, rename, delete', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    const a = await save(jar, 'Office');
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      name: 'Office',
      catalogVersion: PC_VERSION,
      complete: true,
      valid: true,
    });
    expect(a.json().priceCents).toBeGreaterThan(0);
    const partial = await save(jar, 'Started', { cpu: { 'cpu-ryzen5-8600g': 1 } });
    expect(partial.json()).toMatchObject({ complete: false });
    const list = await app.inject({ method: 'GET', url: '/api/builds', headers: { cookie: jar } });
    expect(list.json()).toHaveLength(2);
    const id = a.json().id as string;
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/builds/${id}`,
      headers: { cookie: jar },
      payload: { name: 'Home office' },
    });
    expect(renamed.json().name).toBe('Home office');
    expect(
      (await app.inject({ method: 'GET', url: `/api/builds/${id}`, headers: { cookie: jar } })).json().name,
    ).toBe('Home office');
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/builds/${id}`, headers: { cookie: jar } })).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: `/api/builds/${id}`, headers: { cookie: jar } })).statusCode,
    ).toBe(404);
  });

  test('an unknown option is a 422 naming slot and option, and nothing is stored', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    const res = await save(jar, 'Bad', { ...budgetPc, gpu: { 'gpu-imaginary': 1 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues).toEqual([
      { path: 'body.selections.gpu.gpu-imaginary', message: expect.any(String) },
    ]);
    expect(await countRows(db, 'builds')).toBe(0);
  });

  test('another customer’s build is a 404, for reading, renaming, deleting and comparing', async () => {
    const { app, db } = h();
    const owner = await signUp(app);
    const id = (await save(owner.jar, 'Mine')).json().id as string;
    const other = await signUp(app);
    const mine = (await save(other.jar, 'Theirs')).json().id as string;
    const attempts = [
      { method: 'GET' as const, url: `/api/builds/${id}` },
      { method: 'PATCH' as const, url: `/api/builds/${id}`, payload: { name: 'Stolen' } },
      { method: 'DELETE' as const, url: `/api/builds/${id}` },
      { method: 'GET' as const, url: `/api/builds/compare?a=${mine}&b=${id}` },
    ];
    for (const attempt of attempts) {
      const res = await app.inject({ ...attempt, headers: { cookie: other.jar } });
      expect(res.statusCode, attempt.method).toBe(404);
      expect(res.json().error).toEqual({ code: 'build_not_found', message: `No saved build "${id}".` });
    }
    const row = await db.selectFrom('builds').select('name').where('id', '=', id).executeTakeFirst();
    expect(row?.name).toBe('Mine');
  });

  test('compare two: a diff per slot and both prices', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    const a = (await save(jar, 'A')).json();
    const b = (await save(jar, 'B', { ...budgetPc, os: { 'os-ubuntu-2404': 1 } })).json();
    const res = await app.inject({
      method: 'GET',
      url: `/api/builds/compare?a=${a.id}&b=${b.id}`,
      headers: { cookie: jar },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(
      body.slots.filter((s: { same: boolean }) => !s.same).map((s: { slotId: string }) => s.slotId),
    ).toEqual(['os']);
    expect(body.differenceCents).toBe(b.priceCents - a.priceCents);
    expect(body.a.priceCents).toBe(a.priceCents);
  });
});
