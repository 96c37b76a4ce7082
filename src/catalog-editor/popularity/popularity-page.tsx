import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAdminCatalog, usePopularity } from '../api/catalogs.ts';
import { useNames } from '../api/names.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { PopularityTable } from './popularity-table.tsx';

/** `/catalogs/:catalogId/popularity`: each option's orders, sessions, and recommendations made and taken. */
export function PopularityPage() {
  const { t } = useTranslation();
  const { catalogId = '' } = useParams();
  const { catalog } = useAdminCatalog(catalogId);
  const popularity = usePopularity(catalogId);
  const names = useNames(catalogId);
  return (
    <div className="popularity-page">
      <p className="breadcrumb">
        <Link to="/catalogs">{t('catalogAdmin.nav.catalogs')}</Link>
      </p>
      <h1>{t('catalogAdmin.popularity.title', { name: catalog?.name ?? catalogId })}</h1>
      <QueryState isPending={popularity.isPending} error={popularity.error}>
        {() =>
          popularity.data && (
            <>
              <p>
                {t('catalogAdmin.popularity.totals', {
                  orders: popularity.data.totals.orders,
                  sessions: popularity.data.totals.sessions,
                })}
              </p>
              <PopularityTable data={popularity.data} names={names} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
