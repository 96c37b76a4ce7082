import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { StaffFrame } from '../ui/staff-frame.tsx';
import { CatalogsPage } from './catalogs/catalogs-page.tsx';
import { DiffPage } from './diff/diff-page.tsx';
import { DraftEditorPage } from './draft/draft-editor-page.tsx';
import { PopularityPage } from './popularity/popularity-page.tsx';
import { PreviewPage } from './preview/preview-page.tsx';
import { PublishPage } from './publish/publish-page.tsx';
import { VersionPage } from './version/version-page.tsx';
import './catalog-editor.css';

/**
 * The catalog editor at `/catalogs`, for product managers (role `catalog`), who land here after signing in.
 * Anyone else is sent to sign in, or told the editor is not theirs.
 */
export function CatalogEditorApp() {
  const { t } = useTranslation();
  return (
    <StaffFrame
      texts="catalogAdmin"
      surface="editor"
      home="/catalogs"
      homeLabel={t('catalogAdmin.nav.catalogs')}
      allows={(role) => role === 'catalog'}
    >
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
    </StaffFrame>
  );
}
