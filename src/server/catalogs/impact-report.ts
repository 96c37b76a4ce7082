import type { Kysely } from 'kysely';
import { buildSelectionsSchema } from '../../contract/builds.schema.ts';
import { persistedSessionSchema } from '../../contract/session.schema.ts';
import type { Build, Catalog } from '../../core/catalog/index.ts';
import type { Database } from '../store/database.ts';
import type { Held, ImpactCounts, ImpactInput } from './impact-assess.ts';
import type { ImpactThreadReply } from './impact.worker.ts';
import { runInThread } from './in-thread.ts';
import type { CatalogVersions } from './versions.ts';

const parseBuild = (json: string): Build | undefined => {
  const parsed = buildSelectionsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
};

async function savedBuilds(db: Kysely<Database>, catalogId: string): Promise<Held[]> {
  const rows = await db
    .selectFrom('builds')
    .leftJoin('customers', 'customers.id', 'builds.customer_id')
    .select(['builds.id', 'builds.catalog_version', 'builds.selections', 'customers.name'])
    .where('builds.catalog_id', '=', catalogId)
    .orderBy('builds.id')
    .execute();
  return rows.flatMap((r) => {
    const build = parseBuild(r.selections);
    return build
      ? [
          {
            kind: 'build' as const,
            id: r.id,
            owner: r.name,
            catalogVersion: r.catalog_version,
            build,
            complete: true,
          },
        ]
      : [];
  });
}

async function liveSessions(db: Kysely<Database>, catalogId: string): Promise<Held[]> {
  const rows = await db
    .selectFrom('config_sessions')
    .leftJoin('customers', 'customers.id', 'config_sessions.customer_id')
    .select([
      'config_sessions.owner_key',
      'config_sessions.catalog_version',
      'config_sessions.format',
      'config_sessions.snapshot',
      'customers.name',
    ])
    .where('config_sessions.catalog_id', '=', catalogId)
    .orderBy('config_sessions.owner_key')
    .execute();
  return rows.flatMap((r) => {
    const parsed = persistedSessionSchema.safeParse({
      format: r.format,
      catalogId,
      catalogVersion: r.catalog_version,
      snapshot: JSON.parse(r.snapshot) as unknown,
    });
    if (!parsed.success) return []; // another format: the session routes treat it as none too
    const build = parsed.data.snapshot.context.choices;
    return [
      {
        kind: 'session' as const,
        id: r.owner_key,
        owner: r.name,
        catalogVersion: r.catalog_version,
        build,
        complete: false,
      },
    ];
  });
}

/** The latest revision of each quote group still valid at `now` and not ordered. */
async function openQuotes(db: Kysely<Database>, catalogId: string, now: Date): Promise<Held[]> {
  const rows = await db
    .selectFrom('quotes')
    .leftJoin('customers', 'customers.id', 'quotes.customer_id')
    .select([
      'quotes.id',
      'quotes.group_id',
      'quotes.revision',
      'quotes.catalog_version',
      'quotes.selections',
      'quotes.valid_until',
      'customers.name',
    ])
    .where('quotes.catalog_id', '=', catalogId)
    .orderBy('quotes.group_id')
    .orderBy('quotes.revision')
    .execute();
  const ordered = await db
    .selectFrom('orders')
    .innerJoin('quotes', 'quotes.id', 'orders.quote_id')
    .select('quotes.group_id')
    .where('orders.catalog_id', '=', catalogId)
    .execute();
  const orderedGroups = new Set(ordered.map((o) => o.group_id));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.group_id, r); // ascending revisions: the last one stays
  return [...latest.values()].flatMap((r) => {
    if (orderedGroups.has(r.group_id) || Date.parse(r.valid_until) <= now.getTime()) return [];
    const build = parseBuild(r.selections);
    return build
      ? [
          {
            kind: 'quote' as const,
            id: r.id,
            owner: r.name,
            catalogVersion: r.catalog_version,
            build,
            complete: true,
          },
        ]
      : [];
  });
}

/** The engine's part of the report: assessImpact, wherever it runs. */
export type ImpactAssessor = (input: ImpactInput) => Promise<ImpactCounts>;

/** assessImpact in a worker thread: compiling the PC draft and explaining each invalid build takes seconds. */
export const assessInThread = async (input: ImpactInput, signal?: AbortSignal): Promise<ImpactCounts> => {
  const reply = await runInThread<ImpactThreadReply>(
    new URL('./impact.worker.ts', import.meta.url),
    input,
    signal,
  );
  if (!reply.ok) throw new Error(reply.message);
  return reply.report;
};

/**
 * Every saved build, live session and open quote of a catalog checked against a draft (issue 18 §5), each priced
 * "before" on its own catalog version: the store is read here, the engine works in `assess` (impact-assess.ts
 * states the report's post-conditions). Pre: `draft` passed validateCatalog.
 */
export async function impactReport(
  db: Kysely<Database>,
  versions: CatalogVersions,
  catalogId: string,
  draft: Catalog,
  now: Date,
  assess: ImpactAssessor = assessInThread,
): Promise<ImpactCounts> {
  const held = [
    ...(await savedBuilds(db, catalogId)),
    ...(await liveSessions(db, catalogId)),
    ...(await openQuotes(db, catalogId, now)),
  ];
  const madeOn: Record<string, Catalog> = {};
  for (const version of new Set(held.map((h) => h.catalogVersion))) {
    try {
      madeOn[version] = (await versions.get(catalogId, version)).catalog;
    } catch {
      // no longer recorded: priced "before" on the draft
    }
  }
  return assess({ draft, held, madeOn });
}
