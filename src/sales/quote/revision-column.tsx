import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CatalogResponse } from '../../contract/catalogs.schema.ts';
import type { QuoteRevision, RevisionDiff } from '../../contract/store-quotes.schema.ts';
import { useCatalogLanguage, wordsFor } from '../../ui/i18n/catalog-words.ts';
import type { GlanceFormat } from '../customer/glance-format.ts';
import { BuildSummary } from './build-summary.tsx';
import { PriceLines } from './price-lines.tsx';

/** What changed from the previous revision, in words (the marks in the column say it again, not only in colour). */
function Changes({
  diff,
  catalog,
  format,
}: {
  diff: RevisionDiff;
  catalog?: CatalogResponse;
  format: GlanceFormat;
}) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const words = catalog && wordsFor(catalog, language);
  const names = (ids: string[]) =>
    ids.length === 0 ? t('storeQuote.noneChosen') : ids.map((o) => words?.optionName(o) ?? o).join(', ');
  const items = [
    ...diff.options.map((o) =>
      t('storeQuote.revisions.change', {
        what: words?.slotName(o.slot) ?? o.slot,
        before: names(o.before),
        after: names(o.after),
      }),
    ),
    ...(diff.discountPercent
      ? [
          t('storeQuote.revisions.change', {
            what: t('storeQuote.discount'),
            before: t('storeQuote.percent', { percent: format.decimal(diff.discountPercent.before) }),
            after: t('storeQuote.percent', { percent: format.decimal(diff.discountPercent.after) }),
          }),
        ]
      : []),
    ...(diff.totalCents
      ? [
          t('storeQuote.revisions.change', {
            what: t('storeQuote.total'),
            before: format.money(diff.totalCents.before),
            after: format.money(diff.totalCents.after),
          }),
        ]
      : []),
    ...(diff.catalogVersion
      ? [
          t('storeQuote.revisions.change', {
            what: t('storeQuote.revisions.version'),
            before: diff.catalogVersion.before,
            after: diff.catalogVersion.after,
          }),
        ]
      : []),
    ...(diff.validUntil
      ? [
          t('storeQuote.revisions.change', {
            what: t('storeQuote.revisions.validUntil'),
            before: format.day(diff.validUntil.before),
            after: format.day(diff.validUntil.after),
          }),
        ]
      : []),
  ];
  return (
    <div className="revision-changes">
      <h4>{t('storeQuote.revisions.changes', { from: diff.from })}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('storeQuote.revisions.noChanges')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One revision of a quote group: its build, price, validity, who approved it, and what to do with it. */
export function RevisionColumn({
  revision,
  diff,
  catalog,
  format,
  newest,
  reviseTo,
  pdfHref,
  onOrder,
}: {
  revision: QuoteRevision;
  diff: RevisionDiff | undefined;
  catalog: CatalogResponse | undefined;
  format: GlanceFormat;
  newest: boolean;
  reviseTo: string | null;
  pdfHref: string;
  onOrder: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `revision-${revision.id}`;
  const changedSlots = new Set(diff?.options.map((o) => o.slot));
  const title = t('storeQuote.revisions.title', { n: revision.revision });
  return (
    <section className={newest ? 'revision newest' : 'revision'} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title}
        {newest && (
          <>
            {' '}
            <span className="muted">· {t('storeQuote.revisions.newest')}</span>
          </>
        )}
      </h3>
      <p className="revision-status">
        <span className={revision.valid ? 'status status-valid' : 'status status-expired'}>
          {revision.valid ? t('storeQuote.revisions.valid') : t('storeQuote.revisions.expired')}
        </span>{' '}
        <span className={diff?.validUntil ? 'changed' : undefined}>
          {t('storeQuote.validUntil', { date: format.day(revision.validUntil) })}
        </span>
      </p>
      <p className="muted">
        {revision.createdBy
          ? t('storeQuote.revisions.createdBy', {
              date: format.moment(revision.createdAt),
              name: revision.createdBy.name,
            })
          : t('storeQuote.revisions.created', { date: format.moment(revision.createdAt) })}
        {' · '}
        <span className={diff?.catalogVersion ? 'changed' : undefined}>
          {t('storeQuote.catalogVersion', { version: revision.catalogVersion })}
        </span>
      </p>
      <BuildSummary catalog={catalog} selections={revision.selections} changed={changedSlots} />
      <PriceLines
        catalog={catalog}
        currency={revision.currency}
        lines={revision.lines}
        listTotalCents={revision.listTotalCents}
        discountPercent={revision.discountPercent}
        totalCents={revision.totalCents}
        discountChanged={!!diff?.discountPercent}
        totalChanged={!!diff?.totalCents}
      />
      <p className="revision-approval">
        {revision.approvedBy
          ? t('storeQuote.revisions.approvedBy', {
              name: revision.approvedBy.name,
              date: revision.approvedAt ? format.day(revision.approvedAt) : '',
            })
          : t('storeQuote.revisions.noApproval')}
      </p>
      {diff && <Changes diff={diff} catalog={catalog} format={format} />}
      <div className="button-row revision-actions">
        <a className="button secondary" href={pdfHref} download>
          {t('storeQuote.revisions.pdf')} <span className="visually-hidden">{title}</span>
        </a>
        {revision.orderId ? (
          <p className="notice notice-ok">
            {t('storeQuote.revisions.ordered', { id: revision.orderId.slice(0, 8) })}
          </p>
        ) : (
          <button type="button" className="button" onClick={onOrder}>
            {t('storeQuote.revisions.order')} <span className="visually-hidden">{title}</span>
          </button>
        )}
        {reviseTo && (
          <Link className="button secondary" to={reviseTo}>
            {t('storeQuote.revisions.revise')} <span className="visually-hidden">{title}</span>
          </Link>
        )}
      </div>
    </section>
  );
}
