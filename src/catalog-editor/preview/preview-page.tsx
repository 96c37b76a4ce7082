import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Configure } from '../../configure/index.ts';
import { useCatalogTitle } from '../../ui/i18n/catalog-words.ts';
import { useDraft, useDraftCatalog } from '../api/drafts.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { contentKey } from './content-key.ts';
import { usePreviewHost } from './preview-host.tsx';

/**
 * `/catalogs/:catalogId/drafts/:draftId/preview`: the draft in the real configurator and its 3D view, as a
 * customer would meet it once published. Nothing done here is saved or logged.
 */
export function PreviewPage() {
  const { t } = useTranslation();
  const { catalogId = '', draftId = '' } = useParams();
  const draft = useDraft(draftId);
  const catalog = useDraftCatalog(draftId);
  const host = usePreviewHost(catalogId, draftId);
  // The configurator is kept per catalog id and version for the whole visit; a version name of the draft's own,
  // by content, keeps it apart from the live version's (the shop may have loaded it) and from earlier revisions.
  const previewed = useMemo(
    () =>
      catalog.data && {
        ...catalog.data,
        version: `${catalog.data.version}+draft.${draftId}.${contentKey(catalog.data)}`,
      },
    [catalog.data, draftId],
  );
  const base = `/catalogs/${encodeURIComponent(catalogId)}/drafts/${encodeURIComponent(draftId)}`;
  const draftTitle = draft.data?.title ?? draftId;
  const title = useCatalogTitle();
  return (
    <div className="preview-page">
      <div role="note" className="notice notice-warning preview-banner">
        <p>
          <strong>{t('catalogAdmin.preview.banner', { title: draftTitle })}</strong>{' '}
          {t('catalogAdmin.preview.nothingKept')}
        </p>
        <p className="actions">
          <Link to={base}>{t('catalogAdmin.preview.backToDraft')}</Link>
          <Link to={`${base}/publish`}>{t('catalogAdmin.draft.publish')}</Link>
        </p>
      </div>
      <QueryState isPending={catalog.isPending} error={catalog.error}>
        {() =>
          previewed && (
            <>
              <h1>{t('catalogAdmin.preview.title', { name: title(previewed).name })}</h1>
              <Configure key={previewed.version} catalog={previewed} host={host} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
