import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { Draft } from '../../contract/catalog-admin.schema.ts';
import '../../ui/i18n/i18n.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { validateCatalog } from '../../core/catalog/index.ts';
import { DraftEditor } from './draft-editor.tsx';

export const mini = validateCatalog(miniCatalog(), 'mini');

export const draftOf = (document = mini, revision = 1): Draft => ({
  id: 'd1',
  catalogId: mini.id,
  title: 'Spring',
  baseVersion: null,
  revision,
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: { name: 'Cara' },
  document,
  issues: [],
});

/** The editor on a stubbed fetch: GET answers `draft`, PUT answers `onSave(body)`. Returns the PUT bodies seen. */
export function renderEditor(
  draft: Draft,
  onSave: (body: { baseRevision: number; document: unknown }) => Response,
) {
  const saves: { baseRevision: number; document: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as { baseRevision: number; document: unknown };
        saves.push(body);
        return Promise.resolve(onSave(body));
      }
      return Promise.resolve(Response.json(draft));
    }),
  );
  const view = render(<DraftEditor catalogId={draft.catalogId} draftId={draft.id} />);
  return { ...view, saves };
}
