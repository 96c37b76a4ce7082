import { describe, expect, it } from 'vitest';
import type { OwnTimelineItem as TimelineItem } from '../../contract/interactions.schema.ts';
import { groupTimeline } from './timeline-groups.ts';

const item = (id: string, kind: string, at: string, over: Partial<TimelineItem> = {}): TimelineItem => ({
  id,
  kind,
  channel: 'web',
  actor: { who: 'you' },
  at,
  catalogId: 'pc',
  catalogVersion: '2026.11.1',
  payload: {},
  ...over,
});

describe('groupTimeline', () => {
  it('groups the steps of one sitting, keeps saves and orders apart and newest-first order intact', () => {
    const items = [
      item('save', 'build.saved', '2026-08-01T09:00:00Z'),
      item('c3', 'config.chose', '2026-08-01T08:30:00Z'),
      item('u2', 'config.unchose', '2026-08-01T08:29:00Z'),
      item('c1', 'config.chose', '2026-08-01T08:28:00Z'),
      item('old', 'config.chose', '2026-07-01T08:28:00Z'),
      item('car', 'config.chose', '2026-07-01T08:27:00Z', { catalogId: 'car' }),
      item('staff', 'config.chose', '2026-07-01T08:26:00Z', {
        catalogId: 'car',
        actor: { who: 'staff', name: 'S', role: 'sales' },
      }),
    ];
    expect(groupTimeline(items).map((g) => g.map((i) => i.id))).toEqual([
      ['save'],
      ['c3', 'u2', 'c1'],
      ['old'],
      ['car'],
      ['staff'],
    ]);
  });
});
