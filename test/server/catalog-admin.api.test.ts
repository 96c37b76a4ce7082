import { describe, expect, it } from 'vitest';
import {
  adminCatalogListSchema,
  draftCheckResponseSchema,
  draftConflictResponseSchema,
  draftSchema,
  findingKey,
  rollbackResponseSchema,
} from '../../src/contract/catalog-admin.schema.ts';
import { changedPaths, mergeJson } from '../../src/core/catalog-edit/json-merge.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, PC_VERSION, signInStaff, signUp, useApp } from './harness.ts';

type Doc = Record<string, unknown>;
interface SlotDoc {
  id: string;
  options: { id: string; price: number; name: string }[];
}
const DAY = 86_400_000;

/** The document with one option's field changed (a copy). */
function edited(doc: Doc, slotId: string, change: (o: SlotDoc['options'][number]) => void): Doc {
  const copy = structuredClone(doc);
  const slot = (copy.slots as SlotDoc[]).find((s) => s.id === slotId);
  const option = slot?.options[0];
  if (!option) throw new Error(`no slot ${slotId}`);
  change(option);
  return copy;
}
const repriced = (doc: Doc) => edited(doc, 'case', (o) => (o.price += 10));

describe.each(testDatabases)('catalog versions and drafts on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);
  const call = (jar: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    h().app.inject({ method, url, headers: { cookie: jar }, ...(payload ? { payload } : {}) });
  const admin = '/api/catalog-admin';

  async function newDraft(jar: string, from?: object) {
    // A minute after the catalog files were recorded: "now" is then a later moment than their effective date.
    h().clock.now = new Date(Date.parse('2026-11-20T12:01:00.000Z'));
    const res = await call(jar, 'POST', `${admin}/catalogs/pc/drafts`, { title: 'Spring prices', from });
    expect(res.statusCode, res.body).toBe(201);
    return draftSchema.parse(res.json());
  }
  const save = (jar: string, id: string, baseRevision: number, document: Doc) =>
    call(jar, 'PUT', `${admin}/drafts/${id}`, { baseRevision, document });
  /** Checks the draft, then publishes it with every warning acknowledged. */
  async function publish(jar: string, id: string, extra: object = {}) {
    const checked = draftCheckResponseSchema.parse(
      (await call(jar, 'POST', `${admin}/drafts/${id}/check`)).json(),
    );
    const acknowledged = checked.findings.filter((f) => f.severity === 'warning').map(findingKey);
    return call(jar, 'POST', `${admin}/drafts/${id}/publish`, {
      revision: checked.revision,
      note: 'New case prices',
      acknowledged,
      ...extra,
    });
  }
  const livePc = async () => (await h().app.inject({ method: 'GET', url: '/api/catalogs/pc' })).json();

  test('two saves from the same base: the second is refused with what changed, nothing is lost, and it merges', async () => {
    const { app, db } = h();
    const cara = await signInStaff(app, db, 'catalog', 'Cara Lindqvist');
    const colleague = await signInStaff(app, db, 'catalog', 'Carl Berg');
    const draft = await newDraft(cara);
    expect(draft).toMatchObject({ revision: 1, baseVersion: PC_VERSION, issues: [] });
    const base = draft.document;
    const theirs = edited(base, 'gpu', (o) => (o.name = 'Arc B570 (new name)'));
    const mine = repriced(base);

    const first = await save(colleague, draft.id, 1, theirs);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ revision: 2, updatedBy: { name: 'Carl Berg' } });

    const second = await save(cara, draft.id, 1, mine);
    expect(second.statusCode).toBe(409);
    const conflict = draftConflictResponseSchema.parse(second.json());
    expect(conflict.error.code).toBe('draft_conflict');
    expect(conflict.current).toMatchObject({ revision: 2, document: theirs });
    expect(conflict.changedPaths).toEqual(changedPaths(base, theirs));
    expect(conflict.changedPaths).toEqual(['$.slots["gpu"].options["gpu-intel-arc-b570-sparkle"].name']);
    // Nothing lost: what is stored is the first save.
    const stored = draftSchema.parse((await call(cara, 'GET', `${admin}/drafts/${draft.id}`)).json());
    expect(stored).toMatchObject({ revision: 2, document: theirs });

    const { merged, conflicts } = mergeJson(base, mine, conflict.current.document);
    expect(conflicts).toEqual([]);
    const third = await save(cara, draft.id, 2, merged as Doc);
    expect(third.statusCode, third.body).toBe(200);
    const both = draftSchema.parse((await call(cara, 'GET', `${admin}/drafts/${draft.id}`)).json());
    expect(both.revision).toBe(3);
    expect(changedPaths(base, both.document).sort()).toEqual(
      [...changedPaths(base, theirs), ...changedPaths(base, mine)].sort(),
    );
  });

  test('two saves at once from one base: exactly one is stored', async () => {
    const { app, db } = h();
    const cara = await signInStaff(app, db, 'catalog');
    const draft = await newDraft(cara);
    const a = repriced(draft.document);
    const b = edited(draft.document, 'gpu', (o) => (o.price += 1));
    const replies = await Promise.all([save(cara, draft.id, 1, a), save(cara, draft.id, 1, b)]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = replies[0]?.statusCode === 200 ? a : b;
    const stored = draftSchema.parse((await call(cara, 'GET', `${admin}/drafts/${draft.id}`)).json());
    expect(stored).toMatchObject({ revision: 2, document: winner });
    expect(await countRows(db, 'catalog_draft_revisions')).toBe(2);
  });

  test('publishing now makes the new version the one the shop serves; the draft is gone', async () => {
    const { app, db } = h();
    const cara = await signInStaff(app, db, 'catalog', 'Cara Lindqvist');
    const draft = await newDraft(cara);
    const oldPrice = (await livePc()).slots[0].options[0].price as number;
    expect((await save(cara, draft.id, 1, repriced(draft.document))).statusCode).toBe(200);
    const res = await publish(cara, draft.id);
    expect(res.statusCode, res.body).toBe(201);
    // Named by the server after the effective date's month: the clock says 2026-11-20.
    expect(res.json()).toMatchObject({
      version: '2026.11.0',
      status: 'live',
      note: 'New case prices',
      publishedBy: { name: 'Cara Lindqvist' },
    });
    const live = await livePc();
    expect(live.version).toBe('2026.11.0');
    expect(live.slots[0].options[0].price).toBe(oldPrice + 10);
    expect((await call(cara, 'GET', `${admin}/drafts/${draft.id}`)).statusCode).toBe(404);
    const [pc] = adminCatalogListSchema
      .parse((await call(cara, 'GET', `${admin}/catalogs`)).json())
      .filter((c) => c.id === 'pc');
    expect(pc?.live).toBe('2026.11.0');
    expect(pc?.versions.map((v) => [v.version, v.status])).toEqual(
      expect.arrayContaining([
        ['2026.11.0', 'live'],
        [PC_VERSION, 'retired'],
      ]),
    );
    // The retired version is still served by name to anyone (saved builds open on it), without cost prices.
    const retired = await app.inject({ method: 'GET', url: `/api/catalogs/pc/versions/${PC_VERSION}` });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ version: PC_VERSION, slots: expect.any(Array) });
    expect(retired.body).not.toContain('"cost"');
    expect(retired.json().slots[0].options[0].price).toBe(oldPrice);
    expect((await app.inject({ method: 'GET', url: '/api/catalogs/pc/versions/1999.1.0' })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ method: 'GET', url: '/api/catalogs/pc/versions/latest' })).statusCode).toBe(
      400,
    );
  });

  test('a scheduled version goes live when the clock passes its date', async () => {
    const { app, db, clock } = h();
    const cara = await signInStaff(app, db, 'catalog');
    const draft = await newDraft(cara);
    await save(cara, draft.id, 1, repriced(draft.document));
    const effectiveAt = new Date(clock.now.getTime() + 2 * DAY).toISOString();
    const res = await publish(cara, draft.id, { effectiveAt });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: '2026.11.0', status: 'scheduled', effectiveAt });
    expect((await livePc()).version).toBe(PC_VERSION);
    clock.now = new Date(clock.now.getTime() + 3 * DAY);
    expect((await livePc()).version).toBe('2026.11.0');
  });

  test('rollback: the previous version is live again and the withdrawn one comes back as a draft', async () => {
    const { app, db } = h();
    const cara = await signInStaff(app, db, 'catalog');
    const draft = await newDraft(cara);
    await save(cara, draft.id, 1, repriced(draft.document));
    expect((await publish(cara, draft.id)).statusCode).toBe(201);
    const res = await call(cara, 'POST', `${admin}/catalogs/pc/rollback`, { version: '2026.11.0' });
    expect(res.statusCode, res.body).toBe(200);
    const back = rollbackResponseSchema.parse(res.json());
    expect(back).toMatchObject({
      live: PC_VERSION,
      draft: { title: 'Rollback of 2026.11.0', baseVersion: '2026.11.0' },
    });
    expect((await livePc()).version).toBe(PC_VERSION);
    const again = await call(cara, 'POST', `${admin}/catalogs/pc/rollback`, { version: '2026.11.0' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'live_version_changed',
      details: { liveVersion: PC_VERSION },
    });
    const only = await call(cara, 'POST', `${admin}/catalogs/pc/rollback`, { version: PC_VERSION });
    expect(only.json().error.code).toBe('no_previous_version');
    const list = adminCatalogListSchema.parse((await call(cara, 'GET', `${admin}/catalogs`)).json());
    expect(list.find((c) => c.id === 'pc')?.versions.find((v) => v.version === '2026.11.0')?.status).toBe(
      'withdrawn',
    );
  });

  test('sales staff and customers are refused (403), and nothing is stored', async () => {
    const { app, db } = h();
    const sales = await signInStaff(app, db, 'sales');
    const { jar: customer } = await signUp(app);
    for (const jar of [sales, customer]) {
      expect((await call(jar, 'GET', `${admin}/catalogs`)).statusCode).toBe(403);
      const create = await call(jar, 'POST', `${admin}/catalogs/pc/drafts`, { title: 'x' });
      expect(create.statusCode).toBe(403);
    }
    expect((await call('', 'GET', `${admin}/catalogs`)).statusCode).toBe(401);
    expect(await countRows(db, 'catalog_drafts')).toBe(0);
  });

  test('a draft with an error finding is not published (422), nor one with a warning not acknowledged (409)', async () => {
    const { app, db } = h();
    const cara = await signInStaff(app, db, 'catalog');
    const draft = await newDraft(cara);
    const pcRules = draft.document.rules as object[];
    // A rule that no build can meet: nothing can be built.
    const never = {
      id: 'never',
      kind: 'excludes',
      all: [
        { slot: 'cpu', attr: 'tdp', op: '>=', value: 0 },
        { slot: 'cpu', attr: 'tdp', op: '<', value: 100_000 },
      ],
    };
    await save(cara, draft.id, 1, { ...draft.document, rules: [...pcRules, never] });
    const refused = await publish(cara, draft.id);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.code).toBe('draft_has_errors');
    expect(refused.json().error.issues, refused.body).toBeUndefined();
    expect(refused.json().findings.map((f: { kind: string }) => f.kind)).toContain('void');

    await save(cara, draft.id, 2, { ...draft.document, rules: pcRules });
    const unread = await call(cara, 'POST', `${admin}/drafts/${draft.id}/publish`, {
      revision: 3,
      note: 'x',
    });
    expect(unread.statusCode).toBe(409);
    expect(unread.json().error.code).toBe('unacknowledged_warnings');
    expect(unread.json().error.issues.map((i: { path: string }) => i.path)).toContain(
      'always-holds:sata-ports',
    );
    expect(await countRows(db, 'catalog_versions')).toBe(2);
  });

  test('a quote still valid is ordered at its price on its retired version; a plain order there is refused', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    const build = (
      await call(jar, 'POST', '/api/builds', { name: 'Mine', catalogId: 'pc', selections: budgetPc })
    ).json<{ id: string }>();
    const quote = (await call(jar, 'POST', '/api/quotes', { buildId: build.id })).json<{
      id: string;
      totalCents: number;
    }>();
    const cara = await signInStaff(app, db, 'catalog');
    const draft = await newDraft(cara);
    await save(cara, draft.id, 1, repriced(draft.document));
    expect((await publish(cara, draft.id)).statusCode).toBe(201);

    const plain = await call(jar, 'POST', '/api/orders', { buildId: build.id });
    expect(plain.statusCode).toBe(409);
    expect(plain.json().error).toMatchObject({
      code: 'catalog_version_not_live',
      details: { liveVersion: '2026.11.0' },
    });
    const accepted = await call(jar, 'POST', `/api/me/quotes/${quote.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ catalogVersion: PC_VERSION, totalCents: quote.totalCents });
    // The saved build still opens on its own version.
    const opened = await call(jar, 'GET', `/api/builds/${build.id}`);
    expect(opened.json()).toMatchObject({ catalogVersion: PC_VERSION });
    const [pc] = adminCatalogListSchema
      .parse((await call(cara, 'GET', `${admin}/catalogs`)).json())
      .filter((c) => c.id === 'pc');
    expect(pc?.versions.find((v) => v.version === PC_VERSION)?.buildCount).toBe(3); // build, quote, order
  });
});
