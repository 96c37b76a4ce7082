import { describe, expect, it } from 'vitest';
import { testDatabases } from './databases.ts';
import { countRows, PC_VERSION, signInStaff, signUp, useApp } from './harness.ts';

const chose = (optionId: string, slotId = 'gpu') => ({
  kind: 'config.chose',
  catalogId: 'pc',
  catalogVersion: PC_VERSION,
  slotId,
  optionId,
});

describe.each(testDatabases)('interaction log on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  test('a batch of web events is stored with the server’s customer, channel, actor and time', async () => {
    const { app, db, clock } = h();
    const { jar, me } = await signUp(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/interactions',
      headers: { cookie: jar },
      payload: {
        events: [
          chose('gpu-nvidia-rtx5070-fe'),
          {
            kind: 'config.unchose',
            catalogId: 'pc',
            catalogVersion: PC_VERSION,
            slotId: 'gpu',
            optionId: 'gpu-nvidia-rtx5070-fe',
          },
          {
            kind: 'config.repaired',
            catalogId: 'pc',
            catalogVersion: PC_VERSION,
            changes: [{ slotId: 'cooler', removed: null, added: 'cooler-aurora-lp92' }],
          },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ accepted: 3 });
    const rows = await db.selectFrom('interactions').selectAll().where('kind', 'like', 'config.%').execute();
    expect(rows).toHaveLength(3);
    for (const row of rows)
      expect(row).toMatchObject({
        customer_id: me.customer.id,
        channel: 'web',
        catalog_id: 'pc',
        catalog_version: PC_VERSION,
        created_at: clock.now.toISOString(),
      });
  });

  test('concurrent customers are written and learned from as if one after another (group commit)', async () => {
    const { app, db } = h();
    const [a, b, alone] = [await signUp(app), await signUp(app), await signUp(app)];
    const post = (jar: string, optionId: string) =>
      app.inject({
        method: 'POST',
        url: '/api/interactions',
        headers: { cookie: jar },
        payload: { events: [chose(optionId)] },
      });
    // One option throughout: what is learned then does not depend on the order the burst arrives in.
    const gpu = 'gpu-nvidia-rtx5070-fe';
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 ? b.jar : a.jar, gpu)));
    expect(burst.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    for (let i = 0; i < 10; i++) expect((await post(alone.jar, gpu)).statusCode).toBe(201);
    const profiles = new Map(
      (await db.selectFrom('customer_preferences').selectAll().execute()).map((r) => [
        r.customer_id,
        r.profile,
      ]),
    );
    for (const { me } of [a, b, alone])
      expect(
        await db
          .selectFrom('interactions')
          .select('id')
          .where('customer_id', '=', me.customer.id)
          .where('kind', '=', 'config.chose')
          .execute(),
      ).toHaveLength(10);
    const learned = (id: string) => JSON.parse(profiles.get(id) ?? 'null') as unknown;
    expect(learned(a.me.customer.id)).not.toBeNull();
    expect(learned(a.me.customer.id)).toEqual(learned(alone.me.customer.id));
    expect(learned(b.me.customer.id)).toEqual(learned(alone.me.customer.id));
  });

  test('an option that is not in the catalog version is a 422 naming it, and nothing is written', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    const before = await countRows(db, 'interactions');
    const res = await app.inject({
      method: 'POST',
      url: '/api/interactions',
      headers: { cookie: jar },
      payload: { events: [chose('gpu-nvidia-rtx5070-fe'), chose('gpu-made-up')] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('unknown_option');
    expect(res.json().error.issues).toEqual([
      { path: 'body.events[1].optionId', message: expect.stringContaining('gpu-made-up') },
    ]);
    expect(await countRows(db, 'interactions')).toBe(before);
    expect(await countRows(db, 'customer_preferences')).toBe(0);
  });

  test('a browser naming the customer, channel or time is refused, and nothing is written', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    const before = await countRows(db, 'interactions');
    for (const extra of [{ customerId: 'x' }, { channel: 'store' }, { at: '2020-01-01T00:00:00Z' }]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/interactions',
        headers: { cookie: jar },
        payload: { events: [{ ...chose('gpu-nvidia-rtx5070-fe'), ...extra }] },
      });
      expect(res.statusCode).toBe(400);
    }
    const unknownVersion = await app.inject({
      method: 'POST',
      url: '/api/interactions',
      headers: { cookie: jar },
      payload: { events: [{ ...chose('gpu-nvidia-rtx5070-fe'), catalogVersion: '1999.1.0' }] },
    });
    expect(unknownVersion.statusCode).toBe(404);
    expect(await countRows(db, 'interactions')).toBe(before);
  });

  test('the timeline pages newest first; the log has no update or delete route', async () => {
    const { app, clock } = h();
    const { jar } = await signUp(app);
    for (let i = 0; i < 5; i++) {
      clock.now = new Date(clock.now.getTime() + 1000);
      await app.inject({
        method: 'POST',
        url: '/api/interactions',
        headers: { cookie: jar },
        payload: { events: [chose('gpu-nvidia-rtx5070-fe')] },
      });
    }
    const first = await app.inject({
      method: 'GET',
      url: '/api/me/timeline?limit=4',
      headers: { cookie: jar },
    });
    const page1 = first.json();
    expect(page1.items).toHaveLength(4);
    expect(page1.nextCursor).toBeTypeOf('string');
    const second = await app.inject({
      method: 'GET',
      url: `/api/me/timeline?limit=4&before=${page1.nextCursor}`,
      headers: { cookie: jar },
    });
    const page2 = second.json();
    expect(page2.items).toHaveLength(2); // 5 choices + registration
    expect(page2.nextCursor).toBeNull();
    const times = [...page1.items, ...page2.items].map((i: { at: string }) => i.at);
    expect(times).toEqual([...times].sort().reverse());
    const id = page1.items[0].id;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const)
      expect(
        (await app.inject({ method, url: `/api/interactions/${id}`, headers: { cookie: jar } })).statusCode,
      ).toBe(404);
  });

  test('staff log store visits and calls as the actor, and read any customer’s timeline', async () => {
    const { app, db } = h();
    const { jar, me } = await signUp(app);
    const staff = await signInStaff(app, db);
    h().clock.now = new Date(h().clock.now.getTime() + 60_000);
    const visit = await app.inject({
      method: 'POST',
      url: `/api/customers/${me.customer.id}/interactions`,
      headers: { cookie: staff },
      payload: { kind: 'store.visit', note: 'Tried the keyboard', catalogId: 'pc' },
    });
    expect(visit.statusCode).toBe(201);
    expect(visit.json()).toMatchObject({
      kind: 'store.visit',
      channel: 'store',
      actor: { role: 'sales' },
      catalogVersion: PC_VERSION,
    });
    h().clock.now = new Date(h().clock.now.getTime() + 60_000);
    const call = await app.inject({
      method: 'POST',
      url: `/api/customers/${me.customer.id}/interactions`,
      headers: { cookie: staff },
      payload: { kind: 'call', note: 'Asked about delivery' },
    });
    expect(call.json()).toMatchObject({ channel: 'phone', payload: { note: 'Asked about delivery' } });
    const timeline = await app.inject({
      method: 'GET',
      url: `/api/customers/${me.customer.id}/timeline`,
      headers: { cookie: staff },
    });
    expect(timeline.json().items.map((i: { kind: string }) => i.kind)).toEqual([
      'call',
      'store.visit',
      'customer.registered',
    ]);
    // The customer sees them too, but cannot log them.
    const own = await app.inject({ method: 'GET', url: '/api/me/timeline', headers: { cookie: jar } });
    expect(own.json().items).toHaveLength(3);
    const forged = await app.inject({
      method: 'POST',
      url: `/api/customers/${me.customer.id}/interactions`,
      headers: { cookie: jar },
      payload: { kind: 'call', note: 'fake' },
    });
    expect(forged.statusCode).toBe(403);
    const missing = await app.inject({
      method: 'GET',
      url: '/api/customers/nope/timeline',
      headers: { cookie: staff },
    });
    expect(missing.statusCode).toBe(404);
  });
});
