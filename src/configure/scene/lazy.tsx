import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductViewProps } from './product-view.tsx';

/** three.js and the scene live in their own chunk, fetched the first time a product view is shown. */
export const LazyProductView = lazy(() => import('./product-view.tsx'));

/** The lazy product view with a progress fallback while its chunk downloads. */
export function ProductView3D(props: ProductViewProps) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <div role="progressbar" aria-label={t('scene.loading')} className="product-view-progress">
          {t('scene.loading')}…
        </div>
      }
    >
      <LazyProductView {...props} />
    </Suspense>
  );
}
