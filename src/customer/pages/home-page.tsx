import { useEffect } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCatalogList } from '../api/catalogs.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { AppFlow } from '../flow/app-flow.tsx';
import { Welcome } from '../flow/welcome.tsx';
import { useCatalogTitle } from '../../ui/i18n/catalog-words.ts';

export function HomePage() {
  const { data, isPending, error } = useCatalogList();
  const { t } = useTranslation();
  const title = useCatalogTitle();
  const flow = AppFlow.useActorRef();
  useEffect(() => flow.send({ type: 'product.leave' }), [flow]);
  return (
    <section aria-labelledby="home-title">
      <Welcome />
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <QueryState isPending={isPending} error={error}>
        {() => (
          <ul className="product-grid" aria-label={t('home.products')}>
            {data?.map((catalog) => (
              <li key={catalog.id}>
                <Link className="product-card" to={`/configure/${catalog.id}`} data-catalog={catalog.id}>
                  <span className="product-name">{title(catalog).name}</span>
                  <span className="product-description">{title(catalog).description}</span>
                  <span className="product-meta">
                    {t('home.meta', {
                      slots: catalog.slotCount,
                      options: catalog.optionCount,
                      version: catalog.version,
                    })}
                  </span>
                  <span className="product-cta">{t('home.cta')}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
