import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, useLocation } from 'react-router';
import type { MeResponse, Role } from '../contract/auth.schema.ts';
import { useMe } from './api/auth.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { StaffSignOut } from './staff-sign-out.tsx';

interface StaffFrameProps {
  /**
   * The surface's texts: `<texts>.brand`, `.nav.label`, `.signedInAs`, `.signOut`, `.staffOnly`, `.toShop`; and its
   * class names, `<surface>-header`, `-nav`, `-who`, `-page`.
   */
  texts: 'store' | 'catalogAdmin';
  surface: 'store' | 'editor';
  /** Where the brand and the first section lead, and that section's name. */
  home: string;
  homeLabel: string;
  /** Who may use the surface; anyone else signed in is told it is not theirs. */
  allows: (role: Role) => boolean;
  /** Sections of the navigation after the first, for the signed-in staff member. */
  moreNav?: (me: MeResponse) => ReactNode;
  /** The surface's routes. */
  children: ReactNode;
}

/**
 * The frame of a staff surface (the store console, the catalog editor): sends a visitor to sign in (and back), tells
 * a signed-in user of another role that the surface is not theirs, and around the surface's routes shows who is
 * signed in, the sections, the language and signing out.
 */
export function StaffFrame({ texts, surface, home, homeLabel, allows, moreNav, children }: StaffFrameProps) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p role="status">{t('loading')}</p>;
  if (!me.data) {
    const next = new URLSearchParams({ next: location.pathname + location.search });
    return <Navigate to={`/sign-in?${next.toString()}`} replace />;
  }
  const { user } = me.data;
  if (!allows(user.role))
    return (
      <main id="main" className="page">
        <div role="alert" className="notice">
          {t(`${texts}.staffOnly`, { role: t(`account.roles.${user.role}`) })}{' '}
          <Link to="/">{t(`${texts}.toShop`)}</Link>
        </div>
      </main>
    );
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className={`site-header staff-header ${surface}-header`}>
        <Link to={home} className="brand">
          Modulo<span>·</span>
          {t(`${texts}.brand`)}
        </Link>
        <nav className={`${surface}-nav`} aria-label={t(`${texts}.nav.label`)}>
          <NavLink to={home} end>
            {homeLabel}
          </NavLink>
          {moreNav?.(me.data)}
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          <span className={`${surface}-who`}>
            {t(`${texts}.signedInAs`, { name: user.name, role: t(`account.roles.${user.role}`) })}
          </span>
          <StaffSignOut label={t(`${texts}.signOut`)} />
        </div>
      </header>
      <main id="main" className={`page ${surface}-page`}>
        {children}
      </main>
    </>
  );
}
