import type { OwnTimelineItem as TimelineItem } from '../../contract/interactions.schema.ts';

const CONFIGURING = new Set(['config.chose', 'config.unchose', 'config.repaired']);
/** Choices further apart than this are separate sittings. */
const SITTING_MS = 2 * 3_600_000;

const actorKey = ({ actor }: TimelineItem) =>
  actor.who === 'you' ? 'you' : `staff:${actor.name}:${actor.role}`;

/**
 * Consecutive configuration steps of one sitting (same catalog, channel and actor, close in time) as one group, so
 * a build's dozen choices read as one line that opens into each step; everything else stands alone.
 */
export function groupTimeline(items: readonly TimelineItem[]): TimelineItem[][] {
  const groups: TimelineItem[][] = [];
  for (const item of items) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    const joins =
      group !== undefined &&
      last !== undefined &&
      CONFIGURING.has(item.kind) &&
      CONFIGURING.has(last.kind) &&
      item.catalogId === last.catalogId &&
      item.catalogVersion === last.catalogVersion &&
      item.channel === last.channel &&
      actorKey(item) === actorKey(last) &&
      Math.abs(Date.parse(last.at) - Date.parse(item.at)) <= SITTING_MS;
    if (joins) group.push(item);
    else groups.push([item]);
  }
  return groups;
}
