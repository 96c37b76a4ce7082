import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AdminCatalog } from '../../contract/catalog-admin.schema.ts';
import { useAdminCatalog } from '../api/catalogs.ts';
import { useDiff } from '../api/drafts.ts';
import { useNames } from '../api/names.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { DiffReport } from './diff-report.tsx';

const draftOf = (side: string) => (side.startsWith('draft:') ? side.slice('draft:'.length) : undefined);

/** A side of the diff as people call it: "2026.11.0", or "draft “New GPUs”". */
export function useSideLabel(catalog: AdminCatalog | undefined): (side: string) => string {
  const { t } = useTranslation();
  return (side) => {
    const draftId = draftOf(side);
    if (!draftId) return side;
    const title = catalog?.drafts.find((d) => d.id === draftId)?.title ?? draftId;
    return t('catalogAdmin.diff.draftNamed', { title });
  };
}

/** `/catalogs/:catalogId/diff?from=…&to=…`: what changed between two versions (or a version and a draft). */
export function DiffPage() {
  const { t } = useTranslation();
  const { catalogId = '' } = useParams();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const { catalog } = useAdminCatalog(catalogId);
  const diff = useDiff(catalogId, from, to);
  const names = useNames(catalogId, draftOf(to) ?? draftOf(from));
  const label = useSideLabel(catalog);
  return (
    <div className="diff-page">
      <p className="breadcrumb">
        <Link to="/catalogs">{t('catalogAdmin.nav.catalogs')}</Link> › {catalog?.name ?? catalogId}
      </p>
      <h1>{t('catalogAdmin.diff.title', { from: label(from), to: label(to) })}</h1>
      {!from || !to ? (
        <p role="alert">{t('catalogAdmin.diff.missingSides')}</p>
      ) : (
        <QueryState isPending={diff.isPending} error={diff.error}>
          {() => diff.data && <DiffReport diff={diff.data} names={names} />}
        </QueryState>
      )}
    </div>
  );
}
