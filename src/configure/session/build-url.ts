import type { Build } from '../../core/catalog/index.ts';
import { buildParamSchema } from '../../contract/build-param.schema.ts';

export { encodeBuild } from '../../contract/build-param.schema.ts';

/** The build of a `b` query value, or why it cannot be read (the page then starts afresh and says so). */
export function decodeBuild(text: string | null): { build: Build; error?: string } {
  if (!text) return { build: {} };
  const parsed = buildParamSchema.safeParse(text);
  if (parsed.success) return { build: parsed.data };
  return {
    build: {},
    error: parsed.error.issues[0]?.message ?? 'invalid',
  };
}
