import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerHit } from '../../contract/store-find.schema.ts';
import { MIN_QUERY, useCustomerSearch } from './api.ts';
import { CustomerLine } from './customer-line.tsx';

export const customerPath = (id: string) => `/store/customers/${encodeURIComponent(id)}`;

/**
 * Search as you type, as an ARIA 1.2 combobox: focus stays in the box while the arrow keys move the active option
 * (announced through aria-activedescendant), Enter opens it, Escape closes the list. A tap or click opens a hit too.
 */
export function CustomerSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(true);
  const search = useCustomerSearch(typed);
  const hits: CustomerHit[] = search.enabled ? (search.data ?? []) : [];
  const shown = open && typed.trim().length >= MIN_QUERY && hits.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;
  const go = (hit: CustomerHit) => void navigate(customerPath(hit.id));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      const hit = hits[active] ?? (hits.length === 1 ? hits[0] : undefined);
      if (shown && hit) {
        event.preventDefault();
        go(hit);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  }

  // Hits of the previous query stay shown while the next load; the list says so until they are current.
  const busy = search.enabled && (!search.settled || search.isFetching);
  const status = !search.enabled
    ? ''
    : search.isError
      ? t('storeFind.search.failed', { message: search.error.message })
      : busy
        ? t('storeFind.search.searching')
        : hits.length === 0
          ? t('storeFind.search.none', { q: search.q })
          : t('storeFind.search.count', { count: hits.length });

  return (
    <section className="find-search" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="find-label">
        {t('storeFind.search.label')}
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('storeFind.search.hint')}
      </p>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        className="find-input"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('storeFind.search.placeholder')}
        aria-describedby={`${id}-hint`}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <p role="status" className="find-status">
        {status}
      </p>
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label={t('storeFind.search.results')}
        aria-busy={busy}
        hidden={!shown}
      >
        {shown &&
          hits.map((hit, i) => (
            // The input keeps focus and handles the keys (aria-activedescendant); a pointer picks directly.
            <li
              key={hit.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="find-option"
              onClick={() => go(hit)}
              onMouseEnter={() => setActive(i)}
            >
              <CustomerLine hit={hit} />
            </li>
          ))}
      </ul>
    </section>
  );
}
