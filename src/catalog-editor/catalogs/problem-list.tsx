import { useTranslation } from 'react-i18next';
import type { CatalogProblem } from '../../core/catalog/index.ts';

/** A catalog file's problems, each at its JSON path, so the file can be fixed where it is wrong. */
export function ProblemList({ problems }: { problems: CatalogProblem[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error">
      <p>
        <strong>{t('catalogAdmin.newDraft.invalid', { count: problems.length })}</strong>
      </p>
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
