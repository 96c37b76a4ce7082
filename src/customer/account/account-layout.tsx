import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth.ts';
import { useCatalogList } from '../api/catalogs.ts';
import { QueryState } from '../components/query-state.tsx';
import { signInPath } from './form-errors.ts';
import './account.css';

/**
 * The frame of every account page: signed-out visitors go to sign-in and come back here afterwards; staff, who
 * have no customer record, are told so instead of meeting a wall of 403s.
 */
export function AccountLayout() {
  const { t } = useTranslation();
  const me = useMe();
  // Pages name products by the catalog list; waiting for it here spares them a flash of bare ids ("pc").
  const catalogs = useCatalogList();
  const location = useLocation();
  // Signing out here leads home, not to a sign-in page asking for the account that was just left.
  const wasSignedIn = useRef(false);
  if (me.data) wasSignedIn.current = true;
  return (
    <QueryState isPending={me.isPending || (!!me.data && catalogs.isPending)} error={me.error}>
      {() => {
        if (!me.data)
          return (
            <Navigate
              to={wasSignedIn.current ? '/' : signInPath(location.pathname + location.search)}
              replace
            />
          );
        if (me.data.user.role !== 'customer' || !me.data.customer)
          return (
            <div role="alert" className="notice">
              {t('account.staffOnly', { role: t(`account.roles.${me.data.user.role}`) })}
            </div>
          );
        return (
          <div className="account">
            <nav className="account-nav" aria-label={t('account.nav.label')}>
              <NavLink to="/account" end>
                {t('account.nav.overview')}
              </NavLink>
              <NavLink to="/account/timeline">{t('account.nav.timeline')}</NavLink>
              <NavLink to="/account/preferences">{t('account.nav.preferences')}</NavLink>
            </nav>
            <Outlet context={me.data} />
          </div>
        );
      }}
    </QueryState>
  );
}
