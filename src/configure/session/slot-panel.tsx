import type { Slot } from '../../core/catalog/index.ts';
import { useSlotState } from './option-state.ts';
import { useSession } from './session-context.tsx';
import { OptionCard } from './option-card.tsx';
import { QuantitySelect } from './quantity-select.tsx';
import { MarkHint } from './mark-hint.tsx';
import { useTranslation } from 'react-i18next';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';

/** A slot with its options; it reads only what its heading and quantity show (each card reads its own state). */
export function SlotPanel({ slot }: { slot: Slot }) {
  const { configurator } = useSession();
  const words = useCatalogWords(configurator.catalog);
  const { available, quantities, chosenId, chosenQty } = useSlotState(slot);
  const { t } = useTranslation();
  const headingId = `slot-${slot.id}`;
  const description = words.slotDescription(slot.id);
  return (
    <section className="slot" aria-labelledby={headingId} data-slot={slot.id}>
      <header className="slot-head">
        <h3 id={headingId}>{words.slotName(slot.id)}</h3>
        <span className="slot-kind">
          {slot.kind === 'multi'
            ? t('configure.chooseAny')
            : slot.kind === 'optional'
              ? t('configure.optional')
              : t('configure.chooseOne')}
        </span>
        <span className="slot-from">{t('configure.fit', { available, total: slot.options.length })}</span>
      </header>
      {description && <p className="slot-description">{description}</p>}
      <MarkHint slot={slot} />
      {slot.kind === 'single' && chosenId && chosenQty !== undefined && quantities.length > 1 && (
        <QuantitySelect slot={slot.id} option={chosenId} value={chosenQty} quantities={quantities} />
      )}
      <ul className="option-list" aria-label={t('configure.options', { name: words.slotName(slot.id) })}>
        {slot.options.map((option) => (
          <OptionCard key={option.id} slot={slot} option={option} />
        ))}
      </ul>
    </section>
  );
}
