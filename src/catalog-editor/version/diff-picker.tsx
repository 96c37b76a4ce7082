import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminCatalog } from '../../contract/catalog-admin.schema.ts';

/** "Compare with…": any other version or a draft of the catalog, opening the diff from this version to it. */
export function DiffPicker({ catalog, version }: { catalog: AdminCatalog; version: string }) {
  const { t } = useTranslation();
  const id = useId();
  const others = [
    ...catalog.drafts.map((d) => ({
      value: `draft:${d.id}`,
      label: t('catalogAdmin.diff.draftNamed', { title: d.title }),
    })),
    ...catalog.versions
      .filter((v) => v.version !== version)
      .map((v) => ({ value: v.version, label: v.version })),
  ];
  const [to, setTo] = useState(others[0]?.value ?? '');
  if (others.length === 0) return <p className="muted">{t('catalogAdmin.diff.nothingToCompare')}</p>;
  const query = new URLSearchParams({ from: version, to }).toString();
  return (
    <div className="diff-picker">
      <label htmlFor={id}>{t('catalogAdmin.diff.compareWith')}</label>{' '}
      <select id={id} value={to} onChange={(e) => setTo(e.target.value)}>
        {others.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>{' '}
      <Link className="button secondary" to={`/catalogs/${encodeURIComponent(catalog.id)}/diff?${query}`}>
        {t('catalogAdmin.diff.show')}
      </Link>
    </div>
  );
}
