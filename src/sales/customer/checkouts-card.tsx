import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RelationshipResponse } from '../../contract/customers.schema.ts';
import type { GlanceFormat } from './glance-format.ts';
import { OrderStatusControl } from './order-status-control.tsx';

interface Props {
  data: RelationshipResponse;
  format: GlanceFormat;
  productName: (catalogId: string) => string;
}

/** Ids are long; their start is enough to tell them apart on a page and to say aloud. */
const shortId = (id: string) => id.slice(0, 8);

/** Quotes with their validity, each opening the quote's page (revisions side by side). */
export function QuotesCard({ data, format, productName }: Props) {
  const { t } = useTranslation();
  const id = data.customer.id;
  return (
    <section className="glance-card glance-quotes" aria-labelledby="glance-quotes">
      <h2 id="glance-quotes">{t('storeGlance.quotes.title')}</h2>
      {data.quotes.length === 0 ? (
        <p className="muted">{t('storeGlance.quotes.none')}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="glance-quotes">
            <thead>
              <tr>
                <th scope="col">{t('storeGlance.quotes.id')}</th>
                <th scope="col">{t('storeGlance.quotes.product')}</th>
                <th scope="col" className="num">
                  {t('storeGlance.quotes.total')}
                </th>
                <th scope="col">{t('storeGlance.quotes.created')}</th>
                <th scope="col">{t('storeGlance.quotes.validUntil')}</th>
                <th scope="col">{t('storeGlance.quotes.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.quotes.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <Link
                      to={`/store/customers/${encodeURIComponent(id)}/quotes/${encodeURIComponent(q.id)}`}
                      className="cell-link"
                    >
                      {q.revision > 1
                        ? t('storeGlance.quotes.numberRevision', { number: q.number, revision: q.revision })
                        : q.number}
                    </Link>
                  </th>
                  <td>{productName(q.catalogId)}</td>
                  <td className="num">{format.money(q.totalCents)}</td>
                  <td>{format.day(q.createdAt)}</td>
                  <td>{format.day(q.validUntil)}</td>
                  <td>
                    <span className={q.valid ? 'status status-valid' : 'status status-expired'}>
                      {q.valid ? t('storeGlance.quotes.valid') : t('storeGlance.quotes.expired')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function OrdersCard({ data, format, productName }: Props) {
  const { t } = useTranslation();
  return (
    <section className="glance-card glance-orders" aria-labelledby="glance-orders">
      <h2 id="glance-orders">{t('storeGlance.orders.title')}</h2>
      {data.orders.length === 0 ? (
        <p className="muted">{t('storeGlance.orders.none')}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="glance-orders">
            <thead>
              <tr>
                <th scope="col">{t('storeGlance.orders.id')}</th>
                {/* Second: what staff act on, in view on a phone before the table scrolls sideways. */}
                <th scope="col">{t('storeGlance.orders.status')}</th>
                <th scope="col">{t('storeGlance.orders.product')}</th>
                <th scope="col">{t('storeGlance.orders.channel')}</th>
                <th scope="col" className="num">
                  {t('storeGlance.orders.total')}
                </th>
                <th scope="col">{t('storeGlance.orders.date')}</th>
              </tr>
            </thead>
            <tbody>
              {data.orders.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{shortId(o.id)}</th>
                  <td>
                    <OrderStatusControl
                      customerId={data.customer.id}
                      order={{ ...o, label: shortId(o.id) }}
                    />
                  </td>
                  <td>{productName(o.catalogId)}</td>
                  <td>{t(`storeGlance.timeline.channels.${o.channel}`, { defaultValue: o.channel })}</td>
                  <td className="num">{format.money(o.totalCents)}</td>
                  <td>{format.day(o.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
