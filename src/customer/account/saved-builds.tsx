import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSavedBuilds } from '../api/account.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { BuildCard } from './build-card.tsx';
import { CompareBuilds } from './compare-builds.tsx';

/**
 * The picked pair is mirrored into the URL (`?compare=a,b`), so a comparison survives a reload and can be shared.
 * The checkboxes follow local state: the router applies URL changes in a transition, which would let a ticked box
 * flicker back for a moment.
 */
function useComparePair() {
  const [params, setParams] = useSearchParams();
  const [picked, setPicked] = useState(() =>
    (params.get('compare') ?? '').split(',').filter(Boolean).slice(0, 2),
  );
  const toggle = (id: string) => {
    const next = picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id].slice(-2);
    setPicked(next);
    setParams(
      (p) => {
        if (next.length > 0) p.set('compare', next.join(','));
        else p.delete('compare');
        return p;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  return { picked, toggle };
}

export function SavedBuilds() {
  const { t } = useTranslation();
  const builds = useSavedBuilds();
  const { picked, toggle } = useComparePair();
  return (
    <section aria-labelledby="builds-title">
      <h2 id="builds-title" tabIndex={-1}>
        {t('account.builds.title')}
      </h2>
      <QueryState isPending={builds.isPending} error={builds.error}>
        {() => {
          const list = builds.data ?? [];
          if (list.length === 0)
            return (
              <div className="notice empty">
                <p>{t('account.builds.none')}</p>
                <Link className="primary-link" to="/">
                  {t('account.builds.start')}
                </Link>
              </div>
            );
          const present = picked.filter((id) => list.some((b) => b.id === id));
          return (
            <>
              <p className="muted" id="compare-hint">
                {list.length < 2
                  ? t('account.builds.compareNeedsTwo')
                  : t('account.builds.compareHint', { count: present.length })}
              </p>
              <ul className="build-list" aria-label={t('account.builds.title')}>
                {list.map((build) => (
                  <BuildCard
                    key={build.id}
                    build={build}
                    picked={present.includes(build.id)}
                    canCompare={list.length >= 2}
                    onTogglePick={() => toggle(build.id)}
                  />
                ))}
              </ul>
              {present.length === 2 && <CompareBuilds a={present[0] ?? ''} b={present[1] ?? ''} />}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
