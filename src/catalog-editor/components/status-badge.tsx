import { useTranslation } from 'react-i18next';
import type { VersionStatus } from '../../contract/catalog-admin.schema.ts';

/** A version's status, one look for every page (live stands out, withdrawn reads as a warning). */
export function StatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`version-status version-status-${status}`}>{t(`catalogAdmin.status.${status}`)}</span>
  );
}
