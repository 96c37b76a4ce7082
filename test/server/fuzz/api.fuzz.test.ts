import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { FastifySchema, HTTPMethods, RouteOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { errorResponseSchema } from '../../../src/contract/errors.schema.ts';
import { buildApp } from '../../../src/server/app.ts';
import { loadCatalogRegistry } from '../../../src/server/catalogs/registry.ts';
import { HttpError } from '../../../src/server/errors.ts';
import { zodValidatorCompiler } from '../../../src/server/plugins/zod.ts';
import { recordLoadedCatalogs } from '../../../src/server/store/seed.ts';
import { openMigratedSqlite } from '../databases.ts';
import { PC_VERSION, signInStaff, signUp } from '../harness.ts';
import { anyValue, leafCandidates, mutate, mutationOf, sampleOf } from './zod-sample.ts';

/**
 * Bad input at the HTTP boundary, fuzzed. Every route the app registers (seen through `onRoute`, so a new route is
 * covered without touching this file) that takes params, a query or a body:
 *  1. its zod validators, exactly as Fastify calls them, get FUZZ_RUNS (10,000) cases per body and a tenth of that
 *     per params and querystring — arbitrary JSON, odd values, and a valid sample with one path replaced, removed or
 *     joined by an unknown key: no throw; a refusal is a 400 `invalid_request` whose message names every failing
 *     path (`body.events[0].slotId`);
 *  2. FUZZ_INJECT_RUNS (10) requests per route, each with one part broken that way, go through `app.inject` as a
 *     caller the route admits: never a 5xx, every 4xx is `{ error: { code, message } }` (a 400 naming its paths),
 *     and a refused request leaves every table as it was.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Params and queries are ids and paging (a 1–3 field strict object): a tenth of the body's cases cover them. */
const SMALL_RUNS = Math.ceil(RUNS / 10);
const INJECT_RUNS = Number(process.env.FUZZ_INJECT_RUNS ?? 10);
const PARTS = ['params', 'querystring', 'body'] as const;
type Part = (typeof PARTS)[number];

const routes: RouteOptions[] = [];
const opened = await openMigratedSqlite();
const { db } = opened.store;
const catalogs = await loadCatalogRegistry('configs/catalogs');
const now = new Date('2026-11-20T12:00:00.000Z');
await recordLoadedCatalogs(db, catalogs, now);
const app = await buildApp({
  db,
  dialect: 'sqlite',
  catalogs,
  now: () => now,
  mailboxView: true,
  onRoute: (route) => routes.push(route),
});
afterAll(async () => {
  await app.close();
  await opened.close();
});

const methodsOf = (route: RouteOptions): HTTPMethods[] =>
  (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
const schemaOf = (route: RouteOptions, part: Part): z.ZodType | undefined =>
  (route.schema as FastifySchema | undefined)?.[part] as z.ZodType | undefined;
const isZod = (schema: unknown): schema is z.ZodType =>
  typeof schema === 'object' && schema !== null && 'safeParse' in schema;
const takesInput = (route: RouteOptions) =>
  route.url.includes(':') || PARTS.some((part) => schemaOf(route, part) !== undefined);
const inputRoutes = routes.filter((r) => methodsOf(r).length > 0 && takesInput(r));
const label = (route: RouteOptions) => `${methodsOf(route).join(',')} ${route.url}`;

const candidates = leafCandidates(['pc', PC_VERSION]);
const samples = new Map<RouteOptions, Partial<Record<Part, unknown>>>(
  inputRoutes.map((route) => [
    route,
    Object.fromEntries(
      PARTS.flatMap((part) => {
        const schema = schemaOf(route, part);
        return schema ? [[part, sampleOf(schema, candidates)]] : [];
      }),
    ),
  ]),
);

/** Arbitrary input, or (when the walker found one) the valid sample with one path broken. */
const inputFor = (sample: unknown): fc.Arbitrary<unknown> =>
  sample === undefined
    ? anyValue
    : fc.oneof(
        anyValue,
        mutationOf(sample).map((m) => mutate(sample, m)),
      );

/** What is wrong with a refusal, if anything: it must be a 400 naming each failing path, under its part. */
function refusalProblem(error: unknown, part: Part): string | undefined {
  if (!(error instanceof HttpError)) return `not an HttpError: ${String(error)}`;
  if (error.statusCode !== 400 || error.code !== 'invalid_request')
    return `${error.statusCode} ${error.code}`;
  const issues = error.issues ?? [];
  if (issues.length === 0) return 'no issues';
  const unnamed = issues.find((i) => !i.path.startsWith(part) || !error.message.includes(`${i.path}: `));
  return unnamed ? `issue ${unnamed.path} not named under ${part}: ${error.message}` : undefined;
}

/** Rows written so far on the store's one connection (SQLite's total_changes(), rolled-back ones included). */
async function changes(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(rows[0]?.n);
}

/**
 * Row count and content hash of every table but sign_in_failures: a refused sign-in is counted there on purpose
 * (the lockout of plugins/rate-limits.ts).
 */
async function digest(): Promise<string> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name <> 'sign_in_failures'
    order by name`.execute(db);
  const hash = createHash('sha256');
  for (const { name } of tables) {
    const { rows } = await sql`select * from ${sql.table(name)} order by rowid`.execute(db);
    hash.update(`${name}:${rows.length}:${JSON.stringify(rows)}\n`);
  }
  return hash.digest('hex');
}

/**
 * The stored data as it is now, hashed only when something was written since the last look (most fuzzed requests
 * write nothing, and hashing every table around each would dominate the run).
 */
const known = { changes: -1, digest: '' };
async function storedData(): Promise<string> {
  const n = await changes();
  if (n !== known.changes) Object.assign(known, { changes: n, digest: await digest() });
  return known.digest;
}

describe('API input fuzz', () => {
  it('sees the routes, and every route that takes input declares zod schemas for it', () => {
    expect(inputRoutes.length).toBeGreaterThan(40);
    const undeclared = inputRoutes.flatMap((route) => [
      ...(route.url.includes(':') && !schemaOf(route, 'params')
        ? [`${label(route)}: params without a schema`]
        : []),
      ...PARTS.filter((part) => schemaOf(route, part) !== undefined && !isZod(schemaOf(route, part))).map(
        (part) => `${label(route)}: ${part} is not a zod schema`,
      ),
    ]);
    expect(undeclared).toEqual([]);
    // The walker must find a valid sample for most inputs, else "mutate a valid payload" silently becomes random.
    const parts = inputRoutes.flatMap((route) => Object.values(samples.get(route) ?? {}));
    const found = parts.filter((s) => s !== undefined).length;
    expect(found / parts.length).toBeGreaterThan(0.9);
  });

  it("answers the router's own refusals as { error } too: an over-long or malformed path parameter", async () => {
    const long = await app.inject({ url: `/api/builds/${'x'.repeat(300)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({
      error: { code: 'uri_too_long', message: 'A path parameter is longer than 100 characters.' },
    });
    const malformed = await app.inject({ url: '/api/builds/%E0%A4%A' });
    expect(malformed.statusCode).toBe(400);
    expect(errorResponseSchema.parse(malformed.json()).error.code).toBe('bad_request');
  });

  it(`validators: ${RUNS} cases per body, ${SMALL_RUNS} per params and query, never throw; every refusal is a 400 naming its paths`, () => {
    let cases = 0;
    for (const route of inputRoutes)
      for (const part of PARTS) {
        const schema = schemaOf(route, part);
        if (!schema) continue;
        const validate = zodValidatorCompiler({ schema, httpPart: part, method: 'POST', url: route.url });
        const sample = samples.get(route)?.[part];
        if (sample !== undefined)
          expect(validate(sample), `${label(route)} ${part} sample`).toHaveProperty('value');
        fc.assert(
          fc.property(inputFor(sample), (input) => {
            cases++;
            const result = validate(input) as { value?: unknown; error?: unknown };
            if (result.error !== undefined) expect(refusalProblem(result.error, part)).toBeUndefined();
          }),
          { numRuns: part === 'body' ? RUNS : SMALL_RUNS },
        );
      }
    expect(cases).toBeGreaterThanOrEqual(RUNS * inputRoutes.filter((r) => schemaOf(r, 'body')).length);
  });

  it(`through the app: ${INJECT_RUNS} requests per route, no 5xx, 4xx as { error }, refusals change nothing`, async () => {
    const callers = {
      customer: async () => (await signUp(app)).jar,
      sales: () => signInStaff(app, db, 'sales'),
      store_manager: () => signInStaff(app, db, 'store_manager'),
      catalog: () => signInStaff(app, db, 'catalog'),
    };
    const jars = new Map<string, string>();
    const jarOf = async (role: keyof typeof callers) => {
      const alive = jars.get(role);
      if (alive) return alive;
      const fresh = await callers[role]();
      jars.set(role, fresh);
      return fresh;
    };
    const failures: string[] = [];
    let sent = 0;
    for (const route of inputRoutes) {
      const sample = samples.get(route) ?? {};
      const method = methodsOf(route)[0] as HTTPMethods;
      const request = (input: Partial<Record<Part, unknown>>, cookie: string) => {
        let url = `/api${route.url.replace(/^\/api/, '')}`;
        const params = input.params && typeof input.params === 'object' ? input.params : {};
        url = url.replace(/:(\w+)/g, (_, name: string) => {
          const value = (params as Record<string, unknown>)[name] ?? 'x';
          // An object's own toString may be anything (fuzzed): JSON is how it travels in a path.
          return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
        });
        const query =
          input.querystring && typeof input.querystring === 'object' && !Array.isArray(input.querystring)
            ? Object.fromEntries(
                Object.entries(input.querystring).map(([k, v]) => [
                  k,
                  typeof v === 'string' ? v : JSON.stringify(v),
                ]),
              )
            : {};
        return app.inject({
          method,
          url,
          query,
          headers: { cookie, 'content-type': 'application/json' },
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: JSON.stringify(input.body ?? {}) }),
        });
      };
      // The caller: the first role the route admits.
      let role: keyof typeof callers = 'customer';
      for (const candidate of Object.keys(callers) as (keyof typeof callers)[]) {
        const res = await request(sample, await jarOf(candidate));
        if (res.statusCode !== 401 && res.statusCode !== 403) {
          role = candidate;
          break;
        }
      }
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            params: inputFor(sample.params),
            querystring: inputFor(sample.querystring),
            body: inputFor(sample.body),
            which: fc.constantFrom(...PARTS),
          }),
          async (fuzzed) => {
            // One part broken at a time, the others valid: the refusal must then come from that part.
            const input = { ...sample, [fuzzed.which]: fuzzed[fuzzed.which] };
            const cookie = await jarOf(role);
            const before = await storedData();
            const res = await request(input, cookie);
            // A fuzzed request may have ended the session: the next case signs in afresh.
            if (res.statusCode === 401) jars.delete(role);
            sent++;
            const where = `${label(route)} ${JSON.stringify(input).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
            if (res.statusCode >= 500) failures.push(`5xx: ${where}`);
            else if (res.statusCode >= 400) {
              const body = errorResponseSchema.safeParse(res.json());
              if (!body.success) failures.push(`4xx without { error }: ${where}`);
              else if (res.statusCode === 400 && body.data.error.code === 'invalid_request') {
                const issues = body.data.error.issues ?? [];
                if (issues.length === 0 || !issues.every((i) => body.data.error.message.includes(i.path)))
                  failures.push(`400 not naming its paths: ${where}`);
              }
              if ((await storedData()) !== before) failures.push(`refusal changed stored data: ${where}`);
            }
          },
        ),
        { numRuns: INJECT_RUNS },
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBe(INJECT_RUNS * inputRoutes.length);
  }, 300_000);
});
