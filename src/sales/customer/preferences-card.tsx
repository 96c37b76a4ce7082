import { useTranslation } from 'react-i18next';
import type { RelationshipResponse } from '../../contract/customers.schema.ts';

const SHOWN = 6;

/** What was learned about the customer's taste, strongest first, each with the evidence behind it. */
export function PreferencesCard({
  preferences,
  productName,
}: {
  preferences: RelationshipResponse['preferences'];
  productName: (catalogId: string) => string;
}) {
  const { t } = useTranslation();
  const strongest = [...preferences.preferences]
    .sort((a, b) => b.score * b.confidence - a.score * a.confidence)
    .slice(0, SHOWN);
  return (
    <section className="glance-card" aria-labelledby="glance-preferences">
      <h2 id="glance-preferences">{t('storeGlance.preferences.title')}</h2>
      {!preferences.personalization && <p className="muted">{t('storeGlance.preferences.off')}</p>}
      {strongest.length === 0 && preferences.leanings.length === 0 ? (
        <p className="muted">{t('storeGlance.preferences.none')}</p>
      ) : (
        <ul className="glance-list preferences-list">
          {preferences.leanings.map((l) => (
            <li key={`leaning-${l.catalogId}`}>
              <strong>
                {productName(l.catalogId)}: {t(`storeGlance.preferences.leaning.${l.leaning}`)}
              </strong>
              <span className="muted"> — {l.evidence}</span>
            </li>
          ))}
          {strongest.map((p) => (
            <li key={p.key}>
              <strong>
                {p.dimension}: {p.value}
              </strong>{' '}
              <span className="confidence">
                {t('storeGlance.preferences.confidence', { percent: Math.round(p.confidence * 100) })}
              </span>
              <span className="muted"> — {p.evidence}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
