import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { languages, resources, type Language } from './resources.ts';
import { formatDelta, formatMoney } from '../format.ts';

const KEY = 'configurator.lang';

function initialLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved && saved in resources) return saved as Language;
  } catch {
    // storage blocked: fall through to the browser's language
  }
  const preferred = globalThis.navigator?.language?.slice(0, 2) ?? 'en';
  return preferred in resources ? (preferred as Language) : 'en';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export function setLanguage(code: Language): void {
  try {
    globalThis.localStorage?.setItem(KEY, code);
  } catch {
    // the choice lasts for this page only
  }
  void i18n.changeLanguage(code);
  document.documentElement.lang = code;
}

/** The current language's locale, and money/number formatting in it. */
export function useLocaleFormat() {
  const { i18n: current } = useTranslation();
  const locale = languages.find((l) => l.code === current.language)?.locale ?? 'en-IE';
  return {
    locale,
    money: (cents: number, currency: string) => formatMoney(cents, currency, locale),
    delta: (cents: number, currency: string) => formatDelta(cents, currency, locale),
    count: (n: number) =>
      new Intl.NumberFormat(locale, {
        notation: 'compact',
        compactDisplay: 'long',
        maximumFractionDigits: 1,
      }).format(n),
  };
}

export { i18n };
