import { memo, useState } from 'react';
import { useSelector } from '@xstate/react';
import type { Option, Slot } from '../../core/catalog/index.ts';
import type { OptionState } from '../../core/configurator/configurator.ts';
import { toCents } from '../../core/pricing/index.ts';
import { formatAttribute } from '../../ui/format.ts';
import { useSession } from './session-context.tsx';
import { QuantitySelect } from './quantity-select.tsx';
import { ReasonText } from './reason.tsx';
import { usePersonal, useSlotPopularMark } from './personal.tsx';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';

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

interface OptionCardProps {
  slot: Slot;
  option: Option;
  state: OptionState;
  chosenPriceCents: number | null;
}

/**
 * The view recomputes every option's state on each click (new objects, mostly equal values): comparing the values
 * lets a click re-render only the cards it changed (on the PC a step shows dozens).
 */
const sameProps = (a: OptionCardProps, b: OptionCardProps) =>
  a.slot === b.slot &&
  a.option === b.option &&
  a.chosenPriceCents === b.chosenPriceCents &&
  a.state.available === b.state.available &&
  a.state.quantities.join() === b.state.quantities.join();

export const OptionCard = memo(function OptionCard({
  slot,
  option,
  state,
  chosenPriceCents,
}: OptionCardProps) {
  const { actor, configurator } = useSession();
  const chosenQty = useSelector(actor, (s) => s.context.choices[slot.id]?.[option.id]);
  const [showReason, setShowReason] = useState(false);
  const mark = useSlotPopularMark(slot.id);
  const marked = mark?.optionId === option.id ? mark.source : undefined;
  const recommended = usePersonal().recommended.get(slot.id) === option.id || marked === 'preferences';
  const popular = marked === 'population';
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const { currency, attributes } = configurator.catalog;
  const chosen = chosenQty !== undefined;
  const price = toCents(option.price);
  const delta = slot.kind === 'multi' || chosenPriceCents === null ? price : price - chosenPriceCents;
  const reasonId = `reason-${option.id}`;
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
        data-available={state.available}
        data-recommended={recommended || undefined}
        data-popular={popular || undefined}
        aria-pressed={chosen}
        aria-describedby={!state.available && showReason ? reasonId : undefined}
        onClick={onClick}
        onMouseEnter={() => setShowReason(true)}
        onMouseLeave={() => setShowReason(false)}
        onFocus={() => setShowReason(true)}
        onBlur={() => setShowReason(false)}
      >
        <span className="option-head">
          <span className="option-name">{option.name}</span>
          <span className="option-price">
            {chosen
              ? slot.kind === 'multi'
                ? format.money(price * chosenQty, currency)
                : t('configure.chosen')
              : format.delta(delta, currency)}
          </span>
        </span>
        <span className="option-attributes">
          {Object.entries(option.attributes)
            .slice(0, KEY_ATTRIBUTES)
            .map(([name, value]) => (
              <span key={name}>
                <span className="attr-label">{attributes[name]?.label ?? name}</span>{' '}
                <span className="attr-value">{formatAttribute(attributes[name], value)}</span>
              </span>
            ))}
        </span>
        {recommended && (
          <span className="recommended-badge" title={t('personal.recommendedWhy')}>
            {t('personal.recommended')}
          </span>
        )}
        {popular && <span className="popular-badge">{t('personal.popular')}</span>}
        {!state.available && <span className="unavailable-badge">{t('configure.unavailable')}</span>}
      </button>
      {!state.available && showReason && <Reason slot={slot.id} option={option.id} id={reasonId} />}
      {chosen && slot.kind === 'multi' && option.maxQuantity > 1 && (
        <QuantitySelect slot={slot.id} option={option.id} value={chosenQty} quantities={state.quantities} />
      )}
    </li>
  );
}, sameProps);
