import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Build } from '../../core/catalog/index.ts';
import { encodeBuild, type ConfigureHost } from '../../configure/index.ts';
import { adminKeys } from '../api/keys.ts';

/** What a complete build leads to in a preview: nothing to order, only the note that it can be built. */
function PreviewComplete() {
  const { t } = useTranslation();
  return <p className="notice">{t('catalogAdmin.preview.complete')}</p>;
}

/**
 * The preview's configurator host: nobody's build, nothing kept (no sessions), nothing logged, nothing
 * personalised; the draft compiles in the browser's worker, as there is no compiled form of it on the server.
 */
export function usePreviewHost(catalogId: string, draftId: string): ConfigureHost {
  return useMemo(
    (): ConfigureHost => ({
      owner: { kind: 'shopper' },
      cacheKey: [...adminKeys.draft(draftId), 'preview'],
      buildHref: (_catalogId: string, build: Build) =>
        `/catalogs/${encodeURIComponent(catalogId)}/drafts/${encodeURIComponent(draftId)}/preview?b=${encodeBuild(build)}`,
      CompleteAction: PreviewComplete,
    }),
    [catalogId, draftId],
  );
}
