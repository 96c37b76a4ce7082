import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Catalog } from '../../core/catalog/index.ts';
import { Configurator } from '../../core/configurator/configurator.ts';
import { useCatalog } from '../api/catalogs.ts';
import { QueryState } from '../components/query-state.tsx';
import { decodeBuild } from '../session/build-url.ts';
import { formatMoney } from '../../ui/format.ts';

function Review({ catalog }: { catalog: Catalog }) {
  const [params] = useSearchParams();
  const link = params.get('b') ?? '';
  const configurator = useMemo(() => new Configurator(catalog), [catalog]);
  const { build, error } = decodeBuild(link);
  let state: ReturnType<Configurator['state']> | null = null;
  try {
    state = error ? null : configurator.state(build);
  } catch {
    state = null;
  }
  const back = `/configure/${catalog.id}${link ? `?b=${link}` : ''}`;
  if (!state || !state.complete)
    return (
      <div role="alert" className="notice notice-error">
        {error ?? 'This build is not complete or no longer fits the catalog.'}{' '}
        <Link to={back}>Back to configuring</Link>
      </div>
    );
  return (
    <section aria-labelledby="review-title">
      <p className="breadcrumb">
        <Link to="/">Products</Link> / <Link to={back}>{catalog.name}</Link> / Review
      </p>
      <h1 id="review-title">Your {catalog.name}</h1>
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Your choice</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {catalog.slots.map((slot) => {
            const chosen = Object.entries(build[slot.id] ?? {});
            return (
              <tr key={slot.id} data-slot={slot.id}>
                <th scope="row">{slot.name}</th>
                <td>
                  {chosen.length === 0
                    ? 'None'
                    : chosen
                        .map(
                          ([id, qty]) =>
                            `${slot.options.find((o) => o.id === id)?.name ?? id}${qty > 1 ? ` × ${qty}` : ''}`,
                        )
                        .join(', ')}
                </td>
                <td>
                  {formatMoney(
                    state.price.lines
                      .filter((l) => chosen.some(([id]) => id === l.ref))
                      .reduce((sum, l) => sum + l.amountCents, 0),
                    catalog.currency,
                  )}
                </td>
              </tr>
            );
          })}
          {state.price.lines
            .filter((l) => l.kind === 'rule' || l.kind === 'base')
            .map((l) => (
              <tr key={l.ref}>
                <th scope="row">{l.kind === 'base' ? 'Assembly and base' : 'Offer'}</th>
                <td>{l.label}</td>
                <td>{formatMoney(l.amountCents, catalog.currency)}</td>
              </tr>
            ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total (catalog {catalog.version})
            </th>
            <td data-testid="review-total">{formatMoney(state.price.totalCents, catalog.currency)}</td>
          </tr>
        </tfoot>
      </table>
      <Link className="primary-link" to={back}>
        ← Change something
      </Link>
    </section>
  );
}

export function ReviewPage() {
  const { catalogId = '' } = useParams();
  const { data, isPending, error } = useCatalog(catalogId);
  return (
    <QueryState isPending={isPending} error={error}>
      {() => (data ? <Review catalog={data} /> : null)}
    </QueryState>
  );
}
