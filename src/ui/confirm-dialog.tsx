import { useId, useRef, type ReactNode } from 'react';
import { useModal } from './use-modal.ts';

/**
 * "Are you sure?" before something that cannot be taken back (an order): a native modal dialog, focus on the
 * confirming button, Escape or the other button cancels. `children` say what will happen, in numbers.
 */
export function ConfirmDialog({
  open,
  title,
  confirm,
  cancel,
  busy = false,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  confirm: string;
  cancel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  const dialog = useModal(open, first);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-what`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          <div id={`${id}-what`}>{children}</div>
          <div className="actions">
            <button ref={first} type="button" onClick={onConfirm} disabled={busy}>
              {confirm}
            </button>
            <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
              {cancel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
