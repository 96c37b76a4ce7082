import { useTranslation } from 'react-i18next';
import type { CatalogEdit } from '../../contract/catalog-admin.schema.ts';

/** The edits grouped by what they touch (options, rules, prices…), each in words with its id and path. */
export function EditsList({ edits }: { edits: CatalogEdit[] }) {
  const { t } = useTranslation();
  if (edits.length === 0) return <p className="muted">{t('catalogAdmin.diff.noEdits')}</p>;
  const groups = new Map<string, CatalogEdit[]>();
  for (const edit of edits) groups.set(edit.subject, [...(groups.get(edit.subject) ?? []), edit]);
  return (
    <div className="edit-groups">
      {[...groups].map(([subject, list]) => (
        <section key={subject} className="edit-group" aria-label={subjectLabel(t, subject)}>
          <h3>
            {subjectLabel(t, subject)} <span className="muted">({list.length})</span>
          </h3>
          <ul>
            {list.map((edit) => (
              <li key={`${edit.path}-${edit.change}`}>
                <span className={`change change-${edit.change}`}>
                  {t(`catalogAdmin.diff.change.${edit.change}`)}
                </span>{' '}
                {edit.summary} <code className="muted">{edit.id}</code>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

const knownSubjects = ['option', 'slot', 'rule', 'price', 'text', 'package', 'priceRule', 'attribute'];

/** A subject the texts know by name; a new kind the server grows is shown as it is called. */
function subjectLabel(t: (key: string) => string, subject: string): string {
  return knownSubjects.includes(subject) ? t(`catalogAdmin.diff.subject.${subject}`) : subject;
}
