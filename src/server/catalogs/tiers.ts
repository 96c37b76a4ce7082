import { readFile } from 'node:fs/promises';
import { jsonPath, type CatalogProblem } from '../../core/catalog/index.ts';
import { tiersConfigSchema, type TiersConfig } from '../../core/profile/tiers.schema.ts';

/** configs/tiers.json cannot be used; names the file and each problem's JSON path. */
export class ConfigError extends Error {
  readonly file: string;
  readonly problems: CatalogProblem[];
  constructor(file: string, problems: CatalogProblem[]) {
    super(`${file}: invalid tiers config\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }
}

/** @throws ConfigError, e.g. `configs/tiers.json: invalid tiers config\n  $.tiers.mvc.discountAuthorityPercent: …`. */
export async function loadTiersConfig(file: string): Promise<TiersConfig> {
  return parseTiersConfig(await readFile(file, 'utf8'), file);
}

export function parseTiersConfig(text: string, file: string): TiersConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [{ path: '$', message: `not valid JSON: ${String(error)}` }]);
  }
  const result = tiersConfigSchema.safeParse(raw);
  if (!result.success)
    throw new ConfigError(
      file,
      result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
    );
  return result.data;
}
