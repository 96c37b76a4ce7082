import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CatalogVersionSummary } from '../../contract/catalog-admin.schema.ts';
import { ApiError } from '../../ui/api-client.ts';
import { useDateTime } from '../components/dates.ts';

/**
 * How publishing went: the version made (live now, or scheduled), or why not. A draft saved since it was checked
 * (409 `draft_conflict`) is said plainly, with the way on: check it again.
 */
export function PublishOutcome({
  catalogId,
  error,
  published,
  onRecheck,
}: {
  catalogId: string;
  error: Error | null;
  published: CatalogVersionSummary | undefined;
  onRecheck: () => void;
}) {
  const { t } = useTranslation();
  const date = useDateTime();
  if (published)
    return (
      <div role="status" className="notice">
        <p>
          {published.status === 'scheduled'
            ? t('catalogAdmin.publish.scheduled', {
                version: published.version,
                date: date(published.effectiveAt),
              })
            : t('catalogAdmin.publish.published', { version: published.version })}
        </p>
        <Link
          to={`/catalogs/${encodeURIComponent(catalogId)}/versions/${encodeURIComponent(published.version)}`}
        >
          {t('catalogAdmin.publish.toVersion', { version: published.version })}
        </Link>
      </div>
    );
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : '';
  if (code === 'draft_conflict')
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('catalogAdmin.publish.conflict')}</p>
        <button type="button" onClick={onRecheck}>
          {t('catalogAdmin.publish.recheck')}
        </button>
      </div>
    );
  const known = ['unacknowledged_warnings', 'draft_has_errors'].includes(code);
  return (
    <p role="alert" className="notice notice-error">
      {known ? t(`catalogAdmin.publish.refused.${code}`) : error.message}
    </p>
  );
}
