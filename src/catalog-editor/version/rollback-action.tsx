import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminCatalog } from '../../contract/catalog-admin.schema.ts';
import { ApiError } from '../../ui/api-client.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useRollback } from '../api/catalogs.ts';

/**
 * "Roll back" of the live version, after a dialog that says what happens: the previous version is live again and
 * this one's content comes back as a draft. Someone else having changed the live version meanwhile is said plainly.
 */
export function RollbackAction({
  catalog,
  version,
  isLive,
}: {
  catalog: AdminCatalog;
  version: string;
  /** Only the live version can be rolled back; after a rollback the outcome stays shown. */
  isLive: boolean;
}) {
  const { t } = useTranslation();
  const rollback = useRollback(catalog.id);
  const [open, setOpen] = useState(false);
  // The version live before this one: the next retired one in the newest-first list.
  const index = catalog.versions.findIndex((v) => v.version === version);
  const previous = catalog.versions.slice(index + 1).find((v) => v.status === 'retired')?.version;
  const changed = rollback.error instanceof ApiError && rollback.error.code === 'live_version_changed';
  return (
    <>
      {isLive && (
        <button type="button" className="danger" onClick={() => setOpen(true)} disabled={!previous}>
          {t('catalogAdmin.rollback.open')}
        </button>
      )}
      {isLive && !previous && <p className="muted">{t('catalogAdmin.rollback.nothingBefore')}</p>}
      <ConfirmDialog
        open={open}
        title={t('catalogAdmin.rollback.title', { version })}
        confirm={t('catalogAdmin.rollback.confirm')}
        cancel={t('catalogAdmin.cancel')}
        busy={rollback.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => rollback.mutate(version, { onSettled: () => setOpen(false) })}
      >
        <p>{t('catalogAdmin.rollback.what', { version, previous: previous ?? '' })}</p>
        <p>{t('catalogAdmin.rollback.builds', { version })}</p>
      </ConfirmDialog>
      {changed && (
        <p role="alert" className="notice notice-error">
          {t('catalogAdmin.rollback.liveChanged', { version })}
        </p>
      )}
      {rollback.error && !changed && (
        <p role="alert" className="notice notice-error">
          {rollback.error.message}
        </p>
      )}
      {rollback.data && (
        <p role="status" className="notice">
          {t('catalogAdmin.rollback.done', { live: rollback.data.live })}{' '}
          <Link
            to={`/catalogs/${encodeURIComponent(catalog.id)}/drafts/${encodeURIComponent(rollback.data.draft.id)}`}
          >
            {t('catalogAdmin.rollback.openDraft', { title: rollback.data.draft.title })}
          </Link>
        </p>
      )}
    </>
  );
}
