import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { HomePage } from './pages/home-page.tsx';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import type { QueryClient } from '@tanstack/react-query';
import { AccountMenu } from './account/account-menu.tsx';
import { meQuery } from '../ui/api/auth.ts';
import { prefetchConfigure } from './api/catalogs.ts';

// The first page (the product list) loads only itself: the engine, the session machines and the account pages come
// as their routes are visited.
const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const loadConfigurePage = () => import('./pages/configure-page.tsx');
const loadReviewPage = () => import('./pages/review-page.tsx');
const ConfigurePage = page(loadConfigurePage, 'ConfigurePage');
const ReviewPage = page(loadReviewPage, 'ReviewPage');
const AccountLayout = page(() => import('./account/account-layout.tsx'), 'AccountLayout');
const AccountPage = page(() => import('./account/account-page.tsx'), 'AccountPage');
const PreferencesPage = page(() => import('./account/preferences-page.tsx'), 'PreferencesPage');
const SignInPage = page(() => import('./account/sign-in-page.tsx'), 'SignInPage');
const SignUpPage = page(() => import('./account/sign-up-page.tsx'), 'SignUpPage');
const ConfirmEmailPage = page(() => import('./account/confirm-email-page.tsx'), 'ConfirmEmailPage');
const MailboxPage = page(() => import('./account/mailbox-page.tsx'), 'MailboxPage');
const TimelinePage = page(() => import('./account/timeline-page.tsx'), 'TimelinePage');

/**
 * Starts what the page at `pathname` needs before React first renders it: a configure or review page's code,
 * its catalog, the catalog's compiled form and who is signed in, all at once rather than one after the other.
 */
export function prefetchRoute(pathname: string, queryClient: QueryClient): void {
  const match = /^\/configure\/([^/]+)(\/review)?\/?$/.exec(pathname);
  if (!match?.[1]) return;
  void (match[2] ? loadReviewPage() : loadConfigurePage());
  prefetchConfigure(queryClient, match[1]); // catalog ids need no decoding
  void queryClient.prefetchQuery(meQuery());
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="notice">
      {t('loading')}
    </p>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error">
      {t('notFound')} <Link to="/">{t('backHome')}</Link>
    </div>
  );
}

/** The first product page, `/catalog/:id`, became the configure page: old links land there. */
export function ToConfigure() {
  const { catalogId = '' } = useParams();
  const { search } = useLocation();
  return <Navigate replace to={`/configure/${encodeURIComponent(catalogId)}${search}`} />;
}

export function App() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Modulo<span>·</span>Configure
        </Link>
        <div className="header-tools">
          <LanguageSwitch />
          <AccountMenu />
        </div>
      </header>
      <main id="main" className="page">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/configure/:catalogId" element={<ConfigurePage />} />
            <Route path="/configure/:catalogId/review" element={<ReviewPage />} />
            <Route path="/catalog/:catalogId" element={<ToConfigure />} />
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-up" element={<SignUpPage />} />
            <Route path="/confirm-email" element={<ConfirmEmailPage />} />
            <Route path="/dev/mailbox" element={<MailboxPage />} />
            <Route path="/account" element={<AccountLayout />}>
              <Route index element={<AccountPage />} />
              <Route path="timeline" element={<TimelinePage />} />
              <Route path="preferences" element={<PreferencesPage />} />
            </Route>
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
