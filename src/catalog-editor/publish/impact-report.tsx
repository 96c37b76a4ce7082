import { useTranslation } from 'react-i18next';
import type { ImpactItem, ImpactReport as Report } from '../../contract/catalog-admin.schema.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import type { Names } from '../api/names.ts';

/**
 * What publishing would do to what customers already have: how many saved builds, live sessions and open quotes
 * stay valid, which would not and why, and the price changes their owners would see.
 */
export function ImpactReport({
  report,
  currency,
  names,
}: {
  report: Report;
  currency: string;
  names: Names;
}) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const { counts } = report;
  return (
    <>
      <ul className="impact-counts">
        <li>{t('catalogAdmin.impact.checked', { count: counts.checked })}</li>
        <li>{t('catalogAdmin.impact.valid', { count: counts.valid })}</li>
        <li className={counts.invalid > 0 ? 'lost' : undefined}>
          {t('catalogAdmin.impact.invalid', { count: counts.invalid })}
        </li>
        <li>{t('catalogAdmin.impact.priceChanged', { count: counts.priceChanged })}</li>
      </ul>
      {report.items.length > 0 && (
        <div className="table-scroll">
          <table className="editor-table impact-table">
            <caption className="visually-hidden">{t('catalogAdmin.impact.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogAdmin.impact.what')}</th>
                <th scope="col">{t('catalogAdmin.impact.owner')}</th>
                <th scope="col">{t('catalogAdmin.impact.outcome')}</th>
                <th scope="col" className="number">
                  {t('catalogAdmin.impact.price')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((item) => (
                <tr key={`${item.kind}-${item.id}`}>
                  <th scope="row">
                    {t(`catalogAdmin.impact.kind.${item.kind}`)} <code className="muted">{item.id}</code>
                    <br />
                    <span className="muted">
                      {t('catalogAdmin.impact.onVersion', { version: item.catalogVersion })}
                    </span>
                  </th>
                  <td>{item.owner}</td>
                  <td>
                    <Outcome item={item} names={names} />
                  </td>
                  <td className="number">
                    {format.money(item.priceBeforeCents, currency)} →{' '}
                    {item.priceAfterCents === null ? '—' : format.money(item.priceAfterCents, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Outcome({ item, names }: { item: ImpactItem; names: Names }) {
  const { t } = useTranslation();
  if (item.valid) return <>{t('catalogAdmin.impact.staysValid')}</>;
  return (
    <>
      <strong className="lost">{t('catalogAdmin.impact.becomesInvalid')}</strong>
      {item.missingOptions.length > 0 && (
        <p>{t('catalogAdmin.impact.missing', { names: item.missingOptions.map(names.option).join(', ') })}</p>
      )}
      {item.explanation.length > 0 && (
        <ul className="explanation">
          {item.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}
