import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Option, Slot } from '../../../core/catalog/index.ts';
import { addOption, duplicateOption, removeOptions } from '../../../core/catalog-edit/edits.ts';
import { useDoc, useDocumentStore, useEdit } from '../document-context.tsx';
import { useEditorUi } from '../editor-ui.store.ts';
import { BulkBar } from './bulk-bar.tsx';
import { cellText, GridCell } from './grid-cell.tsx';
import { optionColumns, parseCell, slotAttributes } from './option-columns.ts';
import { useGridKeys } from './use-grid-keys.ts';

/**
 * A slot's options as a spreadsheet (TanStack Table): cells edited in place, search, sort by any column, rows
 * selected with checkboxes (Shift-click for a range) for bulk edits. Each committed cell is one undo step.
 */
export function OptionsTable({ slot, extraAttrs }: { slot: Slot; extraAttrs: readonly string[] }) {
  const { t } = useTranslation();
  const doc = useDoc();
  const edit = useEdit();
  const store = useDocumentStore();
  const focus = useEditorUi((s) => s.focus);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [search, setSearch] = useState('');
  const [selection, setSelection] = useState<RowSelectionState>({});
  const lastClicked = useRef<number | undefined>(undefined);
  const grid = useRef<HTMLTableElement>(null);
  const wantFocus = useRef(false);

  const attrs = useMemo(() => [...new Set([...slotAttributes(slot), ...extraAttrs])], [slot, extraAttrs]);
  const columns = useMemo(() => optionColumns(doc, slot, attrs, t), [doc, slot, attrs, t]);
  const defs = useMemo<ColumnDef<Option>[]>(
    () =>
      columns.map((c) => ({
        id: c.key,
        accessorFn: (o) => c.read(o),
        header: c.header,
        sortUndefined: 'last',
        sortingFn: c.kind === 'number' || c.kind === 'boolean' ? 'basic' : 'alphanumeric',
      })),
    [columns],
  );
  const table = useReactTable({
    data: slot.options,
    columns: defs,
    getRowId: (o) => o.id,
    // Spreadsheets sort ascending first, numbers too.
    sortDescFirst: false,
    state: { sorting, globalFilter: search, rowSelection: selection },
    onSortingChange: setSorting,
    onRowSelectionChange: setSelection,
    globalFilterFn: (row, _id, value: string) =>
      `${row.original.id} ${row.original.name}`.toLowerCase().includes(value.toLowerCase()),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;

  const keys = useGridKeys(
    rows.length,
    columns.length,
    (at) => {
      const row = rows[at.row];
      const column = columns[at.col];
      return row && column ? cellText(column, row.original) : '';
    },
    (at, text) => {
      const row = rows[at.row];
      const column = columns[at.col];
      if (!row || !column) return true;
      const value = parseCell(column, text);
      if (value === 'invalid') return false;
      const next = column.write(store.getState().doc, slot.id, [row.original.id], value);
      if (!next) return false;
      edit(() => next);
      wantFocus.current = true;
      return true;
    },
    (col) => columns[col]?.kind !== 'enum' && columns[col]?.kind !== 'boolean',
  );
  const { cursor, setCursor } = keys;

  // Keyboard moves carry the focus to the new cell; a render for any other reason leaves it where it is.
  useEffect(() => {
    if (!wantFocus.current || keys.editing !== undefined) return;
    wantFocus.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-cell="${cursor.row}:${cursor.col}"]`)?.focus();
  }, [cursor, keys.editing]);

  // A finding named an option: its row, scrolled to and under the cursor.
  useEffect(() => {
    const index = rows.findIndex((r) => r.id === focus);
    if (index < 0) return;
    setCursor({ row: index, col: 1 });
    grid.current
      ?.querySelector(`[data-row="${CSS.escape(focus ?? '')}"]`)
      ?.scrollIntoView({ block: 'center' });
    // Only when the finding changes, not on every edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

  const select = (index: number, checked: boolean, shift: boolean) => {
    const from = shift && lastClicked.current !== undefined ? Math.min(lastClicked.current, index) : index;
    const to = shift && lastClicked.current !== undefined ? Math.max(lastClicked.current, index) : index;
    const range = new Set(rows.slice(from, to + 1).map((r) => r.id));
    const kept = Object.keys(selection).filter((id) => !range.has(id));
    setSelection(Object.fromEntries([...kept, ...(checked ? range : [])].map((id) => [id, true])));
    lastClicked.current = index;
  };
  const selected = Object.keys(selection).filter((id) => slot.options.some((o) => o.id === id));

  return (
    <div className="options-table">
      <div className="toolbar">
        <input
          type="search"
          aria-label={t('catalogDraft.options.search')}
          placeholder={t('catalogDraft.options.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="muted">
          {t('catalogDraft.options.count', { shown: rows.length, total: slot.options.length })}
        </span>
        <button
          type="button"
          onClick={() => {
            let id = '';
            edit((d) => {
              const r = addOption(d, slot.id, t('catalogDraft.newOption'));
              id = r.id;
              return r.doc;
            });
            setSearch('');
            setCursor({ row: slot.options.length, col: 1 });
            wantFocus.current = Boolean(id);
          }}
        >
          {t('catalogDraft.options.add')}
        </button>
      </div>
      {selected.length > 0 && (
        <BulkBar slot={slot} ids={selected} columns={columns} onDeleted={() => setSelection({})} />
      )}
      <p className="muted small">{t('catalogDraft.options.hint')}</p>
      <div className="table-scroll">
        <table
          ref={grid}
          role="grid"
          aria-label={slot.name}
          onKeyDown={(e) => {
            // A key in the grid leaves the focus on the cell under the cursor (moved, or closed).
            wantFocus.current = true;
            keys.onKeyDown(e);
          }}
          className="grid"
        >
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('catalogDraft.options.selectAll')}
                  checked={rows.length > 0 && rows.every((r) => selection[r.id])}
                  onChange={(e) =>
                    setSelection(e.target.checked ? Object.fromEntries(rows.map((r) => [r.id, true])) : {})
                  }
                />
              </th>
              {table.getHeaderGroups()[0]?.headers.map((h) => {
                const dir = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                  >
                    <button
                      type="button"
                      className="sort"
                      title={t('catalogDraft.options.sortBy', { column: String(h.column.columnDef.header) })}
                      onClick={h.column.getToggleSortingHandler()}
                    >
                      {String(h.column.columnDef.header)}
                      <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr
                key={row.id}
                data-row={row.id}
                aria-selected={Boolean(selection[row.id])}
                className={focus === row.id ? 'focused' : undefined}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('catalogDraft.options.select', { name: row.original.name })}
                    checked={Boolean(selection[row.id])}
                    onChange={() => undefined}
                    onClick={(e) => select(r, e.currentTarget.checked, e.shiftKey)}
                  />
                </td>
                {columns.map((column, c) => {
                  const here = cursor.row === r && cursor.col === c;
                  return (
                    <GridCell
                      key={column.key}
                      column={column}
                      option={row.original}
                      address={`${r}:${c}`}
                      active={here}
                      editing={here ? keys.editing : undefined}
                      invalid={here && keys.invalid}
                      onText={keys.setEditing}
                      onPointer={() => setCursor({ row: r, col: c })}
                      onEdit={() => {
                        setCursor({ row: r, col: c });
                        keys.open(cellText(column, row.original));
                      }}
                    />
                  );
                })}
                <td className="row-actions">
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => edit((d) => duplicateOption(d, slot.id, row.id).doc)}
                  >
                    {t('catalogDraft.duplicate')}
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={slot.options.length < 2}
                    onClick={() => edit((d) => removeOptions(d, slot.id, [row.id]))}
                  >
                    {t('catalogDraft.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
