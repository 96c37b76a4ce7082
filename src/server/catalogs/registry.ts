import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import {
  CatalogError,
  parseCatalog,
  parseCatalogTexts,
  translationLanguages,
  type Catalog,
  type Translations,
} from '../../core/catalog/index.ts';

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

const TEXTS_DIR = 'texts';

/** `<dir>/texts/<catalog>.<language>.json` for each language that has one, checked against the catalog. */
async function loadTranslations(dir: string, catalog: Catalog, present: ReadonlySet<string>) {
  const translations: Translations = {};
  for (const language of translationLanguages) {
    const name = `${catalog.id}.${language}.json`;
    if (!present.has(name)) continue;
    const path = join(dir, TEXTS_DIR, name);
    translations[language] = parseCatalogTexts(await readFile(path, 'utf8'), displayPath(path), catalog);
  }
  return translations;
}

async function textFiles(dir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(join(dir, TEXTS_DIR)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

/**
 * Loads every `*.json` in `dir` (not recursive), in name order, each with its translations from `dir/texts/`.
 * @throws CatalogError for the first file that does not parse or check, naming the file and each JSON path (a
 *   texts file naming an unknown catalog among them); an fs error (e.g. ENOENT) when `dir` cannot be read. A
 *   directory without catalogs gives an empty registry.
 */
export async function loadCatalogRegistry(dir: string): Promise<CatalogRegistry> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const texts = await textFiles(dir);
  const entries: CatalogEntry[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = displayPath(path);
    const catalog = parseCatalog(await readFile(path, 'utf8'), file);
    const translations = await loadTranslations(dir, catalog, texts);
    entries.push(
      catalogEntry(Object.keys(translations).length > 0 ? { ...catalog, translations } : catalog, file),
    );
  }
  const ids = new Set(entries.map((e) => e.catalog.id));
  for (const name of texts) {
    const match = /^(.+)\.([a-z]{2})\.json$/.exec(name);
    const known =
      match &&
      ids.has(match[1] ?? '') &&
      (translationLanguages as readonly string[]).includes(match[2] ?? '');
    if (!known)
      throw new CatalogError(displayPath(join(dir, TEXTS_DIR, name)), [
        { path: '$', message: `not <catalog>.<${translationLanguages.join('|')}>.json for a catalog here` },
      ]);
  }
  return createCatalogRegistry(entries);
}
