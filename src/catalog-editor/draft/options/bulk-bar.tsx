import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../../core/catalog/index.ts';
import { adjustPrices, removeOptions } from '../../../core/catalog-edit/edits.ts';
import { useEdit } from '../document-context.tsx';
import { parseCell, type EditableColumn } from './option-columns.ts';

/** Edits of the selected rows, each one undo step: delete, one column set to a value, prices ± a percentage. */
export function BulkBar({
  slot,
  ids,
  columns,
  onDeleted,
}: {
  slot: Slot;
  ids: readonly string[];
  columns: readonly EditableColumn[];
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const edit = useEdit();
  const settable = columns.filter((c) => c.kind !== 'id');
  const [key, setKey] = useState(settable[0]?.key ?? '');
  const [value, setValue] = useState('');
  const [percent, setPercent] = useState('');
  const column = settable.find((c) => c.key === key);
  const parsed = column ? parseCell(column, value) : 'invalid';
  const pct = Number(percent.replace(',', '.'));
  return (
    <div
      className="bulk-bar"
      role="group"
      aria-label={t('catalogDraft.options.selected', { count: ids.length })}
    >
      <strong>{t('catalogDraft.options.selected', { count: ids.length })}</strong>
      <button
        type="button"
        className="danger"
        disabled={ids.length >= slot.options.length}
        onClick={() => {
          edit((d) => removeOptions(d, slot.id, ids));
          onDeleted();
        }}
      >
        {t('catalogDraft.options.delete')}
      </button>
      <label>
        {t('catalogDraft.options.setColumn')}{' '}
        <select value={key} onChange={(e) => setKey(e.target.value)}>
          {settable.map((c) => (
            <option key={c.key} value={c.key}>
              {c.header}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('catalogDraft.options.setValue')}{' '}
        {column?.kind === 'enum' || column?.kind === 'boolean' ? (
          <select value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="">{t('catalogDraft.unset')}</option>
            {(column.kind === 'boolean' ? ['true', 'false'] : (column.choices ?? [])).map((c) => (
              <option key={c} value={c}>
                {c === 'true' && column.kind === 'boolean'
                  ? t('catalogDraft.yes')
                  : c === 'false' && column.kind === 'boolean'
                    ? t('catalogDraft.no')
                    : c}
              </option>
            ))}
          </select>
        ) : (
          <input value={value} size={8} onChange={(e) => setValue(e.target.value)} />
        )}
      </label>
      <button
        type="button"
        disabled={!column || parsed === 'invalid'}
        onClick={() =>
          column && parsed !== 'invalid' && edit((d) => column.write(d, slot.id, ids, parsed) ?? d)
        }
      >
        {t('catalogDraft.options.apply')}
      </button>
      <label>
        {t('catalogDraft.options.percent')}{' '}
        <input value={percent} size={5} inputMode="decimal" onChange={(e) => setPercent(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={percent.trim() === '' || !Number.isFinite(pct)}
        onClick={() => edit((d) => adjustPrices(d, slot.id, ids, pct))}
      >
        {t('catalogDraft.options.applyPercent')}
      </button>
    </div>
  );
}
