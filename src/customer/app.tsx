import { Link, Route, Routes } from 'react-router';
import { HomePage } from './pages/home-page.tsx';
import { CatalogPage } from './pages/catalog-page.tsx';
import { ConfigurePage } from './pages/configure-page.tsx';
import { ReviewPage } from './pages/review-page.tsx';
import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n/i18n.ts';
import { languages, type Language } from './i18n/resources.ts';
import { AccountMenu } from './account/account-menu.tsx';
import { AccountLayout } from './account/account-layout.tsx';
import { AccountPage } from './account/account-page.tsx';
import { PreferencesPage } from './account/preferences-page.tsx';
import { SignInPage } from './account/sign-in-page.tsx';
import { SignUpPage } from './account/sign-up-page.tsx';
import { TimelinePage } from './account/timeline-page.tsx';

function NotFound() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error">
      {t('notFound')} <Link to="/">{t('backHome')}</Link>
    </div>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      {t('language')}{' '}
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
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
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/configure/:catalogId" element={<ConfigurePage />} />
          <Route path="/configure/:catalogId/review" element={<ReviewPage />} />
          <Route path="/catalog/:catalogId" element={<CatalogPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/account" element={<AccountLayout />}>
            <Route index element={<AccountPage />} />
            <Route path="timeline" element={<TimelinePage />} />
            <Route path="preferences" element={<PreferencesPage />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}
