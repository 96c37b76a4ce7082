import { useTranslation } from 'react-i18next';
import { useAdminCatalogs } from '../api/catalogs.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { CatalogSection } from './catalog-section.tsx';

/** `/catalogs`: every catalog with its live version, its versions and its drafts. */
export function CatalogsPage() {
  const { t } = useTranslation();
  const catalogs = useAdminCatalogs();
  return (
    <div className="catalogs-page">
      <h1>{t('catalogAdmin.catalogs.title')}</h1>
      <QueryState isPending={catalogs.isPending} error={catalogs.error}>
        {() =>
          catalogs.data?.length ? (
            catalogs.data.map((catalog) => <CatalogSection key={catalog.id} catalog={catalog} />)
          ) : (
            <p className="notice">{t('catalogAdmin.catalogs.none')}</p>
          )
        }
      </QueryState>
    </div>
  );
}
