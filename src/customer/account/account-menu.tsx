import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDismissMerged, useMe, useSignOut } from '../../ui/api/auth.ts';
import { signInPath } from './form-errors.ts';
import './account.css';

/** The header's account entry: "Sign in" for a guest; for a signed-in user a disclosure with their pages. */
export function AccountMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const signOut = useSignOut();
  const dismissMerged = useDismissMerged();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Close on navigation, on a click outside, and on Escape (returning focus to the button).
  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (me.isPending) return <div className="account-menu" aria-hidden="true" />;
  const user = me.data?.user;
  if (!user) {
    const onAuthPage = /^\/sign-(in|up)/.test(location.pathname);
    return (
      <div className="account-menu">
        {!onAuthPage && (
          <Link className="account-sign-in" to={signInPath(location.pathname + location.search)}>
            {t('account.menu.signIn')}
          </Link>
        )}
      </div>
    );
  }

  const staff = user.role !== 'customer';
  const merged = me.data?.merged;
  return (
    <div className="account-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="account-name">{user.name}</span>
        {staff && <span className="role-badge">{t(`account.roles.${user.role}`)}</span>}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div id={panelId} className="account-panel" hidden={!open}>
        <p className="account-panel-who">
          {staff ? t('account.menu.staff', { role: t(`account.roles.${user.role}`) }) : user.email}
        </p>
        {(user.role === 'sales' || user.role === 'store_manager') && (
          <ul>
            <li>
              <Link to="/store">{t('account.menu.store')}</Link>
            </li>
          </ul>
        )}
        {user.role === 'catalog' && (
          <ul>
            <li>
              <Link to="/catalogs">{t('account.menu.catalogs')}</Link>
            </li>
          </ul>
        )}
        {!staff && (
          <ul>
            <li>
              <Link to="/account">{t('account.menu.account')}</Link>
            </li>
            <li>
              <Link to="/account/timeline">{t('account.nav.timeline')}</Link>
            </li>
            <li>
              <Link to="/account/preferences">{t('account.nav.preferences')}</Link>
            </li>
          </ul>
        )}
        <button
          type="button"
          className="button secondary"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {t('account.menu.signOut')}
        </button>
      </div>
      {merged && (merged.builds > 0 || merged.interactions > 0) && (
        <div role="status" className="merged-note">
          <p>
            {merged.builds > 0
              ? t('account.merged.builds', { count: merged.builds })
              : t('account.merged.history')}
          </p>
          <button type="button" className="link-button" onClick={dismissMerged}>
            {t('account.merged.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
