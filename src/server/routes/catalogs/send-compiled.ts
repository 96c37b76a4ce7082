import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CompiledForm } from '../../catalogs/compiled.ts';
import { sendEncoded } from './send-encoded.ts';

/** Sends a compiled form gzipped as stored (or plain to a client that does not take gzip); see {@link sendEncoded}. */
export const sendCompiled = (request: FastifyRequest, reply: FastifyReply, form: CompiledForm) =>
  sendEncoded(request, reply, form, 'application/octet-stream');
