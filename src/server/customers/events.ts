import type { Issue } from '../../contract/errors.schema.ts';
import type { ConfigEvent } from '../../contract/interactions.schema.ts';
import type { CatalogIndex } from '../../core/catalog/build.ts';
import type { Choice } from '../../core/profile/preferences.ts';

function optionIssue(index: CatalogIndex, path: string, slotId: string, optionId: string | null): Issue[] {
  const slot = index.slot.get(slotId);
  const { id, version } = index.catalog;
  if (!slot) return [{ path: `${path}.slotId`, message: `no slot "${slotId}" in ${id}@${version}` }];
  if (optionId === null) return [];
  const found = index.option.get(optionId);
  if (!found || found.slot.id !== slotId)
    return [
      {
        path: `${path}.optionId`,
        message: `"${optionId}" is not an option of ${slot.name} in ${id}@${version}`,
      },
    ];
  return [];
}

/** Every reference of a configuration event that its catalog version does not have, with the body path. */
export function configEventIssues(index: CatalogIndex, event: ConfigEvent, path: string): Issue[] {
  switch (event.kind) {
    case 'config.chose':
    case 'config.unchose':
      return optionIssue(index, path, event.slotId, event.optionId);
    case 'config.repaired':
      return event.changes.flatMap((c, i) => [
        ...optionIssue(index, `${path}.changes[${i}]`, c.slotId, c.removed),
        ...optionIssue(index, `${path}.changes[${i}]`, c.slotId, c.added),
      ]);
    case 'config.completed':
      return Object.entries(event.selections).flatMap(([slotId, options]) =>
        Object.keys(options).flatMap((optionId) =>
          optionIssue(index, `${path}.selections.${slotId}`, slotId, optionId),
        ),
      );
  }
}

/** The payload stored in the log: the event without what has its own columns. */
export function eventPayload(event: ConfigEvent): Record<string, unknown> {
  const { kind: _kind, catalogId: _catalogId, catalogVersion: _catalogVersion, ...payload } = event;
  return payload;
}

/** The choices a logged event teaches: a chose event its option, a repair the options it added. */
export function choicesOf(
  kind: string,
  catalogId: string,
  payload: Record<string, unknown>,
  at: string,
): Choice[] {
  if (kind === 'config.chose' && typeof payload.slotId === 'string' && typeof payload.optionId === 'string')
    return [{ catalogId, slotId: payload.slotId, optionId: payload.optionId, at }];
  if (kind === 'config.repaired' && Array.isArray(payload.changes))
    return (payload.changes as { slotId?: unknown; added?: unknown }[]).flatMap((c) =>
      typeof c.slotId === 'string' && typeof c.added === 'string'
        ? [{ catalogId, slotId: c.slotId, optionId: c.added, at }]
        : [],
    );
  return [];
}
