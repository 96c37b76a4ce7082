import type { FastifySchemaCompiler } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../errors.ts';
import { zodSerializerCompiler, zodValidatorCompiler } from './zod.ts';

const def = (schema: z.ZodType, httpPart: string): Parameters<FastifySchemaCompiler<z.ZodType>>[0] => ({
  schema,
  httpPart,
  method: 'POST',
  url: '/x',
});

describe('zod compilers', () => {
  const body = z.object({ name: z.string().min(1), items: z.array(z.object({ qty: z.number().int() })) });

  it('passes parsed values through', () => {
    expect(zodValidatorCompiler(def(body, 'body'))({ name: 'a', items: [], extra: 1 })).toEqual({
      value: { name: 'a', items: [] },
    });
  });

  it('names each failing path under the request part', () => {
    const result = zodValidatorCompiler(def(body, 'body'))({ name: '', items: [{ qty: 1.5 }] });
    if (typeof result !== 'object' || !('error' in result) || !(result.error instanceof HttpError))
      throw new Error('expected an HttpError');
    expect(result.error.statusCode).toBe(400);
    expect(result.error.issues?.map((i) => i.path)).toEqual(['body.name', 'body.items[0].qty']);
  });

  it('refuses to serialize a reply that breaks its schema', () => {
    const serialize = zodSerializerCompiler(def(z.object({ ok: z.boolean() }), 'response'));
    expect(serialize({ ok: true })).toBe('{"ok":true}');
    expect(() => serialize({ ok: 'yes' })).toThrow();
  });
});
