import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { App } from '../customer/app.tsx';
import { AppFlowProvider } from '../customer/flow/app-flow.tsx';

// The console's and the editor's code is only for staff: the shop's first page never loads it.
const StoreApp = lazy(async () => ({ default: (await import('../sales/store-app.tsx')).StoreApp }));
const CatalogEditorApp = lazy(async () => ({
  default: (await import('../catalog-editor/catalog-editor-app.tsx')).CatalogEditorApp,
}));

/** The surfaces by path: the in-store console under `/store`, the catalog editor under `/catalogs`, the shop everywhere else. */
export function Root() {
  return (
    <Routes>
      <Route
        path="/store/*"
        element={
          <Suspense>
            <StoreApp />
          </Suspense>
        }
      />
      <Route
        path="/catalogs/*"
        element={
          <Suspense>
            <CatalogEditorApp />
          </Suspense>
        }
      />
      <Route
        path="*"
        element={
          <AppFlowProvider>
            <App />
          </AppFlowProvider>
        }
      />
    </Routes>
  );
}
