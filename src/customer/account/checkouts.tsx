import { useTranslation } from 'react-i18next';
import type { CheckoutResponse } from '../../contract/orders.schema.ts';
import { useOrders, useQuotes } from '../api/account.ts';
import { OrderStatusBadge } from '../../ui/order-status-badge.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useCatalogLookup } from './catalog-lookup.ts';
import { useDateFormat } from './date-format.ts';
import { QuoteGroups } from './quotes.tsx';

function OrderTable({ items }: { items: CheckoutResponse[] }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const date = useDateFormat();
  const catalogs = useCatalogLookup(items.map((item) => item.catalogId));
  if (items.length === 0) return <p className="muted">{t('account.orders.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="account-table">
        <caption className="visually-hidden">{t('account.orders.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.table.date')}</th>
            <th scope="col">{t('account.table.product')}</th>
            <th scope="col">{t('account.table.version')}</th>
            <th scope="col" className="num">
              {t('account.table.total')}
            </th>
            <th scope="col">{t('account.table.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{date.day(item.createdAt)}</td>
              <td>
                <details>
                  <summary>{catalogs.name(item.catalogId)}</summary>
                  <ul className="line-list">
                    {item.lines
                      .filter((l) => l.amountCents !== 0 || l.kind === 'option')
                      .map((l) => (
                        <li key={`${l.kind}-${l.ref}`}>
                          <span>
                            {catalogs.line(item.catalogId, l)}
                            {l.quantity > 1 ? ` × ${l.quantity}` : ''}
                          </span>
                          <span className="num">{format.money(l.amountCents, item.currency)}</span>
                        </li>
                      ))}
                  </ul>
                </details>
              </td>
              <td>{item.catalogVersion}</td>
              <td className="num">{format.money(item.totalCents, item.currency)}</td>
              <td>{item.status && <OrderStatusBadge status={item.status} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Orders placed and quotes with their revisions, newest first as the server lists them. */
export function Checkouts() {
  const { t } = useTranslation();
  const quotes = useQuotes();
  const orders = useOrders();
  return (
    <>
      <section aria-labelledby="orders-title">
        <h2 id="orders-title">{t('account.orders.title')}</h2>
        <QueryState isPending={orders.isPending} error={orders.error}>
          {() => <OrderTable items={orders.data ?? []} />}
        </QueryState>
      </section>
      <section aria-labelledby="quotes-title">
        <h2 id="quotes-title">{t('account.quotes.title')}</h2>
        <QueryState isPending={quotes.isPending} error={quotes.error}>
          {() => <QuoteGroups groups={quotes.data ?? []} />}
        </QueryState>
      </section>
    </>
  );
}
