import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchDocument } from '../api/drafts.ts';
import { downloadJson } from './download.ts';

/** "Export" of a version or a draft: its catalog file, downloaded as JSON. */
export function ExportButton({
  catalogId,
  source,
  label,
}: {
  catalogId: string;
  source: { version: string } | { draftId: string };
  /** Says what is exported, for screen readers ("Export 2026.11.0"). */
  label: string;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const run = async () => {
    setState({ busy: true });
    try {
      const document = await fetchDocument(catalogId, source);
      const name = 'version' in source ? source.version : `draft-${source.draftId}`;
      downloadJson(`${catalogId}-${name}.json`, document);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <>
      <button
        type="button"
        className="secondary small"
        aria-label={label}
        onClick={() => void run()}
        disabled={state.busy}
      >
        {t('catalogAdmin.export')}
      </button>
      {state.error && (
        <span role="alert" className="inline-error">
          {t('catalogAdmin.exportFailed', { message: state.error })}
        </span>
      )}
    </>
  );
}
