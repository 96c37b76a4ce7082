import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DraftEditor } from './draft-editor.tsx';

/**
 * `/catalogs/:catalogId/drafts/:draftId`: the route's params for the draft editor, and the ways on from it (preview,
 * publish), which need the router the editor itself does without.
 */
export function DraftEditorPage() {
  const { t } = useTranslation();
  const { catalogId = '', draftId = '' } = useParams();
  return (
    <>
      <nav className="draft-links" aria-label={t('catalogAdmin.draft.title')}>
        <Link to="/catalogs">← {t('catalogAdmin.nav.catalogs')}</Link>
        <Link className="button secondary" to="preview">
          {t('catalogAdmin.draft.preview')}
        </Link>
        <Link className="button" to="publish">
          {t('catalogAdmin.draft.publish')}
        </Link>
      </nav>
      <DraftEditor key={draftId} catalogId={catalogId} draftId={draftId} />
    </>
  );
}
