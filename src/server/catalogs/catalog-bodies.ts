import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { catalogResponseSchema } from '../../contract/catalogs.schema.ts';
import type { CatalogEntry } from './registry.ts';

/** A body compressed ahead (once, when cached), so that no request spends CPU on it. */
export interface EncodedBody {
  bytes: Buffer;
  gzip: Buffer;
  br?: Buffer;
  /** Strong validator of `bytes`; each compressed representation's is the same with `-gzip` / `-br` (RFC 9110 §8.8.3). */
  etag: string;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * `GET /api/catalogs/:id`'s body for each catalog version, serialized through the public schema (no costs) and
 * compressed once, at the highest levels since that cost is paid once per version, not per request (issue 19 §8:
 * gzipping per request held the route to 320 req/s). Keyed by the entry itself: a publish or rollback makes another
 * entry live, so the next request fills for it, and an entry (recorded versions never change) never goes stale.
 */
export interface CatalogBodies {
  get(entry: CatalogEntry): Promise<EncodedBody>;
}

export function catalogBodies(): CatalogBodies {
  const cache = new WeakMap<CatalogEntry, Promise<EncodedBody>>();
  const fill = async (entry: CatalogEntry): Promise<EncodedBody> => {
    const bytes = Buffer.from(JSON.stringify(catalogResponseSchema.parse(entry.catalog)));
    // In libuv's thread pool: requests keep being answered while a new version is compressed.
    const [gzipped, br] = await Promise.all([
      gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
      brotliAsync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    ]);
    const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
    return { bytes, gzip: gzipped, br, etag };
  };
  return {
    get(entry) {
      let found = cache.get(entry);
      if (!found) {
        found = fill(entry);
        cache.set(entry, found);
      }
      return found;
    },
  };
}
