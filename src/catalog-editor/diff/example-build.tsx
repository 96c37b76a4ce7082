import { useTranslation } from 'react-i18next';
import type { Names } from '../api/names.ts';
import { buildLines } from './build-lines.ts';

/** One build, as slot → option names (with quantities where more than one). */
export function ExampleBuild({ build, names }: { build: Record<string, unknown>; names: Names }) {
  const { t } = useTranslation();
  const lines = buildLines(build);
  if (lines.length === 0) return <p className="muted">{t('catalogAdmin.diff.emptyBuild')}</p>;
  return (
    <dl className="example-build">
      {lines.map((line) => (
        <div key={line.slot}>
          <dt>{names.slot(line.slot)}</dt>
          <dd>
            {line.options.length === 0
              ? t('catalogAdmin.diff.none')
              : line.options
                  .map((o) => (o.quantity > 1 ? `${o.quantity} × ${names.option(o.id)}` : names.option(o.id)))
                  .join(', ')}
          </dd>
        </div>
      ))}
    </dl>
  );
}
