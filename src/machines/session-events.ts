import type { Build } from '../core/catalog/index.ts';

/**
 * What a session tells the world about a change of its build, in the words of the interaction log
 * (`src/contract/interactions.schema.ts`): the app forwards these to the server, which learns preferences from them.
 * Catalog id and version are the listener's to add; the session knows them, the events stay small.
 */
export type SessionEmitted =
  | { type: 'config.chose'; slotId: string; optionId: string; quantity: number }
  | { type: 'config.unchose'; slotId: string; optionId: string }
  | {
      type: 'config.repaired';
      changes: { slotId: string; removed: string | null; added: string | null }[];
    }
  | { type: 'config.completed'; selections: Build };

/** Why the build changed: a repair is logged as one event, everything else option by option. */
export type ChangeCause = 'edit' | 'repair';

/**
 * The events that turn `before` into `after`, slot by slot in catalog order.
 * Post: empty when the builds choose the same options in the same quantities; a quantity change is a `config.chose`
 * with the new quantity. `config.completed` is added only when `after` is complete and `before` was not.
 */
export function changeEvents(
  slotOrder: readonly string[],
  before: Build,
  after: Build,
  cause: ChangeCause,
  completed: { before: boolean; after: boolean },
): SessionEmitted[] {
  const events: SessionEmitted[] = [];
  const repairs: { slotId: string; removed: string | null; added: string | null }[] = [];
  for (const slotId of slotOrder) {
    const from = before[slotId] ?? {};
    const to = after[slotId] ?? {};
    const removed = Object.keys(from).filter((id) => to[id] === undefined);
    const added = Object.keys(to).filter((id) => from[id] !== to[id]);
    if (cause === 'repair') {
      const fresh = added.filter((id) => from[id] === undefined);
      for (let i = 0; i < Math.max(removed.length, fresh.length); i++)
        repairs.push({ slotId, removed: removed[i] ?? null, added: fresh[i] ?? null });
      continue;
    }
    for (const optionId of removed) events.push({ type: 'config.unchose', slotId, optionId });
    for (const optionId of added)
      events.push({ type: 'config.chose', slotId, optionId, quantity: to[optionId] ?? 1 });
  }
  if (repairs.length > 0) events.push({ type: 'config.repaired', changes: repairs });
  if (completed.after && !completed.before) events.push({ type: 'config.completed', selections: after });
  return events;
}
