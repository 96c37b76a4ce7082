import type { Kysely } from 'kysely';
import { validateCatalog } from '../../core/catalog/index.ts';
import {
  findCatalogVersion,
  listCatalogVersionMeta,
  type CatalogVersionMeta,
} from '../store/catalog-versions.repository.ts';
import type { Database } from '../store/database.ts';
import { liveVersionOf } from './live-version.ts';
import type { CatalogEntry, CatalogRegistry } from './registry.ts';

/**
 * The catalogs the shop serves, from the database (issue 18 §4): each catalog's live version, chosen on every call
 * with the clock, so a scheduled version goes live at its date without a timer. Routes read it synchronously like
 * the file registry; behind it is a snapshot of every version's metadata and the parsed content of the versions that
 * are or may become live, refreshed after a publish or rollback, on a notice from another instance, and every
 * `refreshMs` as a safety net (a lost notice).
 */
export interface LiveCatalogs extends CatalogRegistry {
  /** Every recorded version of a catalog, as of the last refresh. */
  versionsOf(catalogId: string): readonly CatalogVersionMeta[];
  /** Catalog ids with any recorded version. */
  catalogIds(): readonly string[];
  /** Reloads the snapshot; refreshes asked for during one run once after it. */
  refresh(): Promise<void>;
  close(): void;
}

export interface LiveCatalogsOptions {
  now: () => Date;
  refreshMs?: number;
  /** Told the live and scheduled entries after each refresh (main.ts compiles them ahead). */
  onRefresh?: (entries: readonly CatalogEntry[]) => void;
  onError?: (error: unknown) => void;
}

/** Versions that are or may become live: the live one and every later one not withdrawn. */
function candidates(versions: readonly CatalogVersionMeta[], now: Date): CatalogVersionMeta[] {
  const live = liveVersionOf(versions, now);
  if (!live) return [];
  const from = Date.parse(live.effectiveAt);
  return versions.filter((v) => v.withdrawnAt === null && Date.parse(v.effectiveAt) >= from);
}

/** @returns once the first snapshot is loaded. */
export async function createLiveCatalogs(
  db: Kysely<Database>,
  { now, refreshMs = 60_000, onRefresh, onError = console.error }: LiveCatalogsOptions,
): Promise<LiveCatalogs> {
  let byCatalog = new Map<string, CatalogVersionMeta[]>();
  // Recorded versions never change: parsed once, kept across refreshes.
  const entries = new Map<string, CatalogEntry>();
  const key = (catalogId: string, version: string) => `${catalogId}@${version}`;

  const load = async () => {
    const next = new Map<string, CatalogVersionMeta[]>();
    for (const meta of await listCatalogVersionMeta(db))
      next.set(meta.catalogId, [...(next.get(meta.catalogId) ?? []), meta]);
    const clock = now();
    for (const versions of next.values())
      for (const v of candidates(versions, clock)) {
        const k = key(v.catalogId, v.version);
        if (entries.has(k)) continue;
        const row = await findCatalogVersion(db, v.catalogId, v.version);
        if (!row) continue;
        const file = `catalog_versions ${k}`;
        try {
          const catalog = validateCatalog(JSON.parse(row.json), file);
          entries.set(k, { catalog, file, json: row.json, hash: row.content_hash });
        } catch (error) {
          // Checked when recorded, so only a stricter schema gets here: one bad version must not stop the others.
          onError(error);
        }
      }
    byCatalog = next;
    onRefresh?.(
      [...next.values()].flatMap((versions) =>
        candidates(versions, clock).flatMap((v) => entries.get(key(v.catalogId, v.version)) ?? []),
      ),
    );
  };

  let running: Promise<void> | undefined;
  let again = false;
  // A refresh asked for while one runs must see what happened before it was asked: one more load after this one.
  const refresh = (): Promise<void> => {
    again = true;
    running ??= (async () => {
      try {
        while (again) {
          again = false;
          await load();
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const get = (catalogId: string): CatalogEntry | undefined => {
    const live = liveVersionOf(byCatalog.get(catalogId) ?? [], now());
    return live && entries.get(key(catalogId, live.version));
  };

  await refresh();
  const timer = setInterval(() => refresh().catch(onError), refreshMs);
  timer.unref();
  return {
    get,
    list: () => [...byCatalog.keys()].sort().flatMap((id) => get(id) ?? []),
    versionsOf: (catalogId) => byCatalog.get(catalogId) ?? [],
    catalogIds: () => [...byCatalog.keys()].sort(),
    refresh,
    close: () => clearInterval(timer),
  };
}
