import { CatalogError, parseCatalog, type CatalogProblem } from '../../core/catalog/index.ts';

export type ImportResult =
  { ok: true; document: Record<string, unknown> } | { ok: false; problems: CatalogProblem[] };

/**
 * A catalog file's text checked as the server would load it (schema and references), and that it is a file of
 * `catalogId`: the problems by JSON path, or the document to start a draft from. Never throws for a bad file.
 */
export function readCatalogFile(text: string, fileName: string, catalogId: string): ImportResult {
  try {
    const catalog = parseCatalog(text, fileName);
    if (catalog.id !== catalogId)
      return {
        ok: false,
        problems: [{ path: '$.id', message: `"${catalog.id}" is another catalog than "${catalogId}"` }],
      };
    // The file's own text, not the parsed copy with defaults filled in: the draft keeps what the file says.
    return { ok: true, document: JSON.parse(text) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof CatalogError) return { ok: false, problems: error.problems };
    throw error;
  }
}
