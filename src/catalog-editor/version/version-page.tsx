import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAdminCatalog } from '../api/catalogs.ts';
import { useDateTime } from '../components/dates.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { NewDraftDialog } from '../catalogs/new-draft-dialog.tsx';
import { DiffPicker } from './diff-picker.tsx';
import { RollbackAction } from './rollback-action.tsx';

/** `/catalogs/:catalogId/versions/:version`: one published version, what it says, and what can be done with it. */
export function VersionPage() {
  const { t } = useTranslation();
  const { catalogId = '', version = '' } = useParams();
  const { catalog, isPending, error } = useAdminCatalog(catalogId);
  const date = useDateTime();
  const [drafting, setDrafting] = useState(false);
  return (
    <QueryState isPending={isPending} error={error}>
      {() => {
        const summary = catalog?.versions.find((v) => v.version === version);
        if (!catalog || !summary) return <p role="alert">{t('catalogAdmin.version.unknown', { version })}</p>;
        return (
          <div className="version-page">
            <p className="breadcrumb">
              <Link to="/catalogs">{t('catalogAdmin.nav.catalogs')}</Link> › {catalog.name}
            </p>
            <h1>
              {t('catalogAdmin.version.heading', { name: catalog.name, version })}{' '}
              <StatusBadge status={summary.status} />
            </h1>
            <dl className="facts">
              <dt>{t('catalogAdmin.version.note')}</dt>
              <dd>{summary.note || '—'}</dd>
              <dt>{t('catalogAdmin.version.publishedBy')}</dt>
              <dd>
                {t('catalogAdmin.version.publishedWhen', {
                  name: summary.publishedBy?.name ?? t('catalogAdmin.nobody'),
                  date: date(summary.publishedAt),
                })}
              </dd>
              <dt>{t('catalogAdmin.version.effective')}</dt>
              <dd>{date(summary.effectiveAt)}</dd>
              <dt>{t('catalogAdmin.version.builds')}</dt>
              <dd>{t('catalogAdmin.version.buildCount', { count: summary.buildCount })}</dd>
            </dl>
            <section className="panel" aria-labelledby="version-actions">
              <h2 id="version-actions">{t('catalogAdmin.actions')}</h2>
              <DiffPicker catalog={catalog} version={version} />
              <div className="actions">
                <button type="button" className="secondary" onClick={() => setDrafting(true)}>
                  {t('catalogAdmin.version.startDraft')}
                </button>
                <RollbackAction catalog={catalog} version={version} isLive={summary.status === 'live'} />
              </div>
            </section>
            <NewDraftDialog
              catalog={catalog}
              open={drafting}
              onClose={() => setDrafting(false)}
              initialVersion={version}
            />
          </div>
        );
      }}
    </QueryState>
  );
}
