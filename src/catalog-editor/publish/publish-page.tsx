import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { catalogSchema } from '../../core/catalog/index.ts';
import { useDraft, useDraftCheck, useImpact, usePublish } from '../api/drafts.ts';
import { useNames } from '../api/names.ts';
import { useExactCount } from '../components/counts.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { ImpactReport } from './impact-report.tsx';
import { PublishForm } from './publish-form.tsx';
import { PublishOutcome } from './publish-outcome.tsx';

/**
 * `/catalogs/:catalogId/drafts/:draftId/publish`: the server's check of the draft as stored, the impact on what
 * customers have, then a note and a date, and publishing that very revision.
 */
export function PublishPage() {
  const { t } = useTranslation();
  const { catalogId = '', draftId = '' } = useParams();
  const draft = useDraft(draftId);
  const check = useDraftCheck(draftId);
  const impact = useImpact(draftId);
  const publish = usePublish(draftId);
  const names = useNames(catalogId, draftId);
  const count = useExactCount();
  const base = `/catalogs/${encodeURIComponent(catalogId)}/drafts/${encodeURIComponent(draftId)}`;
  const currency = catalogSchema.shape.currency.safeParse(draft.data?.document.currency).data ?? 'EUR';
  const recheck = () => {
    publish.reset();
    void check.refetch();
    void impact.refetch();
  };
  return (
    <div className="publish-page">
      <p className="breadcrumb">
        <Link to="/catalogs">{t('catalogAdmin.nav.catalogs')}</Link> ›{' '}
        <Link to={base}>{draft.data?.title ?? draftId}</Link>
      </p>
      <h1>{t('catalogAdmin.publish.title', { title: draft.data?.title ?? draftId })}</h1>
      <p className="actions">
        <Link to={`${base}/preview`}>{t('catalogAdmin.draft.preview')}</Link>
        <button type="button" className="secondary" onClick={recheck} disabled={check.isFetching}>
          {check.isFetching ? t('catalogAdmin.publish.checking') : t('catalogAdmin.publish.recheck')}
        </button>
      </p>
      <PublishOutcome
        catalogId={catalogId}
        error={publish.error}
        published={publish.data}
        onRecheck={recheck}
      />
      {!publish.data && (
        <QueryState isPending={check.isPending} error={check.error}>
          {() => {
            const checked = check.data;
            if (!checked) return null;
            return (
              <>
                <p className="build-count">
                  {checked.buildCount === null
                    ? t('catalogAdmin.publish.noCount')
                    : t('catalogAdmin.publish.buildCount', { builds: count(checked.buildCount) })}{' '}
                  <span className="muted">
                    {t('catalogAdmin.publish.revision', { revision: checked.revision })}
                  </span>
                </p>
                {checked.form === 'dnnf' && <p className="muted">{t('catalogAdmin.publish.circuit')}</p>}
                <section className="panel" aria-labelledby="publish-impact">
                  <h2 id="publish-impact">{t('catalogAdmin.impact.title')}</h2>
                  <QueryState isPending={impact.isPending} error={impact.error}>
                    {() =>
                      impact.data && (
                        <>
                          {impact.data.revision !== checked.revision && (
                            <p role="alert" className="notice notice-warning">
                              {t('catalogAdmin.impact.otherRevision')}
                            </p>
                          )}
                          <ImpactReport report={impact.data} currency={currency} names={names} />
                        </>
                      )
                    }
                  </QueryState>
                </section>
                <PublishForm
                  key={checked.revision}
                  check={checked}
                  busy={publish.isPending}
                  onPublish={(request) => publish.mutate({ revision: checked.revision, ...request })}
                />
              </>
            );
          }}
        </QueryState>
      )}
    </div>
  );
}
