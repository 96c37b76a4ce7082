import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * The router's own refusals (a malformed escape in the path, a path parameter over its 100 characters) come before
 * any route or error handler; without this they would answer in Fastify's shape, not `{ error: { code, message } }`.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body: ErrorResponse = {
    error: tooLong
      ? { code: 'uri_too_long', message: 'A path parameter is longer than 100 characters.' }
      : { code: 'bad_request', message: 'The URL path is not valid: a part of it is malformed.' },
  };
  return reply.code(tooLong ? 414 : 400).send(body);
}
