import type { Catalog } from '../../core/catalog/index.ts';
import { Configurator } from '../../core/configurator/configurator.ts';
import { ruleSamples, type RuleSample } from '../../core/configurator/rule-samples.ts';

/** Sample builds wanted for the rule at `at` of a catalog, given as its structure (message-preview.tsx). */
export interface SamplesRequest {
  seq: number;
  structure: string;
  at: number;
}

export interface SamplesReply {
  seq: number;
  samples: RuleSample[];
}

/**
 * The search runs in a worker, so it may take its time: a rule that refuses options only late in the search still
 * gets its preview on a slow machine (on the page's thread it had 1.5 s).
 */
const SEARCH_BUDGET_MS = 15_000;

// Compiling the PC catalog takes a second: typing a message, or opening another rule, reuses the last compilation.
let last: { structure: string; configurator: Configurator } | undefined;
function configuratorFor(structure: string): Configurator {
  if (last?.structure !== structure)
    last = { structure, configurator: new Configurator(JSON.parse(structure) as Catalog) };
  return last.configurator;
}

/** Never throws: a draft the engine cannot compile yet has no sample (the rule's problems say why). */
export function findSamples({ seq, structure, at }: SamplesRequest): SamplesReply {
  try {
    const configurator = configuratorFor(structure);
    const rule = configurator.catalog.rules[at];
    return { seq, samples: rule ? ruleSamples(configurator, rule, 6, SEARCH_BUDGET_MS) : [] };
  } catch {
    return { seq, samples: [] };
  }
}
