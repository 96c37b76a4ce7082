import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AdminCatalog } from '../../contract/catalog-admin.schema.ts';
import type { CatalogProblem } from '../../core/catalog/index.ts';
import { useModal } from '../../ui/use-modal.ts';
import { useCreateDraft, type CreateDraftBody } from '../api/catalogs.ts';
import { readCatalogFile } from './import-file.ts';
import { ProblemList } from './problem-list.tsx';

type Source = 'live' | 'version' | 'file';

/**
 * "New draft": a title, and where it starts from: the live version, any version, or an imported catalog file
 * (checked here first; a file with problems creates nothing and shows each problem by its JSON path).
 */
export function NewDraftDialog({
  catalog,
  open,
  onClose,
  initialVersion,
}: {
  catalog: AdminCatalog;
  open: boolean;
  onClose: () => void;
  /** Preselects "from version" with this one (the version page's "Start a draft from it"). */
  initialVersion?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateDraft(catalog.id);
  const noButton = useRef<HTMLButtonElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const dialog = useModal(open, noButton);
  const [title, setTitle] = useState('');
  const [source, setSource] = useState<Source>(initialVersion ? 'version' : catalog.live ? 'live' : 'file');
  const [version, setVersion] = useState(initialVersion ?? catalog.versions[0]?.version ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<CatalogProblem[]>([]);
  const [reading, setReading] = useState(false);
  useEffect(() => {
    if (open) titleInput.current?.focus();
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    let from: CreateDraftBody['from'];
    if (source === 'version') from = { version };
    if (source === 'file') {
      if (!file) return setProblems([{ path: '$', message: t('catalogAdmin.newDraft.noFile') }]);
      setReading(true);
      const read = readCatalogFile(await file.text(), file.name, catalog.id);
      setReading(false);
      if (!read.ok) return setProblems(read.problems);
      from = { document: read.document };
    }
    create.mutate(
      { title: title.trim(), ...(from ? { from } : {}) },
      {
        onSuccess: (draft) =>
          void navigate(`/catalogs/${encodeURIComponent(catalog.id)}/drafts/${encodeURIComponent(draft.id)}`),
      },
    );
  };

  return (
    <dialog
      ref={dialog}
      className="dialog new-draft-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 id={`${id}-title`}>{t('catalogAdmin.newDraft.title', { name: catalog.name })}</h2>
          <label className="field">
            {t('catalogAdmin.newDraft.name')}
            <input
              ref={titleInput}
              value={title}
              required
              maxLength={120}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <fieldset>
            <legend>{t('catalogAdmin.newDraft.from')}</legend>
            {catalog.live && (
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-source`}
                  checked={source === 'live'}
                  onChange={() => setSource('live')}
                />
                {t('catalogAdmin.newDraft.fromLive', { version: catalog.live })}
              </label>
            )}
            {catalog.versions.length > 0 && (
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-source`}
                  checked={source === 'version'}
                  onChange={() => setSource('version')}
                />
                {t('catalogAdmin.newDraft.fromVersion')}
              </label>
            )}
            {source === 'version' && (
              <label className="field nested">
                {t('catalogAdmin.version.version')}
                <select value={version} onChange={(e) => setVersion(e.target.value)}>
                  {catalog.versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      {v.version} · {t(`catalogAdmin.status.${v.status}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="choice">
              <input
                type="radio"
                name={`${id}-source`}
                checked={source === 'file'}
                onChange={() => setSource('file')}
              />
              {t('catalogAdmin.newDraft.fromFile')}
            </label>
            {source === 'file' && (
              <label className="field nested">
                {t('catalogAdmin.newDraft.file')}
                <input
                  type="file"
                  accept="application/json,.json"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setProblems([]);
                  }}
                />
              </label>
            )}
          </fieldset>
          {problems.length > 0 && <ProblemList problems={problems} />}
          {create.error && (
            <p role="alert" className="notice notice-error">
              {create.error.message}
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={!title.trim() || create.isPending || reading}>
              {create.isPending ? t('catalogAdmin.newDraft.creating') : t('catalogAdmin.newDraft.create')}
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              {t('catalogAdmin.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
