import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { App } from '../customer/app.tsx';
import { AppFlowProvider } from '../customer/flow/app-flow.tsx';

// The console's code is only for staff: the shop's first page never loads it.
const StoreApp = lazy(async () => ({ default: (await import('../sales/store-app.tsx')).StoreApp }));

/** The surfaces by path: the in-store console under `/store`, the shop everywhere else. */
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
