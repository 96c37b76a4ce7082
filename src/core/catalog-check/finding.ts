import { z } from 'zod';

/** What the anomaly checks can find (issue 18 §2, §8). */
export const findingKinds = [
  'void',
  'dead',
  'forced',
  'redundant',
  'never-holds',
  'always-holds',
  'package-dead',
  'quantity-unreachable',
  'missing-price',
  'missing-translation',
] as const;
export type FindingKind = (typeof findingKinds)[number];

/**
 * One anomaly. `ids` names what is involved: options (or `Var=value` for a plain model), rules, packages, slots,
 * first the subject, then the rules of its explanation. `explanation` gives those rules in words.
 */
export const findingSchema = z.strictObject({
  kind: z.enum(findingKinds),
  severity: z.enum(['error', 'warning']),
  ids: z.array(z.string()),
  message: z.string().min(1),
  explanation: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** Whether findings stop a catalog from going live (the CLI's exit status, the editor's publish button). */
export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === 'error');
