import { useTranslation } from 'react-i18next';
import type { CustomerHit } from '../../contract/store-find.schema.ts';
import { useGlanceFormat } from '../customer/glance-format.ts';

/** One customer as the console lists them: name and tier, then number, e-mail, phone and the last contact. */
export function CustomerLine({ hit, note }: { hit: CustomerHit; note?: string }) {
  const { t } = useTranslation();
  // Dates only: the currency is not used on this line.
  const format = useGlanceFormat('EUR');
  const contact = [hit.email, hit.phone].filter(Boolean).join(' · ');
  return (
    <span className="customer-line">
      <span className="customer-line-head">
        <strong>{hit.name}</strong>
        <span className={`tier-badge tier-${hit.tier.class}`}>{t(`storeFind.tiers.${hit.tier.class}`)}</span>
      </span>
      <span className="customer-line-meta">
        {t('storeFind.result.number', { number: hit.customerNumber })}
        {contact && ` · ${contact}`}
      </span>
      <span className="customer-line-meta">
        {note ??
          (hit.lastContactAt
            ? t('storeFind.result.lastContact', { date: format.day(hit.lastContactAt) })
            : t('storeFind.result.never'))}
      </span>
    </span>
  );
}
