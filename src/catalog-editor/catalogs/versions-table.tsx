import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminCatalog } from '../../contract/catalog-admin.schema.ts';
import { useDateTime } from '../components/dates.ts';
import { ExportButton } from '../components/export-button.tsx';
import { StatusBadge } from '../components/status-badge.tsx';

/** A catalog's published versions, newest first: status, from when, the note, who, how much depends on it. */
export function VersionsTable({ catalog }: { catalog: AdminCatalog }) {
  const { t } = useTranslation();
  const date = useDateTime();
  if (catalog.versions.length === 0) return <p className="muted">{t('catalogAdmin.catalogs.noVersions')}</p>;
  return (
    <div className="table-scroll">
      <table className="editor-table">
        <caption className="visually-hidden">
          {t('catalogAdmin.catalogs.versionsOf', { name: catalog.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogAdmin.version.version')}</th>
            <th scope="col">{t('catalogAdmin.version.status')}</th>
            <th scope="col">{t('catalogAdmin.version.effective')}</th>
            <th scope="col">{t('catalogAdmin.version.note')}</th>
            <th scope="col">{t('catalogAdmin.version.publishedBy')}</th>
            <th scope="col" className="number">
              {t('catalogAdmin.version.builds')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('catalogAdmin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {catalog.versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">
                <Link
                  to={`/catalogs/${encodeURIComponent(catalog.id)}/versions/${encodeURIComponent(v.version)}`}
                >
                  {v.version}
                </Link>
              </th>
              <td>
                <StatusBadge status={v.status} />
              </td>
              <td>{date(v.effectiveAt)}</td>
              <td className="note-cell">{v.note}</td>
              <td>{v.publishedBy?.name ?? t('catalogAdmin.nobody')}</td>
              <td className="number">{v.buildCount}</td>
              <td>
                <ExportButton
                  catalogId={catalog.id}
                  source={{ version: v.version }}
                  label={t('catalogAdmin.exportOf', { what: v.version })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
