import { createRoot } from 'react-dom/client';
import '../../../src/ui/styles.css';
import '../../../src/ui/i18n/i18n.ts';
import { DraftEditor } from '../../../src/catalog-editor/draft/draft-editor.tsx';

/** The draft editor alone, for screenshots: the page driving it answers /api/catalog-admin/drafts/* itself. */
const root = document.getElementById('root');
if (root) createRoot(root).render(<DraftEditor catalogId="pc" draftId="d1" />);
