import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SavedBuild } from '../../contract/saved-builds.schema.ts';
import { useDeleteBuild, useRenameBuild } from '../api/account.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { encodeBuild } from '../../configure/index.ts';
import { useCatalogLookup } from './catalog-lookup.ts';
import { useDateFormat } from './date-format.ts';

interface Props {
  build: SavedBuild;
  picked: boolean;
  canCompare: boolean;
  onTogglePick: () => void;
}

function RenameForm({ build, onDone }: { build: SavedBuild; onDone: () => void }) {
  const { t } = useTranslation();
  const rename = useRenameBuild();
  const [name, setName] = useState(build.name);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || name.trim() === build.name) return onDone();
    rename.mutate({ id: build.id, name: name.trim() }, { onSuccess: onDone });
  }
  const errorId = `rename-${build.id}-error`;
  return (
    <form className="rename-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <label htmlFor={`rename-${build.id}`}>{t('account.builds.newName')}</label>
      <input
        ref={input}
        id={`rename-${build.id}`}
        value={name}
        maxLength={120}
        required
        onChange={(e) => setName(e.target.value)}
        aria-invalid={rename.isError || undefined}
        aria-describedby={rename.isError ? errorId : undefined}
      />
      <button type="submit" className="button" disabled={rename.isPending}>
        {t('account.builds.save')}
      </button>
      <button type="button" className="button secondary" onClick={onDone}>
        {t('account.builds.cancel')}
      </button>
      {rename.error && (
        <p id={errorId} className="field-error">
          {rename.error.message}
        </p>
      )}
    </form>
  );
}

/** One saved build: what it is, and rename, delete, open and pick-to-compare. */
export function BuildCard({ build, picked, canCompare, onTogglePick }: Props) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const date = useDateFormat();
  const catalogs = useCatalogLookup();
  const remove = useDeleteBuild();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const renameButton = useRef<HTMLButtonElement>(null);
  const titleId = `build-${build.id}-title`;
  const back = () => {
    setMode('view');
    // The rename button is back in the page only after this render.
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  return (
    <li className="build-card" aria-labelledby={titleId} data-build={build.id}>
      <div className="build-head">
        <h3 id={titleId}>{build.name}</h3>
        <span className="build-price">
          {format.money(build.priceCents, catalogs.currency(build.catalogId))}
        </span>
      </div>
      <p className="build-meta">
        {t('account.builds.meta', {
          product: catalogs.name(build.catalogId),
          version: build.catalogVersion,
          date: date.day(build.updatedAt),
        })}
        {!build.complete && <span className="badge">{t('account.builds.incomplete')}</span>}
        {build.complete && !build.valid && (
          <span className="badge badge-warn">{t('account.builds.invalid')}</span>
        )}
      </p>
      {mode === 'rename' && <RenameForm build={build} onDone={back} />}
      <div className="build-actions">
        <Link
          className="button"
          to={`/configure/${encodeURIComponent(build.catalogId)}?b=${encodeBuild(build.selections)}&v=${build.catalogVersion}`}
          aria-describedby={titleId}
        >
          {t('account.builds.open')}
        </Link>
        {mode === 'view' && (
          <>
            <button
              ref={renameButton}
              type="button"
              className="button secondary"
              aria-describedby={titleId}
              onClick={() => setMode('rename')}
            >
              {t('account.builds.rename')}
            </button>
            <button
              type="button"
              className="button secondary danger"
              aria-describedby={titleId}
              onClick={() => setMode('confirm-delete')}
            >
              {t('account.builds.delete')}
            </button>
          </>
        )}
        {canCompare && (
          <label className="compare-pick">
            <input type="checkbox" checked={picked} onChange={onTogglePick} aria-describedby={titleId} />
            {t('account.builds.compare')}
          </label>
        )}
      </div>
      {mode === 'confirm-delete' && (
        <div role="alertdialog" aria-labelledby={`${titleId}-confirm`} className="confirm">
          <p id={`${titleId}-confirm`}>{t('account.builds.confirmDelete', { name: build.name })}</p>
          <button
            type="button"
            className="button danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(build.id, {
                // The card and its buttons are gone; the list's heading is the nearest place to carry on from.
                onSuccess: () => document.getElementById('builds-title')?.focus(),
              })
            }
            // The question just appeared; the answer is one key away.
            autoFocus
          >
            {t('account.builds.deleteYes')}
          </button>
          <button type="button" className="button secondary" onClick={back}>
            {t('account.builds.keep')}
          </button>
          {remove.error && <p className="field-error">{remove.error.message}</p>}
        </div>
      )}
    </li>
  );
}
