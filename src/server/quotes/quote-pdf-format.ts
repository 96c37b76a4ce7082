import { pdfLocales, type PdfLanguage } from './quote-pdf.texts.ts';

/**
 * Money, dates and percents as the quote prints them, in its language's locale. The rules are the web app's
 * (ui/format.ts, which the server may not import): whole amounts without decimals, any cents with both digits.
 */

/**
 * The store's time zone: a quote's dates are the store's calendar days (the catalogs are priced for Germany), not
 * the server's, so a quote valid until late evening does not print as the next day on a UTC machine.
 */
export const STORE_TIME_ZONE = 'Europe/Berlin';

export function formatMoney(cents: number, currency: string, lang: PdfLanguage): string {
  const digits = cents % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat(pdfLocales[lang], {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(cents / 100);
}

/** "20 December 2026", "20. Dezember 2026", "2026年12月20日". */
export function formatDate(iso: string, lang: PdfLanguage): string {
  return new Intl.DateTimeFormat(pdfLocales[lang], { dateStyle: 'long', timeZone: STORE_TIME_ZONE }).format(
    new Date(iso),
  );
}

/** A staff discount in hundredths of a percent as the language writes it: "12.5%", "12,5 %". */
export function formatPercent(bp: number, lang: PdfLanguage): string {
  return new Intl.NumberFormat(pdfLocales[lang], { style: 'percent', maximumFractionDigits: 2 }).format(
    bp / 10_000,
  );
}
