import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RelationshipResponse } from '../../contract/customers.schema.ts';

/** The customer served, above every quote page: back to them, their number and tier. */
export function QuoteHeader({ customer, title }: { customer: RelationshipResponse; title: string }) {
  const { t } = useTranslation();
  const { id, name, customerNumber } = customer.customer;
  return (
    <header className="quote-head">
      <p className="breadcrumb">
        <Link to={`/store/customers/${encodeURIComponent(id)}`}>{t('storeQuote.backTo', { name })}</Link>
      </p>
      <h1>{title}</h1>
      <p className="muted">
        {name} · {customerNumber} · {t('storeQuote.tier', { tier: customer.tier.label })}
      </p>
    </header>
  );
}
