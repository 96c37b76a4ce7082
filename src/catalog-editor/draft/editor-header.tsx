import { useTranslation } from 'react-i18next';
import { useDoc, useHistory } from './document-context.tsx';
import type { Autosave } from './autosave.ts';
import { ImportExport } from './import-export.tsx';
import { SaveStatus } from './save-status.tsx';

/** The draft's name and catalog, its save status, undo/redo and the file buttons. */
export function EditorHeader({ title, autosave }: { title: string; autosave: Autosave }) {
  const { t } = useTranslation();
  const doc = useDoc();
  const history = useHistory();
  return (
    <header className="draft-header">
      <div>
        <h1>{t('catalogDraft.title', { name: title })}</h1>
        <p className="muted small">
          {doc.name} · <span className="mono">{doc.id}</span> · {doc.version}
        </p>
      </div>
      <SaveStatus autosave={autosave} />
      <div className="toolbar">
        <button
          type="button"
          className="secondary"
          disabled={!history.canUndo}
          onClick={history.undo}
          aria-keyshortcuts="Control+Z"
        >
          ↶ {t('catalogDraft.undo')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!history.canRedo}
          onClick={history.redo}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
        >
          ↷ {t('catalogDraft.redo')}
        </button>
        <ImportExport />
      </div>
    </header>
  );
}
