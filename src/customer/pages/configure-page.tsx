import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useCatalog } from '../api/catalogs.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { Configure, Preparing } from '../../configure/index.ts';
import { useShopperHost } from '../shopper-host.tsx';
import { useTranslation } from 'react-i18next';
import { AppFlow } from '../flow/app-flow.tsx';
import { useCatalogTitle } from '../../ui/i18n/catalog-words.ts';

export function ConfigurePage() {
  const { catalogId = '' } = useParams();
  const { data, isPending, error } = useCatalog(catalogId);
  const { t } = useTranslation();
  const flow = AppFlow.useActorRef();
  const host = useShopperHost();
  const title = useCatalogTitle();
  useEffect(() => {
    flow.send({ type: 'product.pick', catalogId });
    flow.send({ type: 'review.back' });
  }, [flow, catalogId]);
  return (
    <QueryState isPending={isPending} error={error}>
      {() =>
        data ? (
          <>
            <header className="catalog-head compact">
              <p className="breadcrumb">
                <Link to="/">{t('home.products')}</Link> / {title(data).name}
              </p>
              <h1>{t('configure.title', { name: title(data).name })}</h1>
            </header>
            {host ? (
              <Configure key={`${data.id}@${data.version}`} catalog={data} host={host} />
            ) : (
              <Preparing />
            )}
          </>
        ) : null
      }
    </QueryState>
  );
}
