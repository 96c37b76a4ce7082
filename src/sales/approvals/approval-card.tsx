import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApprovalRequest } from '../../contract/store-quotes.schema.ts';
import { useCatalogLanguage, wordsFor } from '../../ui/i18n/catalog-words.ts';
import { useGlanceFormat } from '../customer/glance-format.ts';
import { useCatalog } from '../quote/api.ts';
import { BuildSummary } from '../quote/build-summary.tsx';

/** What changed since this quote's last approved request: the discount and the options, in words. */
function SincePrevious({ request }: { request: ApprovalRequest }) {
  const { t } = useTranslation();
  const catalog = useCatalog(request.catalogId);
  const language = useCatalogLanguage();
  const words = catalog.data && wordsFor(catalog.data, language);
  const since = request.sincePrevious;
  if (!since) return <p className="muted">{t('storeApprovals.firstRequest')}</p>;
  const names = (ids: string[]) =>
    ids.length === 0 ? t('storeQuote.noneChosen') : ids.map((o) => words?.optionName(o) ?? o).join(', ');
  return (
    <div className="since-previous">
      <h3>{t('storeApprovals.since', { percent: since.discountPercent.before })}</h3>
      <ul>
        {since.discountPercent.before !== since.discountPercent.after && (
          <li>
            {t('storeQuote.revisions.change', {
              what: t('storeQuote.discount'),
              before: t('storeQuote.percent', { percent: since.discountPercent.before }),
              after: t('storeQuote.percent', { percent: since.discountPercent.after }),
            })}
          </li>
        )}
        {since.options.map((o) => (
          <li key={o.slot}>
            {t('storeQuote.revisions.change', {
              what: words?.slotName(o.slot) ?? o.slot,
              before: names(o.before),
              after: names(o.after),
            })}
          </li>
        ))}
        {since.options.length === 0 && since.discountPercent.before === since.discountPercent.after && (
          <li>{t('storeQuote.revisions.noChanges')}</li>
        )}
      </ul>
    </div>
  );
}

/** One request in the queue: who for (their value), who asks, the build, the discount and totals, what changed. */
export function ApprovalCard({
  request,
  busy,
  onApprove,
  onRefuse,
}: {
  request: ApprovalRequest;
  busy: boolean;
  onApprove: () => void;
  onRefuse: () => void;
}) {
  const { t } = useTranslation();
  const format = useGlanceFormat(request.currency);
  const catalog = useCatalog(request.catalogId);
  const headingId = `approval-${request.id}`;
  const { customer } = request;
  const changed = new Set(request.sincePrevious?.options.map((o) => o.slot));
  return (
    <li>
      <article className="approval-card" aria-labelledby={headingId}>
        <header>
          <h2 id={headingId}>
            <Link to={`/store/customers/${encodeURIComponent(customer.id)}`}>{customer.name}</Link>
          </h2>
          {/* The tier's label as the server words it (configs/tiers.json), as on the customer's page. */}
          <span className="tier-badge">{customer.tier}</span>
        </header>
        <dl className="approval-facts">
          <div>
            <dt>{t('storeApprovals.revenue')}</dt>
            <dd>{format.money(customer.lifetimeRevenueCents)}</dd>
          </div>
          <div>
            <dt>{t('storeApprovals.margin')}</dt>
            <dd>{format.money(customer.lifetimeMarginCents)}</dd>
          </div>
          <div>
            <dt>{t('storeApprovals.discount')}</dt>
            <dd className="approval-discount">
              {t('storeQuote.percent', { percent: format.decimal(request.discountPercent) })}
            </dd>
          </div>
          <div>
            <dt>{t('storeApprovals.totals')}</dt>
            <dd>
              {t('storeApprovals.totalsValue', {
                list: format.money(request.listTotalCents),
                total: format.money(request.totalCents),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('storeApprovals.requestedBy')}</dt>
            <dd>
              {t('storeApprovals.requestedByValue', {
                name: request.requestedBy.name,
                role: t(`account.roles.${request.requestedBy.role}`, {
                  defaultValue: request.requestedBy.role,
                }),
                at: format.moment(request.createdAt),
              })}
            </dd>
          </div>
        </dl>
        {request.note && <p className="approval-note">“{request.note}”</p>}
        <h3>
          {catalog.data?.name ?? request.catalogId}{' '}
          <span className="muted">{t('storeQuote.catalogVersion', { version: request.catalogVersion })}</span>
        </h3>
        <BuildSummary catalog={catalog.data} selections={request.selections} changed={changed} />
        <SincePrevious request={request} />
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={onApprove}>
            {t('storeApprovals.approve')} <span className="visually-hidden">{customer.name}</span>
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={onRefuse}>
            {t('storeApprovals.refuse')} <span className="visually-hidden">{customer.name}</span>
          </button>
        </div>
      </article>
    </li>
  );
}
