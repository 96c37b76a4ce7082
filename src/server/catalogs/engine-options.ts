import { z } from 'zod';
import { DEFAULT_MDD_MAX_WORK, type ConfigurationOptions } from '../../core/configurator/configurator.ts';

const envSchema = z.object({
  /**
   * The MDD's compile bound for the catalogs the server compiles (conjunction steps; the engine CLI reads the same
   * variable): a catalog past it is served as a d-DNNF. Low values are for tests that want that form served.
   */
  ENGINE_MAX_WORK: z.coerce.number().int().min(0).default(DEFAULT_MDD_MAX_WORK),
});

/** The engine's options for compiling catalogs, from the environment. Throws a ZodError naming a bad value. */
export function engineOptionsFromEnv(env: NodeJS.ProcessEnv): ConfigurationOptions {
  const parsed = envSchema.parse({ ENGINE_MAX_WORK: env.ENGINE_MAX_WORK || undefined });
  return { mddMaxWork: parsed.ENGINE_MAX_WORK };
}
