import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCatalogList, useRelationship } from './api.ts';
import { BuildsCard, SessionsCard } from './builds-card.tsx';
import { OrdersCard, QuotesCard } from './checkouts-card.tsx';
import { CustomerTimeline } from './customer-timeline.tsx';
import { useGlanceFormat } from './glance-format.ts';
import { NoteForm } from './note-form.tsx';
import { PreferencesCard } from './preferences-card.tsx';
import { Purchases } from './purchases.tsx';
import { StrategyCard } from './strategy-card.tsx';
import { ValueCard } from './value-card.tsx';
import { TierBadge, WhoCard } from './who-card.tsx';
import './glance.css';

/**
 * `/store/customers/:customerId`: the customer at a glance for a salesperson with the customer beside them — who,
 * value, strategy and authority, purchases over time, preferences, builds and live sessions to continue, quotes,
 * orders, and the timeline with a note form.
 */
export function CustomerPage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const relationship = useRelationship(customerId);
  const catalogList = useCatalogList();
  const format = useGlanceFormat(relationship.data?.currency ?? 'EUR');
  const catalogs = catalogList.data ?? [];
  const productName = (id: string) => catalogs.find((c) => c.id === id)?.name ?? id;

  if (relationship.isPending) return <p role="status">{t('loading')}</p>;
  if (relationship.error)
    return (
      <div role="alert" className="notice notice-error">
        {t('storeGlance.loadFailed', { message: relationship.error.message })}{' '}
        <Link to="/store">{t('storeGlance.back')}</Link>
      </div>
    );
  const data = relationship.data;
  return (
    <div className="glance">
      <p className="glance-back">
        <Link to="/store">{t('storeGlance.back')}</Link>
      </p>
      <div className="glance-title">
        <h1>{data.customer.name}</h1>
        <TierBadge tier={data.tier} />
        <span className="muted">{data.customer.customerNumber}</span>
      </div>
      <div className="glance-grid">
        <WhoCard data={data} />
        <ValueCard data={data} format={format} />
        <StrategyCard data={data} />
        <Purchases series={data.purchases} format={format} />
        <PreferencesCard preferences={data.preferences} productName={productName} />
        <BuildsCard data={data} format={format} productName={productName} />
        <SessionsCard data={data} format={format} catalogs={catalogs} />
        <QuotesCard data={data} format={format} productName={productName} />
        <OrdersCard data={data} format={format} productName={productName} />
        <CustomerTimeline customerId={data.customer.id} format={format} productName={productName} />
        <NoteForm customerId={data.customer.id} />
      </div>
    </div>
  );
}
