import { Link, Route, Routes } from 'react-router';
import { HomePage } from './pages/home-page.tsx';
import { CatalogPage } from './pages/catalog-page.tsx';
import { ConfigurePage } from './pages/configure-page.tsx';
import { ReviewPage } from './pages/review-page.tsx';

function NotFound() {
  return (
    <div role="alert" className="notice notice-error">
      This page does not exist. <Link to="/">Back to the products</Link>
    </div>
  );
}

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Modulo<span>·</span>Configure
        </Link>
      </header>
      <main id="main" className="page">
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/configure/:catalogId" element={<ConfigurePage />} />
          <Route path="/configure/:catalogId/review" element={<ReviewPage />} />
          <Route path="/catalog/:catalogId" element={<CatalogPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}
