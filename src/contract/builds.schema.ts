import { z } from 'zod';

/**
 * A build's choices: slot id → option id → quantity (1 for single/optional slots).
 * Stored as JSON in builds.selections; names options by id so a build stays readable next to its catalog version.
 */
export const buildSelectionsSchema = z.record(
  z.string().min(1),
  z.record(z.string().min(1), z.number().int().min(1)),
);
export type BuildSelections = z.infer<typeof buildSelectionsSchema>;
