import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CompiledForm } from '../../catalogs/compiled.ts';

/** Whether the request accepts gzip (a `gzip` or `*` coding without q=0). */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return (coding.trim() === 'gzip' || coding.trim() === '*') && (q === undefined || Number(q) > 0);
  });
}

/** If-None-Match names either representation of this form (or `*`). Weak comparison, as RFC 9110 asks for it. */
function unchanged(header: string | undefined, form: CompiledForm): boolean {
  const tags = (header ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.some((t) => t === '*' || t === form.etag || t === gzipTag(form));
}

const gzipTag = (form: CompiledForm) => form.etag.replace(/"$/, '-gzip"');

/**
 * Sends a compiled form gzipped as stored (or plain to a client that does not take gzip), revalidated on every use:
 * the ETag makes that a 304, so a new version is never read from a stale cache.
 */
export function sendCompiled(request: FastifyRequest, reply: FastifyReply, form: CompiledForm) {
  const gzip = acceptsGzip(request.headers['accept-encoding']);
  void reply
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding')
    .header('etag', gzip ? gzipTag(form) : form.etag);
  if (unchanged(request.headers['if-none-match'], form)) return reply.code(304).send(null);
  void reply.header('content-type', 'application/octet-stream');
  if (gzip) void reply.header('content-encoding', 'gzip');
  return reply.send(gzip ? form.gzip : form.bytes);
}
