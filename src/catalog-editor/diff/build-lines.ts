export interface BuildLine {
  slot: string;
  options: { id: string; quantity: number }[];
}

/**
 * A build from the diff's report as lines to show. The configurator writes slot → { option: quantity }; a plain
 * option id or a list of ids is read too, so an example is never lost to its spelling.
 */
export function buildLines(build: Record<string, unknown>): BuildLine[] {
  return Object.entries(build).map(([slot, value]) => ({ slot, options: optionsOf(value) }));
}

function optionsOf(value: unknown): BuildLine['options'] {
  if (typeof value === 'string') return [{ id: value, quantity: 1 }];
  if (Array.isArray(value))
    return value.filter((v): v is string => typeof v === 'string').map((id) => ({ id, quantity: 1 }));
  if (value && typeof value === 'object')
    return Object.entries(value).map(([id, q]) => ({ id, quantity: typeof q === 'number' ? q : 1 }));
  return [];
}
