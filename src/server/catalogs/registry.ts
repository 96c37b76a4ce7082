import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { CatalogError, parseCatalog, type Catalog } from '../../core/catalog/index.ts';

/** One loaded catalog and what the store needs to pin its exact version. */
export interface CatalogEntry {
  catalog: Catalog;
  /** The file it came from, as shown in error messages. */
  file: string;
  /** Canonical JSON of the parsed catalog (defaults filled in); what catalog_versions stores. */
  json: string;
  /** sha256 of `json`: same catalog, same hash, whatever the file's whitespace. */
  hash: string;
}

/** The catalogs the server serves, keyed by catalog id. Immutable once built; a reload builds a new registry. */
export interface CatalogRegistry {
  /** In id order, so listings are stable. */
  list(): readonly CatalogEntry[];
  get(id: string): CatalogEntry | undefined;
}

export function catalogEntry(catalog: Catalog, file: string): CatalogEntry {
  const json = JSON.stringify(catalog);
  return { catalog, file, json, hash: createHash('sha256').update(json).digest('hex') };
}

/** @throws CatalogError when two entries share a catalog id (naming the second file). */
export function createCatalogRegistry(entries: readonly CatalogEntry[]): CatalogRegistry {
  const byId = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    const first = byId.get(entry.catalog.id);
    if (first)
      throw new CatalogError(entry.file, [
        { path: '$.id', message: `duplicate catalog id "${entry.catalog.id}" (also in ${first.file})` },
      ]);
    byId.set(entry.catalog.id, entry);
  }
  const sorted = [...byId.values()].sort((a, b) => a.catalog.id.localeCompare(b.catalog.id));
  return { list: () => sorted, get: (id) => byId.get(id) };
}

/** A path as people want to read it in an error: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/**
 * Loads every `*.json` in `dir` (not recursive), in name order.
 * @throws CatalogError for the first file that does not parse or check, naming the file and each JSON path;
 *   an fs error (e.g. ENOENT) when `dir` cannot be read. A directory without catalogs gives an empty registry.
 */
export async function loadCatalogRegistry(dir: string): Promise<CatalogRegistry> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const entries: CatalogEntry[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = displayPath(path);
    entries.push(catalogEntry(parseCatalog(await readFile(path, 'utf8'), file), file));
  }
  return createCatalogRegistry(entries);
}
