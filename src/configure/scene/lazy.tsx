import { lazy, Suspense } from 'react';
import type { ProductViewProps } from './product-view.tsx';

/** three.js and the scene live in their own chunk, fetched the first time a product view is shown. */
export const LazyProductView = lazy(() => import('./product-view.tsx'));

/** The lazy product view with a progress fallback while its chunk downloads. */
export function ProductView3D(props: ProductViewProps) {
  return (
    <Suspense
      fallback={
        <div role="progressbar" aria-label="Loading 3D view" className="product-view-progress">
          Loading 3D view…
        </div>
      }
    >
      <LazyProductView {...props} />
    </Suspense>
  );
}
