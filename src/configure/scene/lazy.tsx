import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductViewProps } from './product-view.tsx';
import { QUIET_MS, useQuietMoment } from '../../ui/quiet.ts';

/** three.js and the scene live in their own chunk, fetched the first time a product view is shown. */
export const LazyProductView = lazy(() => import('./product-view.tsx'));

function Progress() {
  const { t } = useTranslation();
  return (
    <div role="progressbar" aria-label={t('scene.loading')} className="product-view-progress">
      {t('scene.loading')}…
    </div>
  );
}

/**
 * The lazy product view, behind a progress indicator until its chunk is there. Its chunk is asked for only at the
 * first quiet moment after the options are shown (`quietMs` without input, then an idle browser): a shopper who
 * clicks at once is answered at once, and the view follows.
 */
export function ProductView3D({ quietMs = QUIET_MS, ...props }: ProductViewProps & { quietMs?: number }) {
  const quiet = useQuietMoment(quietMs);
  if (!quiet) return <Progress />;
  return (
    <Suspense fallback={<Progress />}>
      <LazyProductView {...props} />
    </Suspense>
  );
}
