import { useSelector } from '@xstate/react';
import type { Slot } from '../../core/catalog/index.ts';
import { toCents } from '../../core/pricing/index.ts';
import { useSession } from './session-context.tsx';
import { OptionCard } from './option-card.tsx';
import { QuantitySelect } from './quantity-select.tsx';
import { PopularHint } from './popular-hint.tsx';
import { useTranslation } from 'react-i18next';

export function SlotPanel({ slot }: { slot: Slot }) {
  const { actor } = useSession();
  const state = useSelector(actor, (s) => s.context.view.slots.find((x) => x.slot === slot.id));
  const chosen = useSelector(actor, (s) => s.context.choices[slot.id]);
  const { t } = useTranslation();
  if (!state) return null;
  const [chosenId, chosenQty] = Object.entries(chosen ?? {})[0] ?? [];
  const chosenOption = slot.options.find((o) => o.id === chosenId);
  const chosenPriceCents = slot.kind === 'multi' || !chosenOption ? null : toCents(chosenOption.price);
  const available = state.options.filter((o) => o.available).length;
  const headingId = `slot-${slot.id}`;
  return (
    <section className="slot" aria-labelledby={headingId} data-slot={slot.id}>
      <header className="slot-head">
        <h3 id={headingId}>{slot.name}</h3>
        <span className="slot-kind">
          {slot.kind === 'multi'
            ? t('configure.chooseAny')
            : slot.kind === 'optional'
              ? t('configure.optional')
              : t('configure.chooseOne')}
        </span>
        <span className="slot-from">{t('configure.fit', { available, total: slot.options.length })}</span>
      </header>
      {slot.description && <p className="slot-description">{slot.description}</p>}
      <PopularHint slotId={slot.id} />
      {slot.kind === 'single' && chosenId && chosenQty !== undefined && state.quantities.length > 1 && (
        <QuantitySelect slot={slot.id} option={chosenId} value={chosenQty} quantities={state.quantities} />
      )}
      <ul className="option-list" aria-label={t('configure.options', { name: slot.name })}>
        {slot.options.map((option) => {
          const optionState = state.options.find((o) => o.id === option.id);
          return optionState ? (
            <OptionCard
              key={option.id}
              slot={slot}
              option={option}
              state={optionState}
              chosenPriceCents={chosenPriceCents}
            />
          ) : null;
        })}
      </ul>
    </section>
  );
}
