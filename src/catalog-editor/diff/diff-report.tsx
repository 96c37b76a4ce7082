import { useTranslation } from 'react-i18next';
import type { CatalogDiff } from '../../contract/catalog-admin.schema.ts';
import type { Names } from '../api/names.ts';
import { useExactCount } from '../components/counts.ts';
import { EditsList } from './edits-list.tsx';
import { ExampleBuild } from './example-build.tsx';

/** The diff's effect in words and numbers, its example builds, then every edit. */
export function DiffReport({ diff, names }: { diff: CatalogDiff; names: Names }) {
  const { t } = useTranslation();
  const count = useExactCount();
  return (
    <>
      <p className={`notice diff-effect diff-effect-${diff.effect}`} role="status">
        {t(`catalogAdmin.diff.effect.${diff.effect}`)}
      </p>
      <dl className="facts diff-counts">
        <dt>{t('catalogAdmin.diff.buildsBefore')}</dt>
        <dd>{count(diff.buildsBefore)}</dd>
        <dt>{t('catalogAdmin.diff.buildsAfter')}</dt>
        <dd>{count(diff.buildsAfter)}</dd>
        <dt>{t('catalogAdmin.diff.gained')}</dt>
        <dd className="gained">+{count(diff.gained)}</dd>
        <dt>{t('catalogAdmin.diff.lost')}</dt>
        <dd className="lost">−{count(diff.lost)}</dd>
      </dl>
      <div className="examples">
        <section aria-labelledby="example-gained" className="panel">
          <h2 id="example-gained">{t('catalogAdmin.diff.exampleGained')}</h2>
          {diff.exampleGained ? (
            <ExampleBuild build={diff.exampleGained} names={names} />
          ) : (
            <p className="muted">{t('catalogAdmin.diff.noneGained')}</p>
          )}
        </section>
        <section aria-labelledby="example-lost" className="panel">
          <h2 id="example-lost">{t('catalogAdmin.diff.exampleLost')}</h2>
          {diff.exampleLost ? (
            <ExampleBuild build={diff.exampleLost} names={names} />
          ) : (
            <p className="muted">{t('catalogAdmin.diff.noneLost')}</p>
          )}
        </section>
      </div>
      <h2>{t('catalogAdmin.diff.edits', { count: diff.edits.length })}</h2>
      <EditsList edits={diff.edits} />
    </>
  );
}
