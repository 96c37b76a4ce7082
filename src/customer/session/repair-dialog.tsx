import { useEffect, useRef } from 'react';
import { useSelector } from '@xstate/react';
import { useSession } from './session-context.tsx';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../i18n/i18n.ts';

/** The repair offer: what to switch so the wanted option fits, smallest change first. */
export function RepairDialog() {
  const { actor, configurator } = useSession();
  const pending = useSelector(actor, (s) => s.context.pending);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [pending]);
  const { t } = useTranslation();
  const format = useLocaleFormat();
  if (!pending) return null;
  const name = (id: string) => configurator.compiled.index.option.get(id)?.option.name ?? id;
  const slotName = (id: string) => configurator.catalog.slots.find((s) => s.id === id)?.name ?? id;
  const { currency } = configurator.catalog;
  const because = pending.explanation?.rules[0]?.message;
  return (
    <div className="dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="repair-title"
        className="dialog"
        onKeyDown={(e) => e.key === 'Escape' && actor.send({ type: 'repair.cancel' })}
      >
        <h2 id="repair-title">{t('repair.title', { name: name(pending.option) })}</h2>
        {because && <p className="dialog-reason">{because}</p>}
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
      </div>
    </div>
  );
}
