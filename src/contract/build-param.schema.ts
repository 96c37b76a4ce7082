import { z } from 'zod';
import { buildSchema, type Build } from '../core/catalog/index.ts';

/**
 * The build in the URL, readable and shareable: `?b=cpu:cpu-ryzen7-9800x3d,memory:mem-kit*2,extras:acc-a`.
 * Parsing checks the shape with zod; the engine checks the content when the session starts.
 */

const token = /^([a-z0-9][a-z0-9._-]*):([a-z0-9][a-z0-9._-]*)(?:\*([1-9][0-9]?))?$/;

function problemOf(schema: z.ZodType, value: unknown, what: string): string | undefined {
  const checked = schema.safeParse(value);
  return checked.success ? undefined : `${what}: ${checked.error.issues[0]?.message ?? 'invalid'}`;
}

export const buildParamSchema = z
  .string()
  .max(4000, 'is too long')
  .transform((text, ctx) => {
    const build: Build = {};
    for (const [i, part] of text
      .split(',')
      .filter((p) => p !== '')
      .entries()) {
      const match = token.exec(part);
      if (!match) {
        ctx.addIssue({
          code: 'custom',
          message: `item ${i + 1} ("${part.slice(0, 40)}") is not slot:option or slot:option*N`,
        });
        return z.NEVER;
      }
      const [, slot = '', option = '', qty] = match;
      const quantity = qty ? Number(qty) : 1;
      // The link's grammar allows more than a build may hold (ids past 80 characters, quantities past 64).
      const wrong =
        problemOf(buildSchema.keyType, slot, 'slot') ??
        problemOf(buildSchema.valueType.keyType, option, 'option') ??
        problemOf(buildSchema.valueType.valueType, quantity, 'quantity');
      if (wrong) {
        ctx.addIssue({ code: 'custom', message: `item ${i + 1} ("${part.slice(0, 40)}"): ${wrong}` });
        return z.NEVER;
      }
      build[slot] = { ...build[slot], [option]: quantity };
    }
    return build;
  });

export function encodeBuild(build: Build): string {
  return Object.entries(build)
    .flatMap(([slot, chosen]) =>
      Object.entries(chosen).map(([option, qty]) => `${slot}:${option}${qty === 1 ? '' : `*${qty}`}`),
    )
    .join(',');
}
