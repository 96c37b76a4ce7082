import { useTranslation } from 'react-i18next';
import type { RelationshipResponse } from '../../contract/customers.schema.ts';
import { quadrants } from '../../core/profile/tiers.schema.ts';

/** The 2×2 of share of wallet (rows) and upcoming volume (columns), this customer's cell marked. */
function QuadrantGrid({ current }: { current: RelationshipResponse['tier']['quadrant'] }) {
  const { t } = useTranslation();
  return (
    <ul className="quadrant-grid" aria-label={t('storeGlance.strategy.grid')}>
      {quadrants.map((q) => (
        <li
          key={q}
          className={q === current ? 'current' : undefined}
          aria-current={q === current || undefined}
        >
          {t(`storeGlance.strategy.names.${q}`)}
        </li>
      ))}
    </ul>
  );
}

/**
 * MVC/MGC/BZC, the quadrant's strategy and what it means for this conversation, and how far the signed-in staff
 * member may go on price for this customer (the server computed it for their role).
 */
export function StrategyCard({ data }: { data: RelationshipResponse }) {
  const { t } = useTranslation();
  const { tier, authority } = data;
  const isManager = authority.role === 'store_manager';
  return (
    <section className="glance-card glance-strategy" aria-labelledby="glance-strategy">
      <h2 id="glance-strategy">
        {t('storeGlance.strategy.title')}:{' '}
        <span className="strategy-name">
          {t(`storeGlance.strategy.names.${tier.quadrant}`, { defaultValue: tier.strategy })}
        </span>
      </h2>
      <p className="muted">
        {t('storeGlance.strategy.quadrant', {
          share: t(`storeGlance.strategy.share.${tier.share}`),
          upcoming: t(`storeGlance.strategy.upcoming.${tier.upcoming}`),
        })}
      </p>
      <QuadrantGrid current={tier.quadrant} />
      <p className="strategy-guidance">{t(`storeGlance.strategy.guidance.${tier.quadrant}`)}</p>
      <p>{t(`storeGlance.strategy.classGuidance.${tier.class}`)}</p>
      <p className="authority">
        {isManager
          ? t('storeGlance.strategy.authorityManager', { own: authority.ownPercent })
          : t('storeGlance.strategy.authority', { own: authority.ownPercent, limit: authority.limitPercent })}
      </p>
      {tier.offers.length > 0 && (
        <p className="muted">
          {t('storeGlance.strategy.offers', {
            offers: tier.offers.map((o) => `${o.label} (${o.percent} %)`).join(', '),
          })}
        </p>
      )}
    </section>
  );
}
