import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminCatalog } from '../../contract/catalog-admin.schema.ts';
import { useDateTime } from '../components/dates.ts';
import { ExportButton } from '../components/export-button.tsx';

/** A catalog's drafts: what each is called, where it started, who saved it last and when. */
export function DraftsTable({ catalog }: { catalog: AdminCatalog }) {
  const { t } = useTranslation();
  const date = useDateTime();
  if (catalog.drafts.length === 0) return <p className="muted">{t('catalogAdmin.catalogs.noDrafts')}</p>;
  const base = `/catalogs/${encodeURIComponent(catalog.id)}/drafts`;
  return (
    <div className="table-scroll">
      <table className="editor-table">
        <caption className="visually-hidden">
          {t('catalogAdmin.catalogs.draftsOf', { name: catalog.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogAdmin.draft.title')}</th>
            <th scope="col">{t('catalogAdmin.draft.base')}</th>
            <th scope="col">{t('catalogAdmin.draft.saved')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('catalogAdmin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {catalog.drafts.map((d) => {
            const href = `${base}/${encodeURIComponent(d.id)}`;
            return (
              <tr key={d.id}>
                <th scope="row">
                  <Link to={href}>{d.title}</Link>
                </th>
                <td>{d.baseVersion ?? t('catalogAdmin.draft.noBase')}</td>
                <td>
                  {t('catalogAdmin.draft.savedBy', {
                    name: d.updatedBy?.name ?? t('catalogAdmin.nobody'),
                    date: date(d.updatedAt),
                  })}
                </td>
                <td className="row-actions">
                  <Link to={`${href}/preview`} aria-label={t('catalogAdmin.previewOf', { what: d.title })}>
                    {t('catalogAdmin.draft.preview')}
                  </Link>
                  <Link to={`${href}/publish`} aria-label={t('catalogAdmin.publishOf', { what: d.title })}>
                    {t('catalogAdmin.draft.publish')}
                  </Link>
                  <ExportButton
                    catalogId={catalog.id}
                    source={{ draftId: d.id }}
                    label={t('catalogAdmin.exportOf', { what: d.title })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
