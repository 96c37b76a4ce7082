import { useTranslation } from 'react-i18next';
import type { RelationshipResponse } from '../../contract/customers.schema.ts';
import { BirthdayFact } from './birthday-fact.tsx';

/** Who: name, number, how to reach them, whether they have a login, and their tier badge. */
export function TierBadge({ tier }: { tier: RelationshipResponse['tier'] }) {
  const { t } = useTranslation();
  return (
    <span className={`tier-badge tier-${tier.class}`} title={tier.label}>
      {t(`storeGlance.classes.${tier.class}`)} · {tier.label}
    </span>
  );
}

export function WhoCard({ data }: { data: RelationshipResponse }) {
  const { t } = useTranslation();
  const { customer } = data;
  const none = t('storeGlance.who.none');
  return (
    <section className="glance-card glance-who" aria-labelledby="glance-who">
      <h2 id="glance-who">{t('storeGlance.who.title')}</h2>
      <dl className="glance-facts">
        <dt>{t('storeGlance.who.number')}</dt>
        <dd>{customer.customerNumber}</dd>
        <dt>{t('storeGlance.who.email')}</dt>
        <dd>{customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : none}</dd>
        <dt>{t('storeGlance.who.phone')}</dt>
        <dd>{customer.phone ? <a href={`tel:${customer.phone}`}>{customer.phone}</a> : none}</dd>
        <dt>{t('storeGlance.who.login')}</dt>
        <dd>{data.hasLogin ? t('storeGlance.who.hasLogin') : t('storeGlance.who.walkIn')}</dd>
        <BirthdayFact customer={customer} />
      </dl>
    </section>
  );
}
