import { memo, useState } from 'react';
import { useSelector } from '@xstate/react';
import type { Option, Slot } from '../../core/catalog/index.ts';
import { toCents } from '../../core/pricing/index.ts';
import { useSession } from './session-context.tsx';
import { QuantitySelect } from './quantity-select.tsx';
import { ReasonText } from './reason.tsx';
import { useOptionCardState } from './option-state.ts';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';

const KEY_ATTRIBUTES = 3;

/** Why an option is unavailable, for this build; computed only when the shopper looks (hover/focus). */
function Reason({ slot, option, id }: { slot: string; option: string; id: string }) {
  const { actor, configurator } = useSession();
  const choices = useSelector(actor, (s) => s.context.choices);
  const explanation = configurator.explain(choices, slot, option);
  return (
    <span role="tooltip" id={id} className="reason">
      {explanation && <ReasonText explanation={explanation} />}
    </span>
  );
}

/** The id of the slot's mark hint (its reason), which a marked card is described by. */
export const markHintId = (slotId: string) => `mark-${slotId}`;

/**
 * One option. Its props are catalog objects, fixed for the session; what changes (availability, price, choice,
 * mark) it reads itself, one value at a time, so a click re-renders only the cards whose own state changed.
 */
export const OptionCard = memo(function OptionCard({ slot, option }: { slot: Slot; option: Option }) {
  const { actor, configurator } = useSession();
  const { available, quantities, chosenQty, deltaCents, mark } = useOptionCardState(slot, option);
  const [showReason, setShowReason] = useState(false);
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const words = useCatalogWords(configurator.catalog);
  const { currency } = configurator.catalog;
  const chosen = chosenQty !== undefined;
  const reasonId = `reason-${option.id}`;
  const describedBy = [
    !available && showReason ? reasonId : undefined,
    mark && !chosen ? markHintId(slot.id) : undefined,
  ].filter((id) => id !== undefined);
  const onClick = () =>
    actor.send(
      chosen && slot.kind !== 'single'
        ? { type: 'option.remove', slot: slot.id, option: option.id }
        : { type: 'option.choose', slot: slot.id, option: option.id },
    );
  return (
    <li className="option-item">
      <button
        type="button"
        className="option-card option-button"
        data-option={option.id}
        data-available={available}
        data-recommended={mark === 'recommended' || undefined}
        data-popular={mark === 'popular' || undefined}
        aria-pressed={chosen}
        aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
        onClick={onClick}
        onMouseEnter={() => setShowReason(true)}
        onMouseLeave={() => setShowReason(false)}
        onFocus={() => setShowReason(true)}
        onBlur={() => setShowReason(false)}
      >
        <span className="option-head">
          <span className="option-name">{words.optionName(option.id)}</span>
          <span className="option-price">
            {chosen
              ? slot.kind === 'multi'
                ? format.money(toCents(option.price) * chosenQty, currency)
                : t('configure.chosen')
              : format.delta(deltaCents, currency)}
          </span>
        </span>
        <span className="option-attributes">
          {Object.entries(option.attributes)
            .slice(0, KEY_ATTRIBUTES)
            .map(([name, value]) => (
              <span key={name}>
                <span className="attr-label">{words.attributeLabel(name)}</span>{' '}
                <span className="attr-value">{words.attributeValue(name, value, format.number)}</span>
              </span>
            ))}
        </span>
        {mark === 'recommended' && <span className="recommended-badge">{t('personal.recommended')}</span>}
        {mark === 'popular' && <span className="popular-badge">{t('personal.popular')}</span>}
        {!available && <span className="unavailable-badge">{t('configure.unavailable')}</span>}
      </button>
      {!available && showReason && <Reason slot={slot.id} option={option.id} id={reasonId} />}
      {chosen && slot.kind === 'multi' && option.maxQuantity > 1 && (
        <QuantitySelect slot={slot.id} option={option.id} value={chosenQty} quantities={quantities} />
      )}
    </li>
  );
});
