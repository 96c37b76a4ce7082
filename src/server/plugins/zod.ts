import type { FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify';
import type { z } from 'zod';
import { jsonPath } from '../../core/catalog/load.ts';
import { HttpError } from '../errors.ts';

/**
 * Lets routes declare zod schemas from contract/ as `schema.params/body/querystring/response` and get typed
 * `request.params` and reply payloads — what fastify-type-provider-zod does, in the few lines this server needs.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  readonly validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  readonly serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** `params.id`, `body.selections.cpu`, `querystring` (for the part itself). */
function issuePath(part: string, path: readonly PropertyKey[]): string {
  return `${part}${jsonPath(path).slice(1)}`;
}

/** Request validation: a failure becomes a 400 naming every zod issue's path. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const part = httpPart ?? 'request';
    const issues = result.error.issues.map((issue) => ({
      path: issuePath(part, issue.path),
      message: issue.message,
    }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return { error: new HttpError(400, 'invalid_request', `Invalid request — ${summary}`, issues) };
  };

/**
 * Response serialization through the declared schema: a handler returning the wrong shape is a server bug, so it
 * throws (→ logged 500) rather than leaking unchecked data such as option costs.
 */
export const zodSerializerCompiler: FastifySerializerCompiler<z.ZodType> =
  ({ schema }) =>
  (data: unknown) =>
    JSON.stringify(schema.parse(data));
