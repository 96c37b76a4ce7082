import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { useConfigureHost } from '../host.ts';
import { useSession } from './session-context.tsx';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';
import { distinguish } from './similar.ts';

/**
 * "Builds like yours": configurations other customers bought closest to this customer's own builds (empty without
 * history), each named by what sets it apart from the others and from the build on screen, with how many bought it;
 * nothing of any one order (issue 19 §5).
 */
export function SimilarBuilds() {
  const { actor, configurator } = useSession();
  const { catalog } = configurator;
  const { personal, cacheKey, buildHref } = useConfigureHost();
  const similar = useQuery({
    queryKey: [...cacheKey, 'similar-builds', catalog.id],
    queryFn: ({ signal }) => personal?.similarBuilds(catalog.id, signal) ?? { builds: [] },
    enabled: personal !== undefined,
  });
  const choices = useSelector(actor, (s) => s.context.choices);
  const { t } = useTranslation();
  const words = useCatalogWords(catalog);
  const builds = personal ? (similar.data?.builds ?? []) : [];
  if (builds.length === 0) return null;
  const shown = distinguish(
    builds,
    choices,
    catalog.slots.map((s) => s.id),
  );
  return (
    <section className="similar" aria-labelledby="similar-title" data-testid="similar-builds">
      <h2 id="similar-title">{t('personal.similar')}</h2>
      <p>{t('personal.similarLead')}</p>
      <ul>
        {shown.map(({ build, named, more }) => (
          <li key={`${build.buyers}-${named.join()}`} className="similar-build">
            <span className="similar-parts">
              {named.map(words.optionName).join(', ')}
              {more > 0 && (
                <span className="similar-more"> {t('personal.similarMore', { count: more })}</span>
              )}
            </span>
            <span className="similar-meta">
              {t('personal.similarBuyers', { count: build.buyers })} ·{' '}
              {/* A new session from the link (the page reads its build once), migrated if the order is older. */}
              <Link reloadDocument to={buildHref(catalog.id, build.selections)}>
                {t('personal.similarOpen')}
              </Link>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
