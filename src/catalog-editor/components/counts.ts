import { useTranslation } from 'react-i18next';
import { languages } from '../../ui/i18n/resources.ts';

/** An exact count sent as a decimal string (it may exceed 2^53), grouped in the reader's language. */
export function useExactCount(): (decimal: string) => string {
  const { i18n } = useTranslation();
  const locale = languages.find((l) => l.code === i18n.language)?.locale ?? 'en-IE';
  return (decimal) => BigInt(decimal).toLocaleString(locale);
}
