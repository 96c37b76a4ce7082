import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorResponse } from '../../contract/errors.schema.ts';
import { HttpError } from '../errors.ts';

const codeForStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/**
 * The one error handler: every 4xx says what was wrong (and where, for validation); every 5xx is logged with the
 * request and answered generically, so internals never reach the client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      const body: ErrorResponse = { error: { code: error.code, message: error.message } };
      if (error.issues) body.error.issues = error.issues;
      if (error.details) body.error.details = error.details;
      return reply.code(error.statusCode).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large).
      const body: ErrorResponse = {
        error: { code: codeForStatus[status] ?? 'bad_request', message: error.message },
      };
      return reply.code(status).send(body);
    }
    request.log.error({ err: error, method: request.method, url: request.url }, 'unhandled error');
    const body: ErrorResponse = { error: { code: 'internal', message: 'Internal server error' } };
    return reply.code(500).send(body);
  });
}
