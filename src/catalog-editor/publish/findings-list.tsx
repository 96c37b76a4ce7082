import { useTranslation } from 'react-i18next';
import { findingKey } from '../../contract/catalog-admin.schema.ts';
import type { Finding } from '../../core/catalog-check/finding.ts';

/**
 * The check's findings, errors first: an error blocks publishing until the draft is fixed; each warning needs its
 * own acknowledgement (its checkbox), so none is waved through with the others.
 */
export function FindingsList({
  findings,
  acknowledged,
  onToggle,
}: {
  findings: Finding[];
  acknowledged: readonly string[];
  onToggle: (key: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  if (findings.length === 0) return <p className="notice">{t('catalogAdmin.publish.noFindings')}</p>;
  const ordered = [...findings].sort(
    (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'),
  );
  return (
    <ul className="findings">
      {ordered.map((f) => {
        const key = findingKey(f);
        return (
          <li key={key} className={`finding finding-${f.severity}`}>
            <p>
              <span className={`severity severity-${f.severity}`}>
                {t(`catalogAdmin.publish.severity.${f.severity}`)}
              </span>{' '}
              <span className="finding-kind">{t(`catalogAdmin.findingKind.${f.kind}`)}</span> {f.message}
            </p>
            {f.explanation && f.explanation.length > 0 && (
              <ul className="explanation" aria-label={t('catalogAdmin.publish.because')}>
                {f.explanation.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
            {f.severity === 'warning' && (
              <label className="choice">
                <input
                  type="checkbox"
                  checked={acknowledged.includes(key)}
                  onChange={(e) => onToggle(key, e.target.checked)}
                />
                {t('catalogAdmin.publish.acknowledge')}
                <span className="visually-hidden">: {f.message}</span>
              </label>
            )}
          </li>
        );
      })}
    </ul>
  );
}
