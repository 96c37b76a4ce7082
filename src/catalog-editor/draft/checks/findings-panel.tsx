import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../core/catalog/index.ts';
import type { Finding } from '../../../core/catalog-check/index.ts';
import { languages } from '../../../ui/i18n/resources.ts';
import { EditorUiContext } from '../editor-ui.store.ts';
import type { Checks } from './use-checks.ts';

/** "1,234,567" in the page's language; BigInt keeps every digit of counts beyond 2^53. */
const formatCount = (count: string, language: string) =>
  new Intl.NumberFormat(languages.find((l) => l.code === language)?.locale ?? 'en-IE').format(BigInt(count));

function nameOf(doc: Catalog, id: string): string {
  const bare = id.replace(/^(package|slot):/, '');
  for (const s of doc.slots) {
    if (s.id === bare) return s.name;
    const o = s.options.find((x) => x.id === bare);
    if (o) return o.name;
  }
  return bare;
}

function FindingItem({ finding, doc }: { finding: Finding; doc: Catalog }) {
  const { t } = useTranslation();
  const ui = useContext(EditorUiContext);
  return (
    <li className={`finding ${finding.severity}`}>
      <strong>{t(`catalogDraft.checks.kinds.${finding.kind}`)}</strong>
      <p>{finding.message}</p>
      {finding.explanation && finding.explanation.length > 0 && (
        <>
          <span className="muted small">{t('catalogDraft.checks.because')}</span>
          <ul className="small">
            {finding.explanation.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </>
      )}
      <div className="ids">
        {finding.ids.map((id) => (
          <button
            key={id}
            type="button"
            className="link small"
            onClick={() => ui?.getState().jumpTo(doc, id)}
            title={t('catalogDraft.checks.show')}
          >
            {nameOf(doc, id)}
          </button>
        ))}
      </div>
    </li>
  );
}

/** The checks' answer: the exact build count, schema problems, then errors (blocking publishing) and warnings. */
export function FindingsPanel({ checks, doc }: { checks: Checks; doc: Catalog }) {
  const { t, i18n } = useTranslation();
  const reply = checks.reply;
  const errors = reply?.findings.filter((f) => f.severity === 'error') ?? [];
  const warnings = reply?.findings.filter((f) => f.severity === 'warning') ?? [];
  const blocking = errors.length + (reply?.issues.length ?? 0);
  return (
    <aside className="findings" aria-labelledby="checks-title" aria-busy={checks.running}>
      <h2 id="checks-title">{t('catalogDraft.checks.title')}</h2>
      <p className="build-count" role="status">
        {reply?.buildCount != null
          ? t('catalogDraft.checks.builds', {
              count: reply.buildCount === '1' ? 1 : 2,
              n: formatCount(reply.buildCount, i18n.language),
            })
          : reply
            ? t('catalogDraft.checks.noBuilds')
            : t('catalogDraft.checks.running')}
        {checks.running && reply && (
          <span className="muted small"> · {t('catalogDraft.checks.running')}</span>
        )}
      </p>
      {reply?.form === 'dnnf' && <p className="muted small">{t('catalogDraft.checks.circuit')}</p>}
      {reply?.failure && <p role="alert">{t('catalogDraft.checks.failed', { reason: reply.failure })}</p>}
      {blocking > 0 && <p className="blocking">{t('catalogDraft.checks.blocking', { count: blocking })}</p>}
      {reply && reply.issues.length > 0 && (
        <section>
          <h3>{t('catalogDraft.checks.schema')}</h3>
          <ul className="stack">
            {reply.issues.map((p, i) => (
              <li key={i} className="finding error">
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {errors.length > 0 && (
        <section>
          <h3>{t('catalogDraft.checks.errors')}</h3>
          <ul className="stack">
            {errors.map((f, i) => (
              <FindingItem key={i} finding={f} doc={doc} />
            ))}
          </ul>
        </section>
      )}
      {warnings.length > 0 && (
        <section>
          <h3>
            {t('catalogDraft.checks.warnings')} ({warnings.length})
          </h3>
          <ul className="stack">
            {warnings.slice(0, 200).map((f, i) => (
              <FindingItem key={i} finding={f} doc={doc} />
            ))}
          </ul>
        </section>
      )}
      {reply && !checks.running && reply.findings.length === 0 && reply.issues.length === 0 && (
        <p>{t('catalogDraft.checks.none')}</p>
      )}
    </aside>
  );
}
