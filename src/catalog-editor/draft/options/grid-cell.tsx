import { useTranslation } from 'react-i18next';
import type { Option } from '../../../core/catalog/index.ts';
import type { EditableColumn } from './option-columns.ts';

/** What a cell's editor starts from: the value as typed (a number plain, not with its unit). */
export function cellText(column: EditableColumn, option: Option): string {
  const v = column.read(option);
  return v === undefined ? '' : String(v);
}

/**
 * One cell: its value shown, or its editor (a text box, or a list for enums, coded numbers and yes/no). Keys are handled by the
 * table (useGridKeys); the cell only reports clicks and the text typed.
 */
export function GridCell({
  column,
  option,
  address,
  active,
  editing,
  invalid,
  onText,
  onPointer,
  onEdit,
}: {
  column: EditableColumn;
  option: Option;
  address: string;
  active: boolean;
  editing: string | undefined;
  invalid: boolean;
  onText: (text: string) => void;
  onPointer: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const label = `${column.header}, ${option.name}`;
  if (editing !== undefined) {
    const common = {
      autoFocus: true,
      'aria-label': label,
      'aria-invalid': invalid || undefined,
      value: editing,
    };
    return (
      <td role="gridcell" className="cell editing">
        {column.choices || column.kind === 'boolean' ? (
          <select {...common} onChange={(e) => onText(e.target.value)}>
            <option value="">{t('catalogDraft.unset')}</option>
            {column.kind === 'boolean' ? (
              <>
                <option value="true">{t('catalogDraft.yes')}</option>
                <option value="false">{t('catalogDraft.no')}</option>
              </>
            ) : (
              column.choices?.map((c) => (
                <option key={c} value={c}>
                  {column.choiceLabel?.(c) ?? c}
                </option>
              ))
            )}
          </select>
        ) : (
          <input
            {...common}
            className={column.kind === 'id' ? 'mono' : undefined}
            inputMode={column.kind === 'number' ? 'decimal' : undefined}
            onChange={(e) => onText(e.target.value)}
          />
        )}
      </td>
    );
  }
  return (
    <td
      role="gridcell"
      tabIndex={active ? 0 : -1}
      data-cell={address}
      aria-label={`${label}: ${column.display(option) || t('catalogDraft.unset')}`}
      className={`cell${active ? ' active' : ''}${column.kind === 'number' ? ' num' : ''}${column.kind === 'id' ? ' mono' : ''}`}
      onClick={onPointer}
      onDoubleClick={onEdit}
    >
      {column.display(option)}
    </td>
  );
}
