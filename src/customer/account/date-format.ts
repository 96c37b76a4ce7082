import { useLocaleFormat } from '../../ui/i18n/i18n.ts';

/** Dates and times in the page's language ("1 Aug 2026, 09:00" / "01.08.2026, 09:00" / "2026年8月1日 09:00"). */
export function useDateFormat() {
  const { locale } = useLocaleFormat();
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    day: (iso: string) => day.format(new Date(iso)),
    moment: (iso: string) => moment.format(new Date(iso)),
    /** "1 Aug 2026, 08:28 – 08:30": the day once when both ends share it. */
    range: (from: string, to: string) => moment.formatRange(new Date(from), new Date(to)),
  };
}
