import { useTranslation } from 'react-i18next';
import type { RelationshipResponse } from '../../contract/customers.schema.ts';
import type { GlanceFormat } from './glance-format.ts';

/** What the customer is worth: lifetime revenue and margin, share of wallet, and what is expected of them. */
export function ValueCard({ data, format }: { data: RelationshipResponse; format: GlanceFormat }) {
  const { t } = useTranslation();
  const v = data.value;
  const facts: [string, string][] = [
    [t('storeGlance.value.revenue'), format.money(v.lifetimeRevenueCents)],
    [t('storeGlance.value.margin'), format.money(v.lifetimeMarginCents)],
    [t('storeGlance.value.netMargin'), format.money(v.netMarginCents)],
    [t('storeGlance.value.share'), format.percent(v.shareOfWallet)],
    [t('storeGlance.value.expectedPurchases'), format.decimal(v.expectedPurchases)],
    [t('storeGlance.value.upcoming'), format.money(v.expectedUpcomingRevenueCents)],
    [
      t('storeGlance.value.lastOrder'),
      v.lastOrderAt ? format.day(v.lastOrderAt) : t('storeGlance.value.never'),
    ],
  ];
  return (
    <section className="glance-card" aria-labelledby="glance-value">
      <h2 id="glance-value">{t('storeGlance.value.title')}</h2>
      <dl className="glance-facts">
        {facts.map(([term, figure]) => (
          <div key={term} className="glance-fact">
            <dt>{term}</dt>
            <dd>{figure}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
