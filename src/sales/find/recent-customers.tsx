import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useGlanceFormat } from '../customer/glance-format.ts';
import { useRecentCustomers } from './api.ts';
import { CustomerLine } from './customer-line.tsx';
import { customerPath } from './customer-search.tsx';

/** The customers this staff member served in the store lately, newest first: back to them in one tap. */
export function RecentCustomers() {
  const { t } = useTranslation();
  const recent = useRecentCustomers();
  const format = useGlanceFormat('EUR');
  return (
    <section className="card find-recent" aria-labelledby="find-recent-title">
      <h2 id="find-recent-title">{t('storeFind.recent.title')}</h2>
      {recent.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : recent.isError ? (
        <p role="alert">{t('storeFind.recent.failed', { message: recent.error.message })}</p>
      ) : recent.data.length === 0 ? (
        <p>{t('storeFind.recent.none')}</p>
      ) : (
        <ul className="find-recent-list">
          {recent.data.map((hit) => (
            <li key={hit.id}>
              <Link to={customerPath(hit.id)} className="find-recent-link">
                <CustomerLine
                  hit={hit}
                  note={t('storeFind.recent.at', { date: format.moment(hit.servedAt) })}
                />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
