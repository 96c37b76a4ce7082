import { persistedSessionSchema, SESSION_FORMAT, type PersistedSession } from '../contract/session.schema.ts';
import { createActor, type Actor } from 'xstate';
import type { Build } from '../core/catalog/index.ts';
import type { Configurator } from '../core/configurator/configurator.ts';
import { BuildMappingError } from '../core/configurator/build-mapping.ts';
import { createSessionMachine, type SessionInput, type SessionMachine } from './session.machine.ts';

/**
 * Sessions leave the browser (another device, a sales desk) as a versioned JSON envelope around XState's persisted
 * snapshot. Nothing in it is trusted on the way back: it is checked by zod, the choices are re-validated by the
 * engine, and derived data (the view) is recomputed.
 */

const FORMAT = SESSION_FORMAT;
const persistedSchema = persistedSessionSchema;
export type { PersistedSession };

export interface DroppedChoice {
  slot: string;
  option: string;
  reason: 'not offered' | 'no longer fits';
}

export interface RestoreResult {
  actor: Actor<SessionMachine>;
  /** Choices the current catalog version no longer allows; empty when the session came back as it was. */
  dropped: DroppedChoice[];
  /** The catalog version the session was saved under. */
  fromVersion: string;
}

/** Thrown when a persisted session cannot be restored at all; the message names the problem and its path. */
export class SessionRestoreError extends Error {
  override readonly name = 'SessionRestoreError';
}

/** The envelope to store or send for a running session. */
export function persistSession(actor: Actor<SessionMachine>): PersistedSession {
  const snapshot = actor.getPersistedSnapshot() as unknown as {
    value: string;
    context: { choices: Build; past: Build[]; future: Build[]; step: string };
  };
  const { choices, past, future, step } = snapshot.context;
  const context = actor.getSnapshot().context;
  return {
    format: FORMAT,
    catalogId: context.catalogId,
    catalogVersion: context.catalogVersion,
    snapshot: {
      status: 'active',
      // A pending repair is not carried over: the restored session resumes editing.
      value: 'editing',
      context: { choices, past, future, step },
    },
  };
}

/**
 * Keeps the choices the configurator's catalog still offers and that still fit together (in slot order, each
 * kept only if the build stays completable), reporting the others.
 */
export function migrateChoices(
  configurator: Configurator,
  choices: Build,
): { choices: Build; dropped: DroppedChoice[] } {
  const dropped: DroppedChoice[] = [];
  let kept: Build = {};
  for (const slot of configurator.catalog.slots) {
    for (const [option, quantity] of Object.entries(choices[slot.id] ?? {})) {
      if (!slot.options.some((o) => o.id === option)) {
        dropped.push({ slot: slot.id, option, reason: 'not offered' });
        continue;
      }
      const next: Build = { ...kept, [slot.id]: { ...kept[slot.id], [option]: quantity } };
      if (fits(configurator, next)) kept = next;
      else dropped.push({ slot: slot.id, option, reason: 'no longer fits' });
    }
  }
  for (const slotId of Object.keys(choices))
    if (!configurator.catalog.slots.some((s) => s.id === slotId))
      for (const option of Object.keys(choices[slotId] ?? {}))
        dropped.push({ slot: slotId, option, reason: 'not offered' });
  return { choices: kept, dropped };
}

function fits(configurator: Configurator, build: Build): boolean {
  try {
    return configurator.state(build).consistent;
  } catch (error) {
    if (error instanceof BuildMappingError) return false;
    throw error;
  }
}

/** How to start a restored session: from its exact snapshot, or afresh on the choices that still fit. */
export type SessionStart =
  { snapshot: ReturnType<SessionMachine['resolveState']>; input: SessionInput } | { input: SessionInput };

export interface ResolvedSession {
  start: SessionStart;
  /** Choices the current catalog version no longer allows; empty when the session came back as it was. */
  dropped: DroppedChoice[];
  /** The catalog version the session was saved under. */
  fromVersion: string;
}

/**
 * Checks persisted data and works out how to start it on `machine` (made by `createSessionMachine(configurator)`).
 * Same version and still valid: the exact session (history included). Otherwise a new session on the choices that
 * still fit, with the report of what was dropped.
 * @throws SessionRestoreError for data that is not a session of this catalog.
 */
export function resolveSession(
  machine: SessionMachine,
  configurator: Configurator,
  data: unknown,
): ResolvedSession {
  const parsed = persistedSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SessionRestoreError(
      `not a saved session: ${issue ? `${['$', ...issue.path].join('.')}: ${issue.message}` : 'invalid'}`,
    );
  }
  const saved = parsed.data;
  const { catalog } = configurator;
  if (saved.catalogId !== catalog.id)
    throw new SessionRestoreError(`this session is for "${saved.catalogId}", not "${catalog.id}"`);
  const { context } = saved.snapshot;
  const sameVersion = saved.catalogVersion === catalog.version;
  const history = [...context.past, ...context.future, context.choices];
  if (sameVersion && history.every((b) => fits(configurator, b))) {
    const snapshot = machine.resolveState({
      value: 'editing',
      context: {
        catalogId: catalog.id,
        catalogVersion: catalog.version,
        choices: context.choices,
        view: configurator.state(context.choices),
        past: context.past,
        future: context.future,
        step: catalog.groups.some((g) => g.id === context.step)
          ? context.step
          : (catalog.groups[0]?.id ?? ''),
        pending: null,
      },
    });
    return { start: { snapshot, input: {} }, dropped: [], fromVersion: saved.catalogVersion };
  }
  const migrated = migrateChoices(configurator, context.choices);
  return {
    start: { input: { choices: migrated.choices, step: context.step } },
    dropped: migrated.dropped,
    fromVersion: saved.catalogVersion,
  };
}

/**
 * Restores a persisted session on this configurator's catalog version, as a new (unstarted) actor; see
 * {@link resolveSession}.
 * @throws SessionRestoreError for data that is not a session of this catalog.
 */
export function restoreSession(configurator: Configurator, data: unknown): RestoreResult {
  const machine = createSessionMachine(configurator);
  const { start, dropped, fromVersion } = resolveSession(machine, configurator, data);
  return { actor: createActor(machine, start), dropped, fromVersion };
}
