import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareResponse } from '../../contract/saved-builds.schema.ts';
import { useCompareBuilds } from '../api/account.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useCatalogLookup } from './catalog-lookup.ts';

type Chosen = CompareResponse['slots'][number]['a'];

function ChosenList({ chosen, name }: { chosen: Chosen; name: (c: Chosen[number]) => string }) {
  const { t } = useTranslation();
  if (chosen.length === 0) return <span className="muted">{t('account.compare.nothing')}</span>;
  return <>{chosen.map((c) => `${name(c)}${c.quantity > 1 ? ` × ${c.quantity}` : ''}`).join(', ')}</>;
}

function CompareTable({ data }: { data: CompareResponse }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const catalogs = useCatalogLookup([data.a.catalogId, data.b.catalogId]);
  // The server names what each build holds in English; the current catalog versions name it in the shopper's.
  const nameIn = (catalogId: string) => (c: Chosen[number]) => catalogs.option(catalogId, c.optionId, c.name);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const currency = catalogs.currency(data.a.catalogId);
  const sameCurrency = currency === catalogs.currency(data.b.catalogId);
  const rows = data.slots.filter((s) => !onlyDifferences || !s.same);
  const differing = data.slots.filter((s) => !s.same).length;
  return (
    <>
      <p className="compare-summary">
        {t('account.compare.differ', { count: differing, total: data.slots.length })}{' '}
        {data.a.catalogId !== data.b.catalogId && t('account.compare.otherProducts')}{' '}
        <label className="compare-filter">
          <input
            type="checkbox"
            checked={onlyDifferences}
            onChange={(e) => setOnlyDifferences(e.target.checked)}
          />
          {t('account.compare.onlyDifferences')}
        </label>
      </p>
      <div className="table-scroll">
        <table className="account-table compare-table">
          <caption className="visually-hidden">{t('account.compare.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.compare.part')}</th>
              <th scope="col">{data.a.name}</th>
              <th scope="col">{data.b.name}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('account.table.product')}</th>
              <td>
                {catalogs.name(data.a.catalogId)} · {data.a.catalogVersion}
              </td>
              <td>
                {catalogs.name(data.b.catalogId)} · {data.b.catalogVersion}
              </td>
            </tr>
            {rows.map((slot) => (
              <tr key={slot.slotId} className={slot.same ? undefined : 'differs'}>
                <th scope="row">
                  {catalogs.slot(data.a.catalogId, slot.slotId, slot.name)}
                  {!slot.same && <span className="badge">{t('account.compare.different')}</span>}
                </th>
                <td>
                  <ChosenList chosen={slot.a} name={nameIn(data.a.catalogId)} />
                </td>
                <td>
                  <ChosenList chosen={slot.b} name={nameIn(data.b.catalogId)} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('account.table.total')}</th>
              <td>{format.money(data.a.priceCents, currency)}</td>
              <td>
                {format.money(data.b.priceCents, catalogs.currency(data.b.catalogId))}
                {sameCurrency && (
                  <span className="compare-delta"> ({format.delta(data.differenceCents, currency)})</span>
                )}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

/** Two saved builds slot by slot, differences marked in words (not by colour alone), and the price gap. */
export function CompareBuilds({ a, b }: { a: string; b: string }) {
  const { t } = useTranslation();
  const compare = useCompareBuilds(a, b);
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h3 id="compare-title">{t('account.compare.title')}</h3>
      <QueryState isPending={compare.isPending} error={compare.error}>
        {() => (compare.data ? <CompareTable data={compare.data} /> : null)}
      </QueryState>
    </section>
  );
}
