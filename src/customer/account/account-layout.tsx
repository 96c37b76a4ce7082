import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useMe } from '../../ui/api/auth.ts';
import { useCatalogList } from '../api/catalogs.ts';
import { QueryState } from '../../ui/query-state.tsx';
import type { AccountOutlet } from './account-outlet.ts';
import { signInPath } from './form-errors.ts';
import './account.css';

/**
 * The frame of every account page: signed-out visitors go to sign-in and come back here afterwards; store staff go
 * to their console, product managers to the catalog editor; other staff, who have no customer record, are told so instead of meeting a wall of 403s.
 */
export function AccountLayout() {
  const { t } = useTranslation();
  const me = useMe();
  // Pages name products by the catalog list, which only this layout asks for (account-outlet.ts). Waiting for its
  // first answer spares them a flash of bare ids ("pc"); after a failure, and while trying again, they stay shown
  // by id under one alert: hiding them while the list is pending again would remount them, and their own queries
  // would ask again each time.
  const catalogs = useCatalogList();
  const firstAnswer = catalogs.isPending && catalogs.errorUpdateCount === 0;
  const location = useLocation();
  // Signing out here leads home, not to a sign-in page asking for the account that was just left.
  const wasSignedIn = useRef(false);
  if (me.data) wasSignedIn.current = true;
  return (
    <QueryState isPending={me.isPending || (!!me.data && firstAnswer)} error={me.error}>
      {() => {
        if (!me.data)
          return (
            <Navigate
              to={wasSignedIn.current ? '/' : signInPath(location.pathname + location.search)}
              replace
            />
          );
        // Sales staff and store managers have the store console instead (and land there after signing in).
        if (me.data.user.role === 'sales' || me.data.user.role === 'store_manager')
          return <Navigate to="/store" replace />;
        // Product managers have the catalog editor (and land there after signing in).
        if (me.data.user.role === 'catalog') return <Navigate to="/catalogs" replace />;
        if (me.data.user.role !== 'customer' || !me.data.customer)
          return (
            <div role="alert" className="notice">
              {t('account.staffOnly', { role: t(`account.roles.${me.data.user.role}`) })}
            </div>
          );
        const outlet: AccountOutlet = { me: me.data, catalogs: catalogs.data ?? [] };
        return (
          <div className="account">
            <nav className="account-nav" aria-label={t('account.nav.label')}>
              <NavLink to="/account" end>
                {t('account.nav.overview')}
              </NavLink>
              <NavLink to="/account/timeline">{t('account.nav.timeline')}</NavLink>
              <NavLink to="/account/preferences">{t('account.nav.preferences')}</NavLink>
            </nav>
            {catalogs.data === undefined && !firstAnswer && (
              <CatalogListFailed
                message={catalogs.error?.message}
                retrying={catalogs.isFetching}
                retry={() => void catalogs.refetch()}
              />
            )}
            <Outlet context={outlet} />
          </div>
        );
      }}
    </QueryState>
  );
}

/** The catalog list failed: said once, with a way to ask again (once per click, with the client's usual retry). */
function CatalogListFailed({
  message,
  retrying,
  retry,
}: {
  /** Absent while trying again: the query forgets its error then. */
  message: string | undefined;
  retrying: boolean;
  retry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error account-problem">
      <p>
        <strong>{t('account.catalogList.failed')}</strong> {message}
      </p>
      <button
        type="button"
        className="button secondary"
        // aria-disabled rather than disabled: the button keeps the focus it was clicked with.
        aria-disabled={retrying}
        onClick={() => {
          if (!retrying) retry();
        }}
      >
        {retrying ? t('account.catalogList.retrying') : t('account.catalogList.retry')}
      </button>
    </div>
  );
}
