import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useConfigureHost } from '../host.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useSession } from './session-context.tsx';

const NAMED = 4;

/** "Builds like yours": other customers' orders closest to this customer's own builds (empty without history). */
export function SimilarBuilds() {
  const { configurator } = useSession();
  const { catalog } = configurator;
  const { personal, cacheKey, buildHref } = useConfigureHost();
  const similar = useQuery({
    queryKey: [...cacheKey, 'similar-builds', catalog.id],
    queryFn: ({ signal }) => personal?.similarBuilds(catalog.id, signal) ?? { builds: [] },
    enabled: personal !== undefined,
  });
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const builds = personal ? (similar.data?.builds ?? []) : [];
  if (builds.length === 0) return null;
  const name = (id: string) => configurator.compiled.index.option.get(id)?.option.name ?? id;
  return (
    <section className="similar" aria-labelledby="similar-title" data-testid="similar-builds">
      <h2 id="similar-title">{t('personal.similar')}</h2>
      <p>{t('personal.similarLead')}</p>
      <ul>
        {builds.map((build, i) => (
          <li key={i}>
            {Object.values(build.selections)
              .flatMap((options) => Object.keys(options))
              .slice(0, NAMED)
              .map(name)
              .join(', ')}
            …{' '}
            {/* A new session from the link (the page reads its build once), migrated if the order is older. */}
            <Link reloadDocument to={buildHref(catalog.id, build.selections)}>
              {t('personal.similarOpen', { total: format.money(build.totalCents, build.currency) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
