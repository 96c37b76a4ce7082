import { Link, useParams, useSearchParams } from 'react-router';
import type { Catalog } from '../../core/catalog/index.ts';
import type { Configurator } from '../../core/configurator/configurator.ts';
import { WithConfigurator } from '../../configure/index.ts';
import { useCatalog, useCompiledCatalog } from '../api/catalogs.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { decodeBuild } from '../../configure/index.ts';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { ReviewActions } from '../flow/review-actions.tsx';
import { priceLineLabel, useCatalogWords } from '../../ui/i18n/catalog-words.ts';

function Review({ catalog }: { catalog: Catalog }) {
  return (
    <WithConfigurator catalog={catalog} compiled={useCompiledCatalog()}>
      {(configurator) => <ReviewOf catalog={catalog} configurator={configurator} />}
    </WithConfigurator>
  );
}

function ReviewOf({ catalog, configurator }: { catalog: Catalog; configurator: Configurator }) {
  const [params] = useSearchParams();
  const link = params.get('b') ?? '';
  const { build, error } = decodeBuild(link);
  let state: ReturnType<Configurator['state']> | null = null;
  try {
    state = error ? null : configurator.state(build);
  } catch {
    state = null;
  }
  const back = `/configure/${catalog.id}${link ? `?b=${link}` : ''}`;
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const words = useCatalogWords(catalog);
  if (!state || !state.complete)
    return (
      <div role="alert" className="notice notice-error">
        {error ?? t('review.incomplete')} <Link to={back}>{t('review.back')}</Link>
      </div>
    );
  return (
    <section aria-labelledby="review-title">
      <p className="breadcrumb">
        <Link to="/">{t('home.products')}</Link> / <Link to={back}>{words.catalogName()}</Link> /{' '}
        {t('review.crumb')}
      </p>
      <h1 id="review-title">{t('review.title', { name: words.catalogName() })}</h1>
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">{t('review.part')}</th>
            <th scope="col">{t('review.choice')}</th>
            <th scope="col">{t('review.price')}</th>
          </tr>
        </thead>
        <tbody>
          {catalog.slots.map((slot) => {
            const chosen = Object.entries(build[slot.id] ?? {});
            return (
              <tr key={slot.id} data-slot={slot.id}>
                <th scope="row">{words.slotName(slot.id)}</th>
                <td>
                  {chosen.length === 0
                    ? t('review.none')
                    : chosen
                        .map(([id, qty]) => `${words.optionName(id)}${qty > 1 ? ` × ${qty}` : ''}`)
                        .join(', ')}
                </td>
                <td>
                  {format.money(
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
                <th scope="row">
                  {l.kind === 'base'
                    ? t('review.base')
                    : l.amountCents > 0
                      ? t('priceRule.surcharge')
                      : t('priceRule.offer')}
                </th>
                <td>{priceLineLabel(words, l)}</td>
                <td>{format.money(l.amountCents, catalog.currency)}</td>
              </tr>
            ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('review.total', { version: catalog.version })}
            </th>
            <td data-testid="review-total">{format.money(state.price.totalCents, catalog.currency)}</td>
          </tr>
        </tfoot>
      </table>
      <ReviewActions catalog={catalog} build={build} />
      <Link className="primary-link" to={back}>
        {t('review.change')}
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
