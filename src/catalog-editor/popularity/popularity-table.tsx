import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import type { PopularityResponse } from '../../contract/catalog-admin.schema.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import type { Names } from '../api/names.ts';

type Row = PopularityResponse['options'][number] & { slot: string; option: string; rate: number | null };

const column = createColumnHelper<Row>();

/** Options by how often they are chosen and how often their recommendations are taken; every column sorts. */
export function PopularityTable({ data, names }: { data: PopularityResponse; names: Names }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'orders', desc: true }]);
  const rows = useMemo(
    () =>
      data.options.map((o) => ({
        ...o,
        slot: names.slot(o.slotId),
        option: names.option(o.optionId),
        rate: o.recommended > 0 ? o.taken / o.recommended : null,
      })),
    [data.options, names],
  );
  const columns = useMemo(() => {
    const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
    return [
      column.accessor('slot', { header: t('catalogAdmin.popularity.slot') }),
      column.accessor('option', { header: t('catalogAdmin.popularity.option') }),
      column.accessor('orders', { header: t('catalogAdmin.popularity.orders'), meta: 'number' }),
      column.accessor('sessions', { header: t('catalogAdmin.popularity.sessions'), meta: 'number' }),
      column.accessor('recommended', { header: t('catalogAdmin.popularity.recommended'), meta: 'number' }),
      column.accessor('taken', { header: t('catalogAdmin.popularity.taken'), meta: 'number' }),
      column.accessor('rate', {
        header: t('catalogAdmin.popularity.rate'),
        meta: 'number',
        sortUndefined: 'last',
        cell: (c) => {
          const rate = c.getValue();
          return rate === null ? '—' : percent.format(rate);
        },
      }),
    ];
  }, [t, format.locale]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <div className="table-scroll">
      <table className="editor-table popularity-table">
        <caption className="visually-hidden">{t('catalogAdmin.popularity.caption')}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={header.column.columnDef.meta === 'number' ? 'number' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true">
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cell.column.columnDef.meta === 'number' ? 'number' : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
