import { Link, useParams } from 'react-router';
import { useCatalog } from '../api/catalogs.ts';
import { QueryState } from '../components/query-state.tsx';
import { SlotSection } from '../components/slot-section.tsx';
import { formatMoney } from '../../ui/format.ts';
import { toCents } from '../../core/pricing/index.ts';
import type { Catalog } from '../../core/catalog/index.ts';

function CatalogView({ catalog }: { catalog: Catalog }) {
  return (
    <>
      <header className="catalog-head">
        <p className="breadcrumb">
          <Link to="/">Products</Link> / {catalog.name}
        </p>
        <h1>{catalog.name}</h1>
        <p className="lead">{catalog.description}</p>
        <p className="catalog-meta">
          Base price {formatMoney(toCents(catalog.basePrice), catalog.currency)} · catalog version{' '}
          {catalog.version}
        </p>
      </header>
      {catalog.groups.map((group) => {
        const slots = catalog.slots.filter((s) => s.group === group.id);
        if (slots.length === 0) return null;
        return (
          <section key={group.id} className="group" aria-labelledby={`group-${group.id}`}>
            <h2 id={`group-${group.id}`}>{group.name}</h2>
            {slots.map((slot) => (
              <SlotSection key={slot.id} slot={slot} catalog={catalog} />
            ))}
          </section>
        );
      })}
    </>
  );
}

export function CatalogPage() {
  const { catalogId = '' } = useParams();
  const { data, isPending, error } = useCatalog(catalogId);
  return (
    <QueryState isPending={isPending} error={error}>
      {() => (data ? <CatalogView catalog={data} /> : null)}
    </QueryState>
  );
}
