import { useTranslation } from 'react-i18next';
import { languages } from '../../ui/i18n/resources.ts';

/** Dates and times in the reader's language: "12 Nov 2026, 14:30". */
export function useDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = languages.find((l) => l.code === i18n.language)?.locale ?? 'en-IE';
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => format.format(new Date(iso));
}
