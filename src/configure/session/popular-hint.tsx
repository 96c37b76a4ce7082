import { useTranslation } from 'react-i18next';
import type { Configurator } from '../../core/configurator/configurator.ts';
import type { CatalogChoice, PopularMark } from '../../core/configurator/popular-marks.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useSlotPopularMark } from './personal.tsx';
import { useSession } from './session-context.tsx';

type T = ReturnType<typeof useTranslation>['t'];

const optionName = (configurator: Configurator, id: string) =>
  configurator.compiled.index.option.get(id)?.option.name ?? id;

/** A choice as the shopper knows it: the option's name ("2 × Name" for a quantity, "no Name" for none). */
function choiceWords(configurator: Configurator, t: T, choice: CatalogChoice): string {
  const name = choice.option
    ? optionName(configurator, choice.option)
    : (configurator.compiled.index.slot.get(choice.slot)?.name ?? choice.slot);
  if (choice.quantity === 0) return t('personal.noneOf', { name });
  return choice.quantity === 1 ? name : `${choice.quantity} × ${name}`;
}

/** The mark's reason in the shopper's language. */
export function reasonText(
  mark: PopularMark,
  configurator: Configurator,
  t: T,
  percent: (share: number) => string,
  count: (n: number) => string,
): string {
  const what = optionName(configurator, mark.optionId);
  const r = mark.reason;
  switch (r.kind) {
    case 'buyers': {
      const given = r.given.map((c) => choiceWords(configurator, t, c)).join(t('personal.givenJoin'));
      const args = { given, what, share: percent(r.share), count: count(r.cars) };
      return r.share > 0.5 ? t('personal.reasonBuyersMost', args) : t('personal.reasonBuyersShare', args);
    }
    case 'all-buyers':
      return t('personal.reasonAllBuyers', { what, share: percent(r.share), count: count(r.cars) });
    case 'own-builds':
      return t('personal.reasonOwnBuilds', { what, chosen: r.chosen, builds: r.builds });
    case 'preferences':
      return t('personal.reasonPreferences', { what });
  }
}

/** Under a slot's heading: why the marked option is the recommender's pick there. */
export function PopularHint({ slotId }: { slotId: string }) {
  const mark = useSlotPopularMark(slotId);
  const { configurator } = useSession();
  const { t } = useTranslation();
  const format = useLocaleFormat();
  if (!mark) return null;
  const percent = (x: number) =>
    new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);
  const count = (n: number) => new Intl.NumberFormat(format.locale).format(n);
  const text = reasonText(mark, configurator, t, percent, count);
  return (
    <p className="popular-hint" data-testid="popular-hint" data-source={mark.source}>
      <span aria-hidden="true">★ </span>
      {text}
    </p>
  );
}
