import { useTranslation } from 'react-i18next';
import type { Configurator } from '../../core/configurator/configurator.ts';
import { NONE } from '../../core/configurator/compile-catalog.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import type { PopularMark } from './popular.ts';
import { useSlotPopularMark } from './personal.tsx';
import { useSession } from './session-context.tsx';

type T = ReturnType<typeof useTranslation>['t'];

/** A choice as the shopper knows it: the option's name ("2 × Name" for a quantity, "no Name" for none). */
function choiceWords(configurator: Configurator, t: T, variable: number, value: number): string {
  const { model, index } = configurator.compiled;
  const v = model.variables[variable];
  const raw = v?.values[value] ?? '';
  const name = v?.name ?? '';
  const optionName = (id: string) => index.option.get(id)?.option.name ?? id;
  const slash = name.indexOf('/');
  if (slash > 0) {
    const option = optionName(name.slice(slash + 1));
    return raw === '0' ? t('personal.noneOf', { name: option }) : raw === '1' ? option : `${raw} × ${option}`;
  }
  const hash = name.indexOf('#');
  if (hash > 0) return `${raw} × ${index.slot.get(name.slice(0, hash))?.name ?? name}`;
  if (raw === NONE) return t('personal.noneOf', { name: index.slot.get(name)?.name ?? name });
  return optionName(raw);
}

/** The mark's reason in the shopper's language; null for reasons the page does not show. */
export function reasonText(
  mark: PopularMark,
  configurator: Configurator,
  t: T,
  percent: (share: number) => string,
  count: (n: number) => string,
): string | null {
  const what = choiceWords(configurator, t, mark.variable, mark.value);
  const r = mark.reason;
  switch (r.kind) {
    case 'buyers': {
      const given = r.given.map(([x, v]) => choiceWords(configurator, t, x, v)).join(t('personal.givenJoin'));
      const args = { given, what, share: percent(r.share), count: count(r.cars) };
      return r.share > 0.5 ? t('personal.reasonBuyersMost', args) : t('personal.reasonBuyersShare', args);
    }
    case 'all-buyers':
      return t('personal.reasonAllBuyers', { what, share: percent(r.share), count: count(r.cars) });
    case 'own-builds':
      return t('personal.reasonOwnBuilds', { what, chosen: r.chosen, builds: r.builds });
    case 'preferences':
      return t('personal.reasonPreferences', { what });
    case 'forced':
    case 'unsold':
      return null;
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
  if (!text) return null;
  return (
    <p className="popular-hint" data-testid="popular-hint" data-source={mark.source}>
      <span aria-hidden="true">★ </span>
      {text}
    </p>
  );
}
