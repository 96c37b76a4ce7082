import type { Kysely } from 'kysely';
import { buildSelectionsSchema } from '../../contract/builds.schema.ts';
import type { ImpactItem, ImpactReport } from '../../contract/catalog-admin.schema.ts';
import { persistedSessionSchema } from '../../contract/session.schema.ts';
import { checkBuild, impactTarget } from '../../core/catalog-diff/index.ts';
import type { Build, Catalog, CatalogIndex } from '../../core/catalog/index.ts';
import type { Database } from '../store/database.ts';
import type { CatalogVersions } from './versions.ts';

/** What is checked: a saved build, a live session (still being configured) or an open quote. */
interface Held {
  kind: ImpactItem['kind'];
  id: string;
  owner: string | null;
  catalogVersion: string;
  build: Build;
  complete: boolean;
}

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

/**
 * Every saved build, live session and open quote of a catalog checked against a draft (issue 18 §5), each priced
 * "before" on its own catalog version. Pre: `draft` passed validateCatalog. Post: counts over everything checked;
 * items: the invalid ones, then the valid ones whose price changes (unchanged ones are only counted).
 * Something made on a version no longer recorded is priced "before" on the draft.
 */
export async function impactReport(
  db: Kysely<Database>,
  versions: CatalogVersions,
  catalogId: string,
  draft: Catalog,
  now: Date,
): Promise<Omit<ImpactReport, 'draftId' | 'revision'>> {
  const target = impactTarget(draft);
  const held = [
    ...(await savedBuilds(db, catalogId)),
    ...(await liveSessions(db, catalogId)),
    ...(await openQuotes(db, catalogId, now)),
  ];
  const madeOn = async (version: string): Promise<CatalogIndex> => {
    try {
      return await versions.get(catalogId, version);
    } catch {
      return target.index;
    }
  };
  const invalid: ImpactItem[] = [];
  const repriced: ImpactItem[] = [];
  let valid = 0;
  for (const h of held) {
    const impact = checkBuild(target, await madeOn(h.catalogVersion), h.build, h.complete);
    const item: ImpactItem = {
      kind: h.kind,
      id: h.id,
      owner: h.owner ?? 'Guest',
      catalogVersion: h.catalogVersion,
      ...impact,
    };
    if (!impact.valid) invalid.push(item);
    else {
      valid++;
      if (impact.priceAfterCents !== impact.priceBeforeCents) repriced.push(item);
    }
  }
  return {
    counts: { checked: held.length, valid, invalid: invalid.length, priceChanged: repriced.length },
    items: [...invalid, ...repriced],
  };
}
