import { Link } from 'react-router';
import { useCatalogList } from '../api/catalogs.ts';
import { QueryState } from '../components/query-state.tsx';

export function HomePage() {
  const { data, isPending, error } = useCatalogList();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Build one that is yours</h1>
      <p className="lead">
        Pick a product, then choose every module: each combination we show can be built, and we price it as
        you go.
      </p>
      <QueryState isPending={isPending} error={error}>
        {() => (
          <ul className="product-grid" aria-label="Products">
            {data?.map((catalog) => (
              <li key={catalog.id}>
                <Link className="product-card" to={`/configure/${catalog.id}`} data-catalog={catalog.id}>
                  <span className="product-name">{catalog.name}</span>
                  <span className="product-description">{catalog.description}</span>
                  <span className="product-meta">
                    {catalog.slotCount} modules · {catalog.optionCount} options · catalog {catalog.version}
                  </span>
                  <span className="product-cta">Configure →</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
