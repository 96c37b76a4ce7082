import { describe, expect, it } from 'vitest';
import {
  approvalQueueSchema,
  approvalRequestSchema,
  type ApprovalRequest,
  type QuoteGroup,
} from '../../src/contract/store-quotes.schema.ts';
import { insertQuoteRevision } from '../../src/server/store/quote-revisions.repository.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, PC_VERSION, signInStaff, signUp, useApp } from './harness.ts';
import { openEventStream } from './store-events-client.ts';

type Role = 'guest' | 'customer' | 'another customer' | 'sales' | 'store_manager' | 'catalog';

/** A better warranty: a second valid build of the same customer, for "what changed since the approval". */
const betterWarrantyPc = { ...budgetPc, warranty: { 'svc-3y-collect-return': 1 } };

describe.each(testDatabases)('approvals on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  const call = (jar: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h().app.inject({ method, url, headers: jar ? { cookie: jar } : {}, ...(payload ? { payload } : {}) });

  /** A new customer (tier "Customer": sales 5 % alone, managers up to 10 %) with a saved build, and every role. */
  async function cast() {
    const { app, db } = h();
    const customer = await signUp(app, { email: 'anna@example.com' });
    const saved = await call(customer.jar, 'POST', '/api/builds', {
      name: 'Budget',
      catalogId: 'pc',
      selections: budgetPc,
    });
    expect(saved.statusCode).toBe(201);
    const jars: Record<Role, string> = {
      guest: '',
      customer: customer.jar,
      'another customer': (await signUp(app, { email: 'ben@example.com' })).jar,
      sales: await signInStaff(app, db, 'sales'),
      store_manager: await signInStaff(app, db, 'store_manager', 'Mia Novak'),
      catalog: await signInStaff(app, db, 'catalog'),
    };
    return {
      customerId: customer.me.customer.id,
      customerJar: customer.jar,
      buildId: saved.json<{ id: string }>().id,
      jars,
    };
  }

  const ask = (jar: string, customerId: string, payload: object) =>
    call(jar, 'POST', `/api/store/customers/${customerId}/approval-requests`, payload);
  const decide = (jar: string, requestId: string, payload: object) =>
    call(jar, 'POST', `/api/store/approvals/${requestId}/decision`, payload);
  const statusOf = async (requestId: string) =>
    (
      await h()
        .db.selectFrom('approval_requests')
        .select('status')
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow()
    ).status;

  test('every route × role: guests 401, customers and catalog 403, staff and managers as declared', async () => {
    const { db } = h();
    const { customerId, buildId, jars } = await cast();
    const roles = Object.keys(jars) as Role[];
    const refused = { guest: 401, customer: 403, 'another customer': 403, catalog: 403 } as const;

    // Asking: sales with 8 % (above their 5 %) gets 201; a manager's 8 % is within their own authority: 409.
    const askExpected: Record<Role, number> = { ...refused, sales: 201, store_manager: 409 };
    for (const role of roles) {
      const before = await countRows(db, 'approval_requests');
      const res = await ask(jars[role], customerId, { buildId, discountPercent: 8 });
      expect({ role, status: res.statusCode }).toEqual({ role, status: askExpected[role] });
      expect(await countRows(db, 'approval_requests')).toBe(before + (res.statusCode === 201 ? 1 : 0));
    }
    const [pending] = await db.selectFrom('approval_requests').select('id').execute();
    if (!pending) throw new Error('no request stored');

    const reads = [
      { url: `/api/store/customers/${customerId}/approval-requests`, ok: { sales: 200, store_manager: 200 } },
      { url: '/api/store/approvals?status=pending', ok: { sales: 403, store_manager: 200 } },
      { url: '/api/store/approvals?status=decided', ok: { sales: 403, store_manager: 200 } },
    ];
    for (const read of reads)
      for (const role of roles) {
        const res = await call(jars[role], 'GET', read.url);
        const expected: Record<Role, number> = { ...refused, ...read.ok };
        expect({ role, url: read.url, status: res.statusCode }).toEqual({
          role,
          url: read.url,
          status: expected[role],
        });
      }

    // The event stream refuses before it opens (allowed roles are streamed over a real socket, below).
    for (const role of ['guest', 'customer', 'another customer', 'catalog'] as const) {
      const res = await call(jars[role], 'GET', '/api/store/events');
      expect({ role, status: res.statusCode }).toEqual({ role, status: refused[role] });
    }

    // Deciding: only a store manager; everyone else leaves the request pending and logs nothing.
    for (const role of roles.filter((r) => r !== 'store_manager')) {
      const interactions = await countRows(db, 'interactions');
      const res = await decide(jars[role], pending.id, { decision: 'approve' });
      expect({ role, status: res.statusCode }).toEqual({
        role,
        status: role === 'sales' ? 403 : refused[role as keyof typeof refused],
      });
      expect(await statusOf(pending.id)).toBe('pending');
      expect(await countRows(db, 'interactions')).toBe(interactions);
    }
    const approved = await decide(jars.store_manager, pending.id, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approvalRequestSchema.parse(approved.json())).toMatchObject({
      status: 'approved',
      decidedBy: { name: 'Mia Novak', role: 'store_manager' },
    });
  });

  test('a discount within authority needs no approval, one above the managers’ limit is refused: nothing stored', async () => {
    const { db } = h();
    const { customerId, buildId, jars } = await cast();
    const counts = async () => [
      await countRows(db, 'approval_requests'),
      await countRows(db, 'interactions'),
    ];
    const before = await counts();

    const within = await ask(jars.sales, customerId, { buildId, discountPercent: 3 });
    expect(within.statusCode).toBe(409);
    expect(within.json().error.code).toBe('approval_not_needed');
    const beyond = await ask(jars.sales, customerId, { buildId, discountPercent: 15 });
    expect(beyond.statusCode).toBe(403);
    expect(beyond.json().error.code).toBe('discount_refused');
    const managerBeyond = await ask(jars.store_manager, customerId, { buildId, discountPercent: 10.5 });
    expect(managerBeyond.statusCode).toBe(403);
    expect(await counts()).toEqual(before);

    // Someone else's build, or a quote group of another customer, is not this customer's to discount.
    const other = await ask(jars.sales, customerId, { buildId: 'no-such-build', discountPercent: 8 });
    expect(other.statusCode).toBe(404);
    const group = await ask(jars.sales, customerId, {
      buildId,
      discountPercent: 8,
      groupId: 'no-such-group',
    });
    expect(group.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  test('a request stores the exact terms the server priced, staff-only in the timeline', async () => {
    const { db } = h();
    const { customerId, customerJar, buildId, jars } = await cast();
    const res = await ask(jars.sales, customerId, { buildId, discountPercent: 7.5, note: 'Loyal family' });
    expect(res.statusCode).toBe(201);
    const request = approvalRequestSchema.parse(res.json());
    expect(request).toMatchObject({
      status: 'pending',
      buildId,
      catalogId: 'pc',
      catalogVersion: PC_VERSION,
      selections: budgetPc,
      discountPercent: 7.5,
      note: 'Loyal family',
      requestedBy: { name: 'Staff sales', role: 'sales' },
      customer: { id: customerId, tier: 'Customer', lifetimeRevenueCents: 0 },
      decidedBy: null,
      sincePrevious: null,
    });
    // 7.5 % of the customer's price, rounded towards the customer.
    expect(request.totalCents).toBe(request.listTotalCents - Math.ceil(request.listTotalCents * 0.075));
    const row = await db.selectFrom('approval_requests').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ discount_bp: 750, total_cents: request.totalCents });

    const staffTimeline = await call(jars.sales, 'GET', `/api/customers/${customerId}/timeline`);
    expect(staffTimeline.json().items.map((i: { kind: string }) => i.kind)).toContain('approval.requested');
    const own = await call(customerJar, 'GET', '/api/me/timeline');
    expect(own.statusCode).toBe(200);
    const ownKinds = own.json().items.map((i: { kind: string }) => i.kind);
    expect(ownKinds).toContain('build.saved');
    expect(ownKinds).not.toContain('approval.requested');
    // Left out by the query, not after it: a page of one still holds an entry though the newest is the request.
    const firstPage = await call(customerJar, 'GET', '/api/me/timeline?limit=1');
    expect(firstPage.json().items).toEqual([expect.objectContaining({ kind: ownKinds[0] })]);

    const listed = await call(jars.sales, 'GET', `/api/store/customers/${customerId}/approval-requests`);
    expect(approvalQueueSchema.parse(listed.json()).map((r) => r.id)).toEqual([request.id]);
  });

  test('asking twice (a double click, at once or after): one pending request, one line in the queue and the timeline', async () => {
    const { db } = h();
    const { customerId, buildId, jars } = await cast();
    const interactions = await countRows(db, 'interactions');
    const [first, second] = await Promise.all([
      ask(jars.sales, customerId, { buildId, discountPercent: 8 }),
      ask(jars.sales, customerId, { buildId, discountPercent: 8 }),
    ]);
    expect([first?.statusCode, second?.statusCode].sort()).toEqual([200, 201]);
    const again = await ask(jars.sales, customerId, { buildId, discountPercent: 8 });
    expect(again.statusCode).toBe(200);
    const ids = [first, second, again].map((r) => approvalRequestSchema.parse(r?.json()).id);
    expect(new Set(ids).size).toBe(1);
    expect(await countRows(db, 'approval_requests')).toBe(1);
    expect(await countRows(db, 'interactions')).toBe(interactions + 1);
    // Another discount is another question.
    expect((await ask(jars.sales, customerId, { buildId, discountPercent: 9 })).statusCode).toBe(201);
    // Once decided, the same terms may be asked again.
    const [id] = ids;
    if (!id) throw new Error('no request');
    expect(
      (await decide(jars.store_manager, id, { decision: 'refuse', reason: 'Not this month' })).statusCode,
    ).toBe(200);
    expect((await ask(jars.sales, customerId, { buildId, discountPercent: 8 })).statusCode).toBe(201);
  });

  test('two managers deciding the same request at once: one decision stands, the other is told which', async () => {
    const { app, db } = h();
    const { customerId, buildId, jars } = await cast();
    const second = await signInStaff(app, db, 'store_manager', 'Max Weber');
    const asked = await ask(jars.sales, customerId, { buildId, discountPercent: 8 });
    const requestId = asked.json<ApprovalRequest>().id;

    const [a, b] = await Promise.all([
      decide(jars.store_manager, requestId, { decision: 'approve' }),
      decide(second, requestId, { decision: 'refuse', reason: 'Margin too thin' }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 200 ? b : a;
    const stood = approvalRequestSchema.parse(winner.json());
    expect(loser.json().error).toMatchObject({
      code: 'already_decided',
      details: {
        requestId,
        status: stood.status,
        decidedBy: stood.decidedBy?.name,
        decidedAt: stood.decidedAt,
        reason: stood.reason,
      },
    });
    expect(await statusOf(requestId)).toBe(stood.status);
    // One decision, one entry in the timeline.
    const decided = await db
      .selectFrom('interactions')
      .select('id')
      .where('kind', '=', 'approval.decided')
      .execute();
    expect(decided).toHaveLength(1);
  });

  test('refusing needs a reason (400 names it); the request stays pending', async () => {
    const { customerId, buildId, jars } = await cast();
    const asked = await ask(jars.sales, customerId, { buildId, discountPercent: 8 });
    const requestId = asked.json<ApprovalRequest>().id;
    for (const payload of [{ decision: 'refuse' }, { decision: 'refuse', reason: '   ' }]) {
      const res = await decide(jars.store_manager, requestId, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues).toEqual([{ path: 'body.reason', message: expect.any(String) }]);
    }
    expect(await statusOf(requestId)).toBe('pending');
    const refused = await decide(jars.store_manager, requestId, { decision: 'refuse', reason: 'Too much' });
    expect(refused.json()).toMatchObject({ status: 'refused', reason: 'Too much' });
    const unknown = await decide(jars.store_manager, 'no-such-request', { decision: 'approve' });
    expect(unknown.statusCode).toBe(404);
  });

  test('the queue: oldest pending first, with the customer’s value and what changed since the last approval', async () => {
    const { db, clock } = h();
    const { customerId, customerJar, buildId, jars } = await cast();
    // A purchase gives the customer a lifetime value the manager weighs.
    const order = await call(customerJar, 'POST', '/api/orders', { catalogId: 'pc', selections: budgetPc });
    expect(order.statusCode).toBe(201);
    // Paid: only sales count towards value.
    const paid = await call(jars.sales, 'POST', `/api/orders/${order.json().id}/status`, { to: 'paid' });
    expect(paid.statusCode).toBe(200);
    const better = await call(customerJar, 'POST', '/api/builds', {
      name: 'Better warranty',
      catalogId: 'pc',
      selections: betterWarrantyPc,
    });
    expect(better.statusCode).toBe(201);
    const groupId = 'quote-group-1';
    await insertQuoteRevision(db, {
      id: groupId,
      groupId,
      revision: 1,
      customerId,
      buildId,
      catalogId: 'pc',
      catalogVersion: PC_VERSION,
      selections: budgetPc,
      lines: [],
      currency: 'EUR',
      listTotalCents: 100_000,
      discountBp: 0,
      totalCents: 100_000,
      createdAt: clock.now.toISOString(),
      validUntil: '2026-12-20T12:00:00.000Z',
      channel: 'store',
      createdByUserId: null,
      approvalRequestId: null,
      approvedByUserId: null,
      approvedAt: null,
    });

    const first = await ask(jars.sales, customerId, { buildId, discountPercent: 7, groupId });
    expect(first.statusCode).toBe(201);
    const firstId = first.json<ApprovalRequest>().id;
    expect((await decide(jars.store_manager, firstId, { decision: 'approve' })).statusCode).toBe(200);

    clock.now = new Date(clock.now.getTime() + 60_000);
    const otherCustomer = await signUp(h().app, { email: 'carl@example.com' });
    const otherBuild = await call(otherCustomer.jar, 'POST', '/api/builds', {
      name: 'Carl',
      catalogId: 'pc',
      selections: budgetPc,
    });
    const carl = await ask(jars.sales, otherCustomer.me.customer.id, {
      buildId: otherBuild.json<{ id: string }>().id,
      discountPercent: 6,
    });
    expect(carl.statusCode).toBe(201);
    clock.now = new Date(clock.now.getTime() + 60_000);
    const revised = await ask(jars.sales, customerId, {
      buildId: better.json<{ id: string }>().id,
      discountPercent: 9,
      groupId,
    });
    expect(revised.statusCode).toBe(201);

    const queue = approvalQueueSchema.parse(
      (await call(jars.store_manager, 'GET', '/api/store/approvals?status=pending')).json(),
    );
    expect(queue.map((r) => r.id)).toEqual([
      carl.json<ApprovalRequest>().id,
      revised.json<ApprovalRequest>().id,
    ]);
    const [, second] = queue;
    expect(second?.customer.lifetimeRevenueCents).toBe(order.json<{ totalCents: number }>().totalCents);
    expect(second?.customer.lifetimeMarginCents).toBeGreaterThan(0);
    expect(second?.sincePrevious).toEqual({
      requestId: firstId,
      discountPercent: { before: 7, after: 9 },
      options: [{ slot: 'warranty', before: ['svc-2y-carry-in'], after: ['svc-3y-collect-return'] }],
    });
    expect(queue[0]?.sincePrevious).toBeNull();

    const decided = approvalQueueSchema.parse(
      (await call(jars.store_manager, 'GET', '/api/store/approvals?status=decided')).json(),
    );
    expect(decided.map((r) => [r.id, r.status])).toEqual([[firstId, 'approved']]);
  });

  test('live events over a real socket: managers hear every request, a salesperson only the decision on their own', async () => {
    const { app, db } = h();
    const { customerId, buildId, jars } = await cast();
    const otherSales = await signInStaff(app, db, 'sales');
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const manager = await openEventStream(address, jars.store_manager);
    const sales = await openEventStream(address, jars.sales);
    const other = await openEventStream(address, otherSales);
    try {
      const asked = await ask(jars.sales, customerId, { buildId, discountPercent: 8 });
      const requestId = asked.json<ApprovalRequest>().id;
      const requested = await manager.next();
      expect(requested).toMatchObject({
        kind: 'approval.requested',
        request: { id: requestId, status: 'pending' },
      });

      expect((await decide(jars.store_manager, requestId, { decision: 'approve' })).statusCode).toBe(200);
      expect(await manager.next()).toMatchObject({ kind: 'approval.decided', request: { id: requestId } });
      // The requesting salesperson's first event is the decision: they never heard the request itself.
      expect(await sales.next()).toMatchObject({
        kind: 'approval.decided',
        request: { id: requestId, status: 'approved', decidedBy: { name: 'Mia Novak' } },
      });

      // The other salesperson's first event is the decision on their own later request, not Sam's.
      const theirs = await ask(otherSales, customerId, { buildId, discountPercent: 9 });
      const theirId = theirs.json<ApprovalRequest>().id;
      await decide(jars.store_manager, theirId, { decision: 'refuse', reason: 'No' });
      expect(await other.next()).toMatchObject({ kind: 'approval.decided', request: { id: theirId } });
    } finally {
      manager.close();
      sales.close();
      other.close();
    }
  });

  test('closing the server ends the open event streams (they would otherwise hold it open)', async () => {
    const { app } = h();
    const { jars } = await cast();
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openEventStream(address, jars.store_manager);
    await app.close();
    await stream.ended;
  });

  test('through the routes: asked, approved, quoted with the approval, revised without a second one', async () => {
    const { customerId, buildId, jars } = await cast();
    const quotes = `/api/store/customers/${customerId}/quotes`;
    const asked = await ask(jars.sales, customerId, { buildId, discountPercent: 8 });
    const requestId = asked.json<ApprovalRequest>().id;
    // Not yet approved: the quote is refused.
    const early = await call(jars.sales, 'POST', quotes, {
      buildId,
      discountPercent: 8,
      approvalRequestId: requestId,
    });
    expect(early.statusCode).toBe(403);
    expect((await decide(jars.store_manager, requestId, { decision: 'approve' })).statusCode).toBe(200);

    const quoted = await call(jars.sales, 'POST', quotes, {
      buildId,
      discountPercent: 8,
      approvalRequestId: requestId,
    });
    expect(quoted.statusCode).toBe(201);
    const group = quoted.json<QuoteGroup>();
    expect(group.revisions.at(-1)).toMatchObject({
      discountPercent: 8,
      approvedBy: { name: 'Mia', role: 'store_manager' }, // quotes name staff by first name
    });
    // The same terms revised (a smaller discount) need no second approval.
    const revised = await call(jars.sales, 'POST', quotes, {
      buildId,
      discountPercent: 7,
      groupId: group.groupId,
    });
    expect(revised.statusCode).toBe(201);
    expect(revised.json<QuoteGroup>().revisions.map((r) => r.revision)).toEqual([1, 2]);

    // A larger discount on the group asks again, and the manager sees what changed since the approval.
    const again = await ask(jars.sales, customerId, {
      buildId,
      discountPercent: 9.5,
      groupId: group.groupId,
    });
    expect(again.statusCode).toBe(201);
    expect(again.json<ApprovalRequest>().sincePrevious).toEqual({
      requestId,
      discountPercent: { before: 8, after: 9.5 },
      options: [],
    });
  });
});
