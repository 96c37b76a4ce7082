import { useEffect, useRef, type RefObject } from 'react';
import { useSelector } from '@xstate/react';
import { useSession } from './session-context.tsx';
import { ReasonText } from './reason.tsx';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';

/**
 * A native modal dialog: the browser keeps focus inside it and makes the page behind inert, Escape cancels, and
 * focus goes back to the option that opened it, so keyboard users never lose their place.
 */
function useModal(open: boolean, first: RefObject<HTMLButtonElement | null>) {
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

/** The repair offer: what to switch so the wanted option fits, smallest change first. */
export function RepairDialog() {
  const { actor } = useSession();
  const open = useSelector(actor, (s) => s.context.pending !== null);
  const first = useRef<HTMLButtonElement>(null);
  const dialog = useModal(open, first);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="repair-title"
      onCancel={(e) => {
        // Escape: the machine closes the dialog, not the browser, so both always agree.
        e.preventDefault();
        actor.send({ type: 'repair.cancel' });
      }}
    >
      {open && <RepairOffer first={first} />}
    </dialog>
  );
}

function RepairOffer({ first }: { first: RefObject<HTMLButtonElement | null> }) {
  const { actor, configurator } = useSession();
  const pending = useSelector(actor, (s) => s.context.pending);
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const { optionName: name, slotName } = useCatalogWords(configurator.catalog);
  if (!pending) return null;
  const { currency } = configurator.catalog;

  return (
    <>
      <h2 id="repair-title">{t('repair.title', { name: name(pending.option) })}</h2>
      {pending.explanation && (
        <p className="dialog-reason">
          <ReasonText explanation={pending.explanation} />
        </p>
      )}
      {pending.repairs.length === 0 ? (
        <p>{t('repair.none')}</p>
      ) : (
        <ul className="repair-list">
          {pending.repairs.map((repair, i) => (
            <li key={i}>
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                className="repair-button"
                data-repair={i}
                onClick={() => actor.send({ type: 'repair.accept', index: i })}
              >
                <span>
                  {repair.changes.length === 0
                    ? t('repair.take', { name: name(pending.option) })
                    : t('repair.switch', {
                        changes: repair.changes
                          .map((c) =>
                            c.to.length > 0
                              ? t('repair.change', {
                                  slot: slotName(c.slot),
                                  to: c.to.map(name).join(', '),
                                })
                              : t('repair.toNone', { slot: slotName(c.slot) }),
                          )
                          .join(t('repair.and')),
                      })}
                </span>
                <strong>{format.delta(repair.priceDeltaCents, currency)}</strong>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="secondary"
        ref={pending.repairs.length === 0 ? first : undefined}
        onClick={() => actor.send({ type: 'repair.cancel' })}
      >
        {t('repair.keep')}
      </button>
    </>
  );
}
