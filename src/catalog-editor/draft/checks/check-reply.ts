import type { CatalogProblem } from '../../../core/catalog/index.ts';
import type { Finding } from '../../../core/catalog-check/index.ts';

/** What the check worker is asked: a document, numbered so that only the newest one's answer is shown. */
export interface CheckRequest {
  seq: number;
  doc: unknown;
}

/**
 * Its answer: schema and reference problems (then no findings and no count), or the anomalies and the exact count of
 * valid builds as a decimal string (BigInt does not cross postMessage in every browser's structured clone).
 */
export interface CheckReply {
  seq: number;
  issues: CatalogProblem[];
  findings: Finding[];
  buildCount: string | null;
  /** The compiled form it was checked on (a d-DNNF past the diagram's bound: two checks fewer); null when none. */
  form: 'mdd' | 'dnnf' | null;
  failure?: string;
}
