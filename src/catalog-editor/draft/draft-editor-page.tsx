import { useParams } from 'react-router';
import { DraftEditor } from './draft-editor.tsx';

/** `/catalogs/:catalogId/drafts/:draftId`: the route's params for the draft editor. */
export function DraftEditorPage() {
  const { catalogId = '', draftId = '' } = useParams();
  return <DraftEditor key={draftId} catalogId={catalogId} draftId={draftId} />;
}
