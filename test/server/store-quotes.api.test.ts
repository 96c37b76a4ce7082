import { describe, expect, it } from 'vitest';
import { relationshipResponseSchema } from '../../src/contract/customers.schema.ts';
import { ownTimelineResponseSchema } from '../../src/contract/interactions.schema.ts';
import {
  quoteGroupListSchema,
  quoteGroupSchema,
  quotePreviewResponseSchema,
} from '../../src/contract/store-quotes.schema.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, PC_VERSION, useApp } from './harness.ts';
import {
  call,
  cast,
  insertApproval,
  latest,
  makeQuote,
  proPc,
  roles,
  saveBuild,
  type Role,
} from './quote-fixtures.ts';

const staffOnly: Record<Role, number | 'ok'> = {
  guest: 401,
  customer: 403,
  'another customer': 403,
  sales: 'ok',
  store_manager: 'ok',
  catalog: 403,
};

describe.each(testDatabases)('quotes made in the store on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);
  const req = (jar: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    call(h().app, jar, method, url, payload);
  const counts = async () => {
    const { db } = h();
    return {
      quotes: await countRows(db, 'quotes'),
      orders: await countRows(db, 'orders'),
      interactions: await countRows(db, 'interactions'),
    };
  };

  test('every quote route × role: allowed or refused as declared, and a refusal stores nothing', async () => {
    const { app, db } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const base = `/api/store/customers/${c.annaId}/quotes`;
    /** A fresh revision for routes that use one up (an order per revision). */
    const fresh = async () =>
      latest(await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 0 }));
    const existing = await fresh();
    const routes: {
      method: 'GET' | 'POST';
      url: () => Promise<string>;
      payload?: object;
      ok: number;
      expected: Record<Role, number | 'ok'>;
    }[] = [
      {
        method: 'POST',
        url: async () => `${base}/preview`,
        payload: { buildId, discountPercent: 3 },
        ok: 200,
        expected: staffOnly,
      },
      {
        method: 'POST',
        url: async () => base,
        payload: { buildId, discountPercent: 3 },
        ok: 201,
        expected: staffOnly,
      },
      { method: 'GET', url: async () => base, ok: 200, expected: staffOnly },
      { method: 'GET', url: async () => `${base}/${existing.groupId}`, ok: 200, expected: staffOnly },
      {
        method: 'POST',
        url: async () => `${base}/${(await fresh()).id}/order`,
        payload: {},
        ok: 201,
        expected: staffOnly,
      },
      {
        method: 'GET',
        url: async () => '/api/me/quotes',
        ok: 200,
        expected: { ...staffOnly, customer: 'ok', 'another customer': 'ok', sales: 403, store_manager: 403 },
      },
      {
        method: 'POST',
        url: async () => `/api/me/quotes/${(await fresh()).id}/accept`,
        payload: {},
        ok: 201,
        expected: { ...staffOnly, customer: 'ok', 'another customer': 404, sales: 403, store_manager: 403 },
      },
    ];
    for (const route of routes)
      for (const role of roles) {
        const url = await route.url();
        const before = await counts();
        const res = await req(c.jars[role], route.method, url, route.payload);
        const want = route.expected[role];
        expect({ role, url, status: res.statusCode }).toEqual({
          role,
          url,
          status: want === 'ok' ? route.ok : want,
        });
        if (want !== 'ok')
          expect({ role, url, counts: await counts() }).toEqual({ role, url, counts: before });
      }
  });

  test('a discount over the caller’s authority is refused and nothing is stored; a manager may grant it', async () => {
    const { app, db } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const url = `/api/store/customers/${c.annaId}/quotes`;

    const preview = quotePreviewResponseSchema.parse(
      (await req(c.jars.sales, 'POST', `${url}/preview`, { buildId, discountPercent: 8 })).json(),
    );
    expect(preview).toMatchObject({
      band: 'needs-approval',
      authority: { role: 'sales', ownPercent: 5, limitPercent: 10 },
      approval: null,
      catalogVersion: PC_VERSION,
      discountPercent: 8,
    });
    expect(preview.totalCents).toBe(preview.listTotalCents - preview.discountCents);
    expect(preview.discountCents).toBe(Math.ceil(preview.listTotalCents * 0.08));
    expect(preview.lines.at(-1)).toMatchObject({
      kind: 'discount',
      ref: 'staff',
      amountCents: -preview.discountCents,
    });

    const before = await counts();
    const over = await req(c.jars.sales, 'POST', url, { buildId, discountPercent: 8 });
    expect(over.statusCode).toBe(403);
    expect(over.json()).toMatchObject({
      error: {
        code: 'approval_required',
        details: { band: 'needs-approval', ownPercent: 5, limitPercent: 10 },
      },
    });
    const refused = await req(c.jars.sales, 'POST', url, { buildId, discountPercent: 12 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      error: { code: 'discount_refused', details: { band: 'refused' } },
    });
    const managerRefused = await req(c.jars.store_manager, 'POST', url, { buildId, discountPercent: 10.5 });
    expect(managerRefused.json()).toMatchObject({ error: { code: 'discount_refused' } });
    // A pending request, or a made-up id, approves nothing either.
    const pending = await insertApproval(db, {
      customerId: c.annaId,
      buildId,
      selections: budgetPc,
      discountPercent: 8,
      requestedBy: c.samId,
      status: 'pending',
      catalogVersion: PC_VERSION,
      at: h().clock.now,
    });
    for (const approvalRequestId of [pending, 'no-such-request'])
      expect(
        (await req(c.jars.sales, 'POST', url, { buildId, discountPercent: 8, approvalRequestId })).json(),
      ).toMatchObject({ error: { code: 'approval_required' } });
    const moved = await req(c.jars.sales, 'POST', url, {
      buildId,
      discountPercent: 4,
      expectedTotalCents: 1,
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({ error: { code: 'price_changed' } });
    expect(await counts()).toEqual(before);

    // The store manager's own authority reaches the tier's approval limit: within, stored without an approver.
    const granted = await makeQuote(app, c.jars.store_manager, c.annaId, { buildId, discountPercent: 8 });
    expect(latest(granted)).toMatchObject({
      revision: 1,
      discountPercent: 8,
      totalCents: preview.totalCents,
      channel: 'store',
      createdBy: { name: 'Mia', role: 'store_manager' },
      approvedBy: null,
    });
  });

  test('an approved request covering the terms lets sales store the quote, with its approver', async () => {
    const { app, db } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const proId = await saveBuild(app, c.jars.sales, c.annaId, proPc);
    const benBuild = await saveBuild(app, c.jars.sales, c.benId);
    const approval = (customerId: string, selections: object, discountPercent: number) =>
      insertApproval(db, {
        customerId,
        buildId,
        selections,
        discountPercent,
        requestedBy: c.samId,
        status: 'approved',
        decidedBy: c.miaId,
        catalogVersion: PC_VERSION,
        at: h().clock.now,
      });
    const url = `/api/store/customers/${c.annaId}/quotes`;
    const approved = await approval(c.annaId, budgetPc, 9);
    // Another customer's approval, or one for another build, does not cover these terms.
    const bens = await approval(c.benId, budgetPc, 9);
    const otherBuild = await approval(c.annaId, proPc, 9);
    const before = await counts();
    for (const approvalRequestId of [bens, otherBuild])
      expect(
        (await req(c.jars.sales, 'POST', url, { buildId, discountPercent: 8, approvalRequestId })).json(),
      ).toMatchObject({ error: { code: 'approval_required' } });
    expect(
      (
        await req(c.jars.sales, 'POST', url, { buildId, discountPercent: 9.5, approvalRequestId: approved })
      ).json(),
    ).toMatchObject({ error: { code: 'approval_required' } });
    expect(await counts()).toEqual(before);

    const preview = quotePreviewResponseSchema.parse(
      (await req(c.jars.sales, 'POST', `${url}/preview`, { buildId, discountPercent: 8 })).json(),
    );
    expect(preview.approval).toEqual({
      requestId: approved,
      discountPercent: 9,
      decidedBy: { name: 'Mia', role: 'store_manager' },
    });
    const group = await makeQuote(app, c.jars.sales, c.annaId, {
      buildId,
      discountPercent: 8,
      approvalRequestId: approved,
    });
    expect(latest(group)).toMatchObject({
      discountPercent: 8,
      createdBy: { name: 'Sam', role: 'sales' },
      approvedBy: { name: 'Mia', role: 'store_manager' },
      approvedAt: h().clock.now.toISOString(),
    });
    const row = await db
      .selectFrom('quotes')
      .selectAll()
      .where('id', '=', latest(group).id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      approval_request_id: approved,
      approved_by_user_id: c.miaId,
      discount_bp: 800,
    });
    // Ben's build is not Anna's: 404, and Anna's quote is not found under Ben.
    expect((await req(c.jars.sales, 'POST', url, { buildId: benBuild, discountPercent: 0 })).statusCode).toBe(
      404,
    );
    expect(
      (await req(c.jars.sales, 'GET', `/api/store/customers/${c.benId}/quotes/${group.groupId}`)).statusCode,
    ).toBe(404);
    expect(proId).not.toBe(buildId);
  });

  test('revisions: unchanged approved terms need no second approval, a changed option does; side by side with differences', async () => {
    const { app, db } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const proId = await saveBuild(app, c.jars.sales, c.annaId, proPc);
    const url = `/api/store/customers/${c.annaId}/quotes`;
    const approved = await insertApproval(db, {
      customerId: c.annaId,
      buildId,
      selections: budgetPc,
      discountPercent: 8,
      requestedBy: c.samId,
      status: 'approved',
      decidedBy: c.miaId,
      catalogVersion: PC_VERSION,
      at: h().clock.now,
    });
    const first = await makeQuote(app, c.jars.sales, c.annaId, {
      buildId,
      discountPercent: 8,
      approvalRequestId: approved,
    });
    const { groupId } = first;

    h().clock.now = new Date(h().clock.now.getTime() + 86_400_000);
    const preview = quotePreviewResponseSchema.parse(
      (await req(c.jars.sales, 'POST', `${url}/preview`, { buildId, discountPercent: 7, groupId })).json(),
    );
    expect(preview.approval?.requestId).toBe(approved);
    // The same build with a smaller discount: covered by the group's approval, which it keeps.
    const second = await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 7, groupId });
    expect(latest(second)).toMatchObject({ revision: 2, approvedBy: { name: 'Mia', role: 'store_manager' } });

    // Another option: the approval no longer covers it.
    const before = await counts();
    const changed = await req(c.jars.sales, 'POST', url, { buildId: proId, discountPercent: 7, groupId });
    expect(changed.json()).toMatchObject({ error: { code: 'approval_required' } });
    expect(await counts()).toEqual(before);
    h().clock.now = new Date(h().clock.now.getTime() + 60_000);
    const third = await makeQuote(app, c.jars.sales, c.annaId, {
      buildId: proId,
      discountPercent: 4,
      groupId,
    });
    expect(latest(third)).toMatchObject({ revision: 3, approvedBy: null, discountPercent: 4 });

    // Side by side, by the group id or any revision's id; the older revisions untouched and still valid.
    const byGroup = quoteGroupSchema.parse((await req(c.jars.sales, 'GET', `${url}/${groupId}`)).json());
    const byRevision = quoteGroupSchema.parse(
      (await req(c.jars.store_manager, 'GET', `${url}/${latest(second).id}`)).json(),
    );
    expect(byRevision).toEqual(byGroup);
    expect(byGroup.revisions.map((r) => [r.revision, r.discountPercent, r.valid])).toEqual([
      [1, 8, true],
      [2, 7, true],
      [3, 4, true],
    ]);
    const [r1, r2, r3] = byGroup.revisions;
    expect(byGroup.diffs).toEqual([
      {
        from: 1,
        to: 2,
        options: [],
        catalogVersion: null,
        discountPercent: { before: 8, after: 7 },
        totalCents: { before: r1?.totalCents, after: r2?.totalCents },
        validUntil: { before: r1?.validUntil, after: r2?.validUntil },
      },
      {
        from: 2,
        to: 3,
        options: [{ slot: 'os', before: ['os-win11-home'], after: ['os-win11-pro'] }],
        catalogVersion: null,
        discountPercent: { before: 7, after: 4 },
        totalCents: { before: r2?.totalCents, after: r3?.totalCents },
        validUntil: { before: r2?.validUntil, after: r3?.validUntil },
      },
    ]);
    const list = quoteGroupListSchema.parse((await req(c.jars.sales, 'GET', url)).json());
    expect(list.map((g) => g.groupId)).toEqual([groupId]);

    // The glance lists the group once, at its latest revision.
    const glance = relationshipResponseSchema.parse(
      (await req(c.jars.sales, 'GET', `/api/customers/${c.annaId}`)).json(),
    );
    expect(glance.quotes.map((q) => [q.id, q.totalCents])).toEqual([[r3?.id, r3?.totalCents]]);

    // The customer sees the same group with staff by first name and role, and no user id anywhere.
    const mine = await req(c.jars.customer, 'GET', '/api/me/quotes');
    expect(quoteGroupListSchema.parse(mine.json())).toEqual(list);
    for (const userId of [c.samId, c.miaId]) expect(mine.body).not.toContain(userId);
    expect(
      quoteGroupListSchema.parse((await req(c.jars['another customer'], 'GET', '/api/me/quotes')).json()),
    ).toEqual([]);

    // And reads in their timeline that staff made and revised a quote for them.
    const timeline = ownTimelineResponseSchema.parse(
      (await req(c.jars.customer, 'GET', '/api/me/timeline')).json(),
    );
    const quoteEntries = timeline.items.filter((i) => i.kind.startsWith('quote.'));
    expect(quoteEntries.map((i) => [i.kind, i.channel, i.actor, i.payload.revision])).toEqual([
      ['quote.revised', 'store', { who: 'staff', name: 'Sam', role: 'sales' }, 3],
      ['quote.revised', 'store', { who: 'staff', name: 'Sam', role: 'sales' }, 2],
      ['quote.created', 'store', { who: 'staff', name: 'Sam', role: 'sales' }, 1],
    ]);
  });

  test('a group of another customer is not found, and revising it stores nothing', async () => {
    const { app, db } = h();
    const c = await cast(app, db);
    const benBuild = await saveBuild(app, c.jars.sales, c.benId);
    const annaBuild = await saveBuild(app, c.jars.sales, c.annaId);
    const bens = await makeQuote(app, c.jars.sales, c.benId, { buildId: benBuild, discountPercent: 0 });
    const before = await counts();
    const res = await req(c.jars.sales, 'POST', `/api/store/customers/${c.annaId}/quotes`, {
      buildId: annaBuild,
      discountPercent: 0,
      groupId: bens.groupId,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'quote_not_found' } });
    expect(await counts()).toEqual(before);
  });

  test('two revisions of one group at the same moment never share a number; a loser is told to reload', async () => {
    const { app, db } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const { groupId } = await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 0 });
    const url = `/api/store/customers/${c.annaId}/quotes`;
    const results = await Promise.all([
      req(c.jars.sales, 'POST', url, { buildId, discountPercent: 1, groupId }),
      req(c.jars.store_manager, 'POST', url, { buildId, discountPercent: 2, groupId }),
    ]);
    // Whether the two interleave depends on timing: either both are stored as 2 and 3, or one is refused.
    const stored = results.filter((r) => r.statusCode === 201).length;
    for (const r of results.filter((r) => r.statusCode !== 201))
      expect({ status: r.statusCode, body: r.json() }).toMatchObject({
        status: 409,
        body: { error: { code: 'quote_conflict' } },
      });
    const group = quoteGroupSchema.parse((await req(c.jars.sales, 'GET', `${url}/${groupId}`)).json());
    expect(group.revisions.map((r) => r.revision)).toEqual([1, 2, 3].slice(0, 1 + stored));
    const logged = await db
      .selectFrom('interactions')
      .select('kind')
      .where('kind', 'in', ['quote.created', 'quote.revised'])
      .execute();
    expect(logged).toHaveLength(group.revisions.length);
  });

  test('through the approvals routes: Sam asks, Mia approves, Sam stores the quote with Mia as approver', async () => {
    const { app, db } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const asked = await req(c.jars.sales, 'POST', `/api/store/customers/${c.annaId}/approval-requests`, {
      buildId,
      discountPercent: 9,
      note: 'Loyal customer',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = asked.json<{ id: string }>().id;
    const url = `/api/store/customers/${c.annaId}/quotes`;
    // Still pending: not yet.
    expect(
      (
        await req(c.jars.sales, 'POST', url, { buildId, discountPercent: 9, approvalRequestId: requestId })
      ).json(),
    ).toMatchObject({ error: { code: 'approval_required' } });
    const decided = await req(c.jars.store_manager, 'POST', `/api/store/approvals/${requestId}/decision`, {
      decision: 'approve',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const preview = quotePreviewResponseSchema.parse(
      (await req(c.jars.sales, 'POST', `${url}/preview`, { buildId, discountPercent: 9 })).json(),
    );
    expect(preview).toMatchObject({ band: 'needs-approval', approval: { requestId, discountPercent: 9 } });
    const group = await makeQuote(app, c.jars.sales, c.annaId, {
      buildId,
      discountPercent: 9,
      approvalRequestId: requestId,
    });
    expect(latest(group)).toMatchObject({
      discountPercent: 9,
      totalCents: preview.totalCents,
      approvedBy: { name: 'Mia', role: 'store_manager' },
    });
  });
});
