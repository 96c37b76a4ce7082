import { useRef, type RefObject } from 'react';

/**
 * "Show earlier" for a list fetched a page at a time: loads the next page, then moves focus to the first entry that
 * came in, so keyboard and screen-reader users carry on reading there (and are not left on a button that may have
 * gone). The list's entries must be focusable (tabIndex -1).
 */
export function useShowEarlier(fetchNextPage: () => Promise<unknown>): {
  list: RefObject<HTMLOListElement | null>;
  loadMore: () => void;
} {
  const list = useRef<HTMLOListElement>(null);
  const loadMore = () => {
    const shown = list.current?.children.length ?? 0;
    void fetchNextPage().then(() =>
      requestAnimationFrame(() => {
        const first = list.current?.children[shown];
        if (first instanceof HTMLElement) first.focus();
      }),
    );
  };
  return { list, loadMore };
}
