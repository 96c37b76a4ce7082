import { useRef, type RefObject } from 'react';
import { useModal } from '../../ui/use-modal.ts';
import { useSelector } from '@xstate/react';
import { useSession } from './session-context.tsx';
import { ReasonText } from './reason.tsx';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';

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
