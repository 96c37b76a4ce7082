import { useLocaleFormat } from '../../ui/i18n/i18n.ts';

/** Money, shares and dates in the console's language (src/ui/format.ts underneath). */
export function useGlanceFormat(currency: string) {
  const format = useLocaleFormat();
  const day = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium' });
  const moment = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 });
  return {
    money: (cents: number) => format.money(cents, currency),
    percent: (share: number) => percent.format(share),
    decimal: (n: number) => decimal.format(n),
    day: (iso: string) => day.format(new Date(iso)),
    moment: (iso: string) => moment.format(new Date(iso)),
  };
}
export type GlanceFormat = ReturnType<typeof useGlanceFormat>;
