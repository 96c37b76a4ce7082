import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../errors.ts';

/** The caller of a route whose declared access admits only signed-in roles (the gate already ran). */
export function callerOf(request: FastifyRequest) {
  if (!request.auth) throw unauthorized();
  return request.auth;
}
