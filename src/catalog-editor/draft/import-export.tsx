import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogError, parseCatalog, type CatalogProblem } from '../../core/catalog/index.ts';
import { useModal } from '../../ui/use-modal.ts';
import { useDocumentStore } from './document-context.tsx';

/**
 * Import: a catalog file replaces the document as one undoable edit, only once parseCatalog accepts it; otherwise
 * its problems by JSON path and nothing changed. Export: the document as `<id>.json`.
 */
export function ImportExport() {
  const { t } = useTranslation();
  const store = useDocumentStore();
  const input = useRef<HTMLInputElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [refused, setRefused] = useState<{ file: string; problems: CatalogProblem[] }>();
  const [imported, setImported] = useState<string>();
  const dialog = useModal(refused !== undefined, close);

  const importFile = async (file: File) => {
    const text = await file.text();
    try {
      const catalog = parseCatalog(text, file.name);
      store.getState().edit(() => catalog);
      setImported(file.name);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      setRefused({ file: file.name, problems: error.problems });
    }
  };

  const exportFile = () => {
    const doc = store.getState().doc;
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = `${doc.id}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <label className="button secondary">
        {t('catalogDraft.file.import')}
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      <button type="button" className="secondary" onClick={exportFile}>
        {t('catalogDraft.file.export')}
      </button>
      {imported && (
        <span role="status" className="muted small">
          {t('catalogDraft.file.imported', { file: imported })}
        </span>
      )}
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby="import-title"
        onCancel={() => setRefused(undefined)}
      >
        {refused && (
          <>
            <h2 id="import-title">{t('catalogDraft.file.importTitle')}</h2>
            <p>{t('catalogDraft.file.importLead', { file: refused.file })}</p>
            <ul className="paths">
              {refused.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
            <div className="actions">
              <button ref={close} type="button" onClick={() => setRefused(undefined)}>
                {t('catalogDraft.file.close')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
