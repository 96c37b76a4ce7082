import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import type { CatalogWords, Slot } from '../../core/catalog/index.ts';
import type { CatalogChoice, PopularMark } from '../../core/configurator/popular-marks.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';
import { useRecommendedOption, useSlotPopularMark } from './marks.ts';
import { markHintId } from './option-card.tsx';
import { usePersonal, type OptionEvidence } from './personal.tsx';
import { useSession } from './session-context.tsx';

type T = ReturnType<typeof useTranslation>['t'];

/** How numbers read in the page's language. */
export interface Numbers {
  percent: (share: number) => string;
  count: (n: number) => string;
}

/** A choice as the shopper knows it: the option's name ("2 × Name" for a quantity, "no Name" for none). */
function choiceWords(words: CatalogWords, t: T, choice: CatalogChoice): string {
  const name = choice.option ? words.optionName(choice.option) : words.slotName(choice.slot);
  if (choice.quantity === 0) return t('personal.noneOf', { name });
  return choice.quantity === 1 ? name : `${choice.quantity} × ${name}`;
}

/**
 * Why an option is recommended for the customer, from the preference behind most of its weight: what they chose
 * and how often, or what they set in their preferences.
 */
export function evidenceText(
  optionId: string,
  evidence: OptionEvidence | undefined,
  words: CatalogWords,
  t: T,
  numbers: Numbers,
): string {
  const what = words.optionName(optionId);
  if (!evidence) return t('personal.recommendedWhy', { what });
  const set = evidence.corrected === null ? undefined : numbers.percent(evidence.corrected);
  if (evidence.kind === 'price') {
    const slot = words.slotName(evidence.slot);
    return set === undefined
      ? t('personal.whyPrice', {
          what,
          slot,
          percent: numbers.percent(evidence.position),
          count: evidence.choices,
        })
      : t('personal.whySetPrice', { what, slot, percent: set });
  }
  // How often they chose it, of how many choices (the count picks the plural).
  const tally = { chosen: evidence.chosen, of: evidence.of, count: evidence.of };
  if (evidence.kind === 'option')
    return set === undefined
      ? t('personal.whyOption', { what, slot: words.slotName(evidence.slot), ...tally })
      : t('personal.whySetOption', { what, percent: set });
  const args = {
    what,
    value: words.attributeValue(evidence.attribute, evidence.value),
    label: words.attributeLabel(evidence.attribute),
  };
  return set === undefined
    ? t('personal.whyAttribute', { ...args, ...tally })
    : t('personal.whySetAttribute', { ...args, percent: set });
}

/** The recommender's mark in the shopper's language; the customer's stored preferences say which one counted. */
export function reasonText(
  mark: PopularMark,
  words: CatalogWords,
  t: T,
  numbers: Numbers,
  evidence: Readonly<Record<string, OptionEvidence>> = {},
): string {
  const what = words.optionName(mark.optionId);
  const r = mark.reason;
  switch (r.kind) {
    case 'buyers': {
      const given = r.given.map((c) => choiceWords(words, t, c)).join(t('personal.givenJoin'));
      const args = { given, what, share: numbers.percent(r.share), count: numbers.count(r.cars) };
      return r.share > 0.5 ? t('personal.reasonBuyersMost', args) : t('personal.reasonBuyersShare', args);
    }
    case 'all-buyers':
      return t('personal.reasonAllBuyers', {
        what,
        share: numbers.percent(r.share),
        count: numbers.count(r.cars),
      });
    case 'own-builds':
      return t('personal.reasonOwnBuilds', { what, chosen: r.chosen, builds: r.builds });
    case 'preferences':
      return evidenceText(mark.optionId, evidence[mark.optionId], words, t, numbers);
  }
}

/** Under a slot's heading: why its marked option is marked (recommended for the customer, or popular). */
export function MarkHint({ slot }: { slot: Slot }) {
  const recommended = useRecommendedOption(slot.id);
  const mark = useSlotPopularMark(slot.id);
  const { evidence } = usePersonal();
  const { actor, configurator } = useSession();
  // Marks are recomputed at a quiet moment; a slot the shopper has just filled drops its hint at once.
  const filled = useSelector(actor, (s) => Object.keys(s.context.choices[slot.id] ?? {}).length > 0);
  const words = useCatalogWords(configurator.catalog);
  const { t } = useTranslation();
  const format = useLocaleFormat();
  if ((recommended === undefined && !mark) || (filled && slot.kind !== 'multi')) return null;
  const numbers: Numbers = {
    percent: (x) =>
      new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 }).format(x),
    count: (n) => new Intl.NumberFormat(format.locale).format(n),
  };
  const text =
    recommended !== undefined
      ? evidenceText(recommended, evidence[recommended], words, t, numbers)
      : mark && reasonText(mark, words, t, numbers, evidence);
  const source = recommended !== undefined ? 'preferences' : mark?.source;
  return (
    <p id={markHintId(slot.id)} className="popular-hint" data-testid="mark-hint" data-source={source}>
      <span aria-hidden="true">★ </span>
      {text}
    </p>
  );
}
