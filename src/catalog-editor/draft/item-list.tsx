import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ItemListProps<T> {
  items: readonly T[];
  onChange: (items: T[]) => void;
  /** The item the add button appends. */
  added: () => T;
  addLabel: string;
  /** One item's editor, with how to replace it. */
  children: (item: T, i: number, replace: (next: T) => void) => ReactNode;
}

/**
 * A list of at least one item, each with its editor and a remove button (off for the last one left), and a button
 * adding one: a package's includes, a price rule's conditions.
 */
export function ItemList<T>({ items, onChange, added, addLabel, children }: ItemListProps<T>) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="stack">
        {items.map((item, i) => (
          <li key={i}>
            {children(item, i, (next) => onChange(items.map((x, j) => (j === i ? next : x))))}
            <button
              type="button"
              className="secondary small"
              disabled={items.length < 2}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              {t('catalogDraft.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary small" onClick={() => onChange([...items, added()])}>
        {addLabel}
      </button>
    </>
  );
}
