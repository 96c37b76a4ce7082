import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../ui/api/auth.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { StaffSignOut } from '../ui/staff-sign-out.tsx';
import type { MeResponse } from '../contract/auth.schema.ts';
import { ContinuePage } from './configure/index.ts';
import { CustomerPage } from './customer/customer-page.tsx';
import { FindPage } from './find/find-page.tsx';
import { ApprovalsLink } from './approvals/approvals-link.tsx';
import { ApprovalsPage } from './approvals/approvals-page.tsx';
import { NewQuotePage } from './quote/new-quote-page.tsx';
import { QuotePage } from './quote/quote-page.tsx';
import './store.css';

const storeRoles = new Set(['sales', 'store_manager']);

/** The frame of the console: who is serving, the console's sections, the language, signing out. */
function StoreHeader({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const { user } = me;
  return (
    <header className="site-header staff-header store-header">
      <Link to="/store" className="brand">
        Modulo<span>·</span>
        {t('store.brand')}
      </Link>
      <nav className="store-nav" aria-label={t('store.nav.label')}>
        <NavLink to="/store" end>
          {t('store.nav.customers')}
        </NavLink>
        {user.role === 'store_manager' && <ApprovalsLink />}
      </nav>
      <div className="header-tools">
        <LanguageSwitch />
        <span className="store-who">
          {t('store.signedInAs', { name: user.name, role: t(`account.roles.${user.role}`) })}
        </span>
        <StaffSignOut label={t('store.signOut')} />
      </div>
    </header>
  );
}

/**
 * The in-store sales console at `/store`: staff land here after signing in. Anyone else is sent to sign in, or
 * told the console is not theirs.
 */
export function StoreApp() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p role="status">{t('loading')}</p>;
  if (!me.data) {
    const next = new URLSearchParams({ next: location.pathname + location.search });
    return <Navigate to={`/sign-in?${next.toString()}`} replace />;
  }
  if (!storeRoles.has(me.data.user.role))
    return (
      <main id="main" className="page">
        <div role="alert" className="notice">
          {t('store.staffOnly', { role: t(`account.roles.${me.data.user.role}`) })}{' '}
          <Link to="/">{t('store.toShop')}</Link>
        </div>
      </main>
    );
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <StoreHeader me={me.data} />
      <main id="main" className="page store-page">
        <Routes>
          <Route index element={<FindPage />} />
          <Route path="customers/:customerId" element={<CustomerPage />} />
          <Route path="customers/:customerId/configure/:catalogId" element={<ContinuePage />} />
          <Route path="customers/:customerId/quotes/new" element={<NewQuotePage />} />
          <Route path="customers/:customerId/quotes/:quoteId" element={<QuotePage />} />
          <Route path="approvals" element={<ApprovalsPage />} />
        </Routes>
      </main>
    </>
  );
}
