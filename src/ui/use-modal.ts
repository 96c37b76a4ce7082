import { useEffect, useRef, type RefObject } from 'react';

/**
 * A native modal dialog: the browser keeps focus inside it and makes the page behind inert, Escape cancels, and
 * focus goes back to the option that opened it, so keyboard users never lose their place.
 */
export function useModal(open: boolean, first: RefObject<HTMLButtonElement | null>) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      // jsdom (component tests) has no showModal; the open attribute shows the same content.
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      first.current?.focus();
    } else if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
      opener.current?.focus();
    }
  }, [open, first]);
  return dialog;
}
