import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Draft } from '../../contract/catalog-admin.schema.ts';
import { catalogSchema, type Catalog } from '../../core/catalog/index.ts';
import { createAutosave, type Autosave } from './autosave.ts';
import { FindingsPanel } from './checks/findings-panel.tsx';
import { useChecks } from './checks/use-checks.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { DocumentContext } from './document-context.tsx';
import { createDocumentStore, type DocumentStore } from './document.store.ts';
import { loadDraft, saveDraft } from './draft-api.ts';
import { EditorBody } from './editor-body.tsx';
import { EditorHeader } from './editor-header.tsx';
import { createEditorUi, EditorUiContext } from './editor-ui.store.ts';
import './draft.css';

/**
 * A stored draft as the forms can edit it: the schema's defaults filled in where it validates; as it is otherwise
 * (a draft may be saved half-way through a change), with the lists the forms walk made present.
 */
export function editable(document: Record<string, unknown>): Catalog {
  const parsed = catalogSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const lists = { attributes: {}, groups: [], slots: [], rules: [], packages: [], priceRules: [] };
  return { ...lists, ...document } as unknown as Catalog;
}

/** Undo: Ctrl/⌘+Z; redo: Ctrl/⌘+Shift+Z or Ctrl+Y, anywhere on the page (fields included: they show the document). */
function useUndoKeys(docs: DocumentStore) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) docs.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') docs.getState().redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [docs]);
}

/** Saves on leaving: the page hidden or closed (keepalive), or this editor left for another page of the app. */
function useSaveOnLeave(autosave: Autosave) {
  useEffect(() => {
    const stop = autosave.start();
    const leave = () => autosave.flush(true);
    const warn = (e: BeforeUnloadEvent) => {
      if (autosave.state.getState().status !== 'saved') e.preventDefault();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', warn);
      leave();
      stop();
    };
  }, [autosave]);
}

function LoadedEditor({ draft }: { draft: Draft }) {
  const [stores] = useState(() => {
    const docs = createDocumentStore(editable(draft.document));
    const autosave = createAutosave(
      docs,
      { revision: draft.revision, document: docs.getState().doc },
      (revision, doc, keepalive) => saveDraft(draft.id, revision, doc, keepalive),
    );
    return { docs, autosave, ui: createEditorUi() };
  });
  useUndoKeys(stores.docs);
  useSaveOnLeave(stores.autosave);
  const doc = useStore(stores.docs, (s) => s.doc);
  const checks = useChecks(doc);
  return (
    <DocumentContext.Provider value={stores.docs}>
      <EditorUiContext.Provider value={stores.ui}>
        <div className="draft-editor">
          <EditorHeader title={draft.title} autosave={stores.autosave} />
          <div className="draft-layout">
            <EditorBody />
            <FindingsPanel checks={checks} doc={doc} />
          </div>
          <ConflictDialog autosave={stores.autosave} />
        </div>
      </EditorUiContext.Provider>
    </DocumentContext.Provider>
  );
}

/** The draft editor page (issue 18 §1, §2, §7): `/catalogs/:catalogId/drafts/:draftId`. */
export function DraftEditor({ draftId }: { catalogId: string; draftId: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ draft?: Draft; error?: string }>({});
  useEffect(() => {
    const abort = new AbortController();
    loadDraft(draftId, abort.signal).then(
      (draft) => setLoaded({ draft }),
      (error: unknown) => {
        if (!abort.signal.aborted)
          setLoaded({ error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [draftId]);
  if (loaded.error) return <p role="alert">{t('catalogDraft.loadFailed', { reason: loaded.error })}</p>;
  if (!loaded.draft) return <p role="status">{t('catalogDraft.loading')}</p>;
  return <LoadedEditor key={`${loaded.draft.id}`} draft={loaded.draft} />;
}
