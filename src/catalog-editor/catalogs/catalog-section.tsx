import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminCatalog } from '../../contract/catalog-admin.schema.ts';
import { DraftsTable } from './drafts-table.tsx';
import { NewDraftDialog } from './new-draft-dialog.tsx';
import { VersionsTable } from './versions-table.tsx';

/** One catalog: what is live, its versions and drafts, and what can be started from here. */
export function CatalogSection({ catalog }: { catalog: AdminCatalog }) {
  const { t } = useTranslation();
  const id = useId();
  const [creating, setCreating] = useState(false);
  const base = `/catalogs/${encodeURIComponent(catalog.id)}`;
  return (
    <section className="catalog-section" aria-labelledby={id}>
      <div className="catalog-section-head">
        <h2 id={id}>
          {catalog.name} <span className="muted">({catalog.id})</span>
        </h2>
        <p>
          {catalog.live ? (
            <>
              {t('catalogAdmin.catalogs.live')}{' '}
              <Link to={`${base}/versions/${encodeURIComponent(catalog.live)}`}>{catalog.live}</Link>
            </>
          ) : (
            t('catalogAdmin.catalogs.noLive')
          )}
        </p>
        <div className="actions">
          <button type="button" onClick={() => setCreating(true)}>
            {t('catalogAdmin.newDraft.open')}
          </button>
          <Link className="button secondary" to={`${base}/popularity`}>
            {t('catalogAdmin.catalogs.popularity')}
          </Link>
        </div>
      </div>
      <h3>{t('catalogAdmin.catalogs.drafts')}</h3>
      <DraftsTable catalog={catalog} />
      <h3>{t('catalogAdmin.catalogs.versions')}</h3>
      <VersionsTable catalog={catalog} />
      <NewDraftDialog catalog={catalog} open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}
