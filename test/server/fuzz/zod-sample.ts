import fc from 'fast-check';
import type { z } from 'zod';

/**
 * A valid input of a route's zod schema, made by walking the schema (zod 4's `_zod.def`): containers are built from
 * their parts, and each leaf takes the first of a few plausible values its own schema accepts. Good enough for the
 * fuzz's "valid payload, then break one path"; `undefined` where no candidate fits (the fuzz then starts from
 * arbitrary JSON only, and says so).
 */

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
  coerce?: boolean;
  checks?: { _zod: { def: { check: string; minimum?: number; value?: number } } }[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Leaf values worth trying, in order: ids and versions of the test catalogs, numbers, dates, e-mail. */
export function leafCandidates(extra: readonly unknown[]): unknown[] {
  return [
    ...extra,
    'pc',
    'a',
    'abc',
    1,
    '1',
    0,
    true,
    'x@example.com',
    '2026-11-20',
    '2026-11-20T12:00:00.000Z',
    '00000000-0000-4000-8000-000000000000',
    'password123',
    'Ab1',
    null,
  ];
}

function minLength(def: Def): number {
  const check = def.checks?.find((c) => c._zod.def.check === 'min_length');
  return check?._zod.def.minimum ?? 0;
}

export function sampleOf(schema: z.ZodType, candidates: readonly unknown[]): unknown {
  const def = defOf(schema);
  const accepted = (value: unknown) => (schema.safeParse(value).success ? value : undefined);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return sampleOf(def.innerType as z.ZodType, candidates);
    case 'pipe': {
      const value = sampleOf(def.in as z.ZodType, candidates);
      return accepted(value) ?? firstAccepted(schema, candidates);
    }
    case 'lazy':
      return sampleOf((def.getter as () => z.ZodType)(), candidates);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const value = sampleOf(field, candidates);
        if (value !== undefined) out[key] = value;
      }
      return accepted(out);
    }
    case 'array': {
      const element = sampleOf(def.element as z.ZodType, candidates);
      return accepted(Array.from({ length: Math.max(1, minLength(def)) }, () => element));
    }
    case 'tuple':
      return accepted((def.items ?? []).map((item) => sampleOf(item, candidates)));
    case 'record':
      return accepted({});
    case 'union':
      for (const option of def.options ?? []) {
        const value = accepted(sampleOf(option, candidates));
        if (value !== undefined) return value;
      }
      return undefined;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    default:
      return firstAccepted(schema, candidates);
  }
}

function firstAccepted(schema: z.ZodType, candidates: readonly unknown[]): unknown {
  return candidates.find((c) => schema.safeParse(c).success);
}

/** Every path into a JSON value (the root included), for "break one path". */
export function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

export type Mutation =
  | { kind: 'replace'; path: (string | number)[]; value: unknown }
  | { kind: 'delete'; path: (string | number)[] }
  | { kind: 'extra'; path: (string | number)[]; key: string; value: unknown };

/** A copy of `value` with one mutation applied. */
export function mutate(value: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(value) as unknown;
  const { path } = mutation;
  if (path.length === 0) {
    if (mutation.kind === 'replace') return mutation.value;
    if (mutation.kind === 'delete') return undefined;
  }
  let parent: unknown = copy;
  const last = mutation.kind === 'extra' ? undefined : path[path.length - 1];
  const walk = mutation.kind === 'extra' ? path : path.slice(0, -1);
  for (const key of walk) parent = (parent as Record<string | number, unknown>)[key];
  const target = parent as Record<string | number, unknown>;
  if (mutation.kind === 'extra') {
    if (target && typeof target === 'object' && !Array.isArray(target)) target[mutation.key] = mutation.value;
  } else if (mutation.kind === 'delete') {
    if (Array.isArray(target)) target.splice(last as number, 1);
    else Reflect.deleteProperty(target, last as string);
  } else target[last as string | number] = mutation.value;
  return copy;
}

/** Odd values that break parsers more often than uniformly random JSON. */
const nasty = fc.constantFrom<unknown>(
  '',
  ' ',
  '\u0000',
  '𝌆',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>',
  '__proto__',
  'constructor',
  -1,
  0,
  1e308,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  0.5,
  '1e309',
  'NaN',
  [],
  {},
  null,
  true,
  'x'.repeat(10_000),
);

export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nasty },
);

/** One mutation of `sample`: a path replaced by anything, removed, or an unknown key beside it. */
export function mutationOf(sample: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsOf(sample);
  const objects = paths.filter((p) => {
    let v: unknown = sample;
    for (const k of p) v = (v as Record<string | number, unknown>)[k];
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), path, value: anyValue }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path }) },
    ...(objects.length > 0
      ? [
          {
            weight: 1,
            arbitrary: fc.record({
              kind: fc.constant('extra' as const),
              path: fc.constantFrom(...objects),
              key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')),
              value: anyValue,
            }),
          },
        ]
      : []),
  );
}
