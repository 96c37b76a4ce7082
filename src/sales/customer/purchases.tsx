import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseQuarter } from '../../contract/store-customer.schema.ts';
import type { GlanceFormat } from './glance-format.ts';

const PurchasesChart = lazy(() => import('./purchases-chart.tsx'));

/** Purchases over time: a bar chart for the eye, and a summary and a table that say the same in words. */
export function Purchases({ series, format }: { series: PurchaseQuarter[]; format: GlanceFormat }) {
  const { t } = useTranslation();
  const withOrders = series.filter((p) => p.orders > 0);
  const first = series[0];
  const last = series.at(-1);
  const best = withOrders.reduce<PurchaseQuarter | undefined>(
    (top, p) => (!top || p.revenueCents > top.revenueCents ? p : top),
    undefined,
  );
  return (
    <section className="glance-card glance-purchases" aria-labelledby="glance-purchases">
      <h2 id="glance-purchases">{t('storeGlance.purchases.title')}</h2>
      {!first || !last || !best ? (
        <p className="muted">{t('storeGlance.purchases.none')}</p>
      ) : (
        <>
          <p>
            {t('storeGlance.purchases.summary', {
              orders: withOrders.reduce((n, p) => n + p.orders, 0),
              revenue: format.money(series.reduce((n, p) => n + p.revenueCents, 0)),
              from: first.quarter,
              to: last.quarter,
              best: best.quarter,
              bestRevenue: format.money(best.revenueCents),
            })}
          </p>
          <figure className="purchases-figure">
            <figcaption className="muted">{t('storeGlance.purchases.chart')}</figcaption>
            <Suspense
              fallback={<p className="chart-placeholder">{t('storeGlance.purchases.loadingChart')}</p>}
            >
              <PurchasesChart series={series} money={format.money} />
            </Suspense>
          </figure>
          <details className="purchases-table">
            <summary>{t('storeGlance.purchases.table')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('storeGlance.purchases.quarter')}</th>
                  <th scope="col">{t('storeGlance.purchases.orders')}</th>
                  <th scope="col">{t('storeGlance.purchases.revenue')}</th>
                </tr>
              </thead>
              <tbody>
                {withOrders.map((p) => (
                  <tr key={p.quarter}>
                    <th scope="row">{p.quarter}</th>
                    <td>{p.orders}</td>
                    <td>{format.money(p.revenueCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
