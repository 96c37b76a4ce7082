import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CatalogSummary } from '../../contract/catalogs.schema.ts';
import type { RelationshipResponse } from '../../contract/customers.schema.ts';
import type { GlanceFormat } from './glance-format.ts';

const configureUrl = (customerId: string, catalogId: string, query = '') =>
  `/store/customers/${encodeURIComponent(customerId)}/configure/${encodeURIComponent(catalogId)}${query}`;

interface Props {
  data: RelationshipResponse;
  format: GlanceFormat;
  productName: (catalogId: string) => string;
}

/** Saved builds, each to continue in the shared configurator. */
export function BuildsCard({ data, format, productName }: Props) {
  const { t } = useTranslation();
  const id = data.customer.id;
  return (
    <section className="glance-card glance-builds" aria-labelledby="glance-builds">
      <h2 id="glance-builds">{t('storeGlance.builds.title')}</h2>
      {data.builds.length === 0 ? (
        <p className="muted">{t('storeGlance.builds.none')}</p>
      ) : (
        <ul className="glance-list" aria-labelledby="glance-builds">
          {data.builds.map((b) => (
            <li key={b.id} className="glance-row">
              <div>
                <strong>{b.name}</strong>
                <p className="muted">
                  {t('storeGlance.builds.meta', {
                    product: productName(b.catalogId),
                    price: format.money(b.priceCents),
                    date: format.day(b.updatedAt),
                  })}
                  {!b.valid && <> · {t('storeGlance.builds.invalid')}</>}
                  {b.valid && !b.complete && <> · {t('storeGlance.builds.incomplete')}</>}
                </p>
              </div>
              <Link
                className="button"
                to={configureUrl(id, b.catalogId, `?build=${encodeURIComponent(b.id)}`)}
                aria-label={t('storeGlance.builds.continueLabel', { name: b.name })}
              >
                {t('storeGlance.builds.continue')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The customer's live web sessions (what, how far, when), each to continue; and a fresh start per product. */
export function SessionsCard({
  data,
  format,
  catalogs,
}: Omit<Props, 'productName'> & { catalogs: readonly CatalogSummary[] }) {
  const { t } = useTranslation();
  const id = data.customer.id;
  return (
    <section className="glance-card glance-sessions" aria-labelledby="glance-sessions">
      <h2 id="glance-sessions">{t('storeGlance.sessions.title')}</h2>
      {data.sessions.length === 0 ? (
        <p className="muted">{t('storeGlance.sessions.none')}</p>
      ) : (
        <ul className="glance-list" aria-labelledby="glance-sessions">
          {data.sessions.map((s) => (
            <li key={s.catalogId} className="glance-row">
              <div>
                <strong>{s.catalogName}</strong>
                <p className="muted">
                  {t('storeGlance.sessions.meta', { count: s.choices, date: format.moment(s.updatedAt) })}
                  {s.undoSteps > 0 && <> · {t('storeGlance.sessions.undo', { count: s.undoSteps })}</>}
                </p>
                {s.options.length > 0 && <p className="session-options">{s.options.join(' · ')}</p>}
              </div>
              <Link
                className="button"
                to={configureUrl(id, s.catalogId, '?session=web')}
                aria-label={t('storeGlance.sessions.continueLabel', { product: s.catalogName })}
              >
                {t('storeGlance.sessions.continue')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {catalogs.length > 0 && (
        <div className="configure-new">
          <h3>{t('storeGlance.sessions.new')}</h3>
          <div className="button-row">
            {catalogs.map((c) => (
              <Link
                key={c.id}
                className="button secondary"
                to={configureUrl(id, c.id)}
                aria-label={t('storeGlance.sessions.newLabel', { product: c.name })}
              >
                {c.name}
              </Link>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
