import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/api/auth.ts';
import { useSavedBuilds } from '../api/account.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { encodeBuild } from '../../configure/index.ts';
import './flow.css';

const SHOWN = 3;

/** A returning customer is greeted by name with the builds they left off, newest first, one click from going on. */
export function Welcome() {
  const me = useMe();
  const isCustomer = me.data?.user.role === 'customer';
  const builds = useSavedBuilds(isCustomer);
  const { t } = useTranslation();
  const format = useLocaleFormat();
  if (!me.data || !isCustomer) return null;
  const latest = [...(builds.data ?? [])]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, SHOWN);
  const date = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium' });
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">{t('personal.welcome', { name: me.data.user.name })}</h2>
      {latest.length > 0 && (
        <ul>
          {latest.map((build) => (
            <li key={build.id}>
              <Link
                to={`/configure/${build.catalogId}?b=${encodeBuild(build.selections)}`}
                data-build={build.id}
              >
                {t('personal.continue', { name: build.name })}
              </Link>{' '}
              <span className="muted">
                {t('personal.savedOn', { date: date.format(new Date(build.updatedAt)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
