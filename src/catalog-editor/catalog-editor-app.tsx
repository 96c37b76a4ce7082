import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import type { MeResponse } from '../contract/auth.schema.ts';
import { useMe } from '../ui/api/auth.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { StaffSignOut } from '../ui/staff-sign-out.tsx';
import { CatalogsPage } from './catalogs/catalogs-page.tsx';
import { DiffPage } from './diff/diff-page.tsx';
import { DraftEditorPage } from './draft/draft-editor-page.tsx';
import { PopularityPage } from './popularity/popularity-page.tsx';
import { PreviewPage } from './preview/preview-page.tsx';
import { PublishPage } from './publish/publish-page.tsx';
import { VersionPage } from './version/version-page.tsx';
import './catalog-editor.css';

/** The frame of the editor: who is signed in, its sections, the language, signing out. */
function EditorHeader({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const { user } = me;
  return (
    <header className="site-header staff-header editor-header">
      <Link to="/catalogs" className="brand">
        Modulo<span>·</span>
        {t('catalogAdmin.brand')}
      </Link>
      <nav className="editor-nav" aria-label={t('catalogAdmin.nav.label')}>
        <NavLink to="/catalogs" end>
          {t('catalogAdmin.nav.catalogs')}
        </NavLink>
      </nav>
      <div className="header-tools">
        <LanguageSwitch />
        <span className="editor-who">
          {t('catalogAdmin.signedInAs', { name: user.name, role: t(`account.roles.${user.role}`) })}
        </span>
        <StaffSignOut label={t('catalogAdmin.signOut')} />
      </div>
    </header>
  );
}

/**
 * The catalog editor at `/catalogs`, for product managers (role `catalog`), who land here after signing in.
 * Anyone else is sent to sign in, or told the editor is not theirs.
 */
export function CatalogEditorApp() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p role="status">{t('loading')}</p>;
  if (!me.data) {
    const next = new URLSearchParams({ next: location.pathname + location.search });
    return <Navigate to={`/sign-in?${next.toString()}`} replace />;
  }
  if (me.data.user.role !== 'catalog')
    return (
      <main id="main" className="page">
        <div role="alert" className="notice">
          {t('catalogAdmin.staffOnly', { role: t(`account.roles.${me.data.user.role}`) })}{' '}
          <Link to="/">{t('catalogAdmin.toShop')}</Link>
        </div>
      </main>
    );
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <EditorHeader me={me.data} />
      <main id="main" className="page editor-page">
        <Routes>
          <Route index element={<CatalogsPage />} />
          <Route path=":catalogId/versions/:version" element={<VersionPage />} />
          <Route path=":catalogId/diff" element={<DiffPage />} />
          <Route path=":catalogId/popularity" element={<PopularityPage />} />
          <Route path=":catalogId/drafts/:draftId" element={<DraftEditorPage />} />
          <Route path=":catalogId/drafts/:draftId/publish" element={<PublishPage />} />
          <Route path=":catalogId/drafts/:draftId/preview" element={<PreviewPage />} />
          <Route path="*" element={<p role="alert">{t('notFound')}</p>} />
        </Routes>
      </main>
    </>
  );
}
