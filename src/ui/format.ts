import type { AttributeDef, AttributeValue } from '../core/catalog/index.ts';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string, cents: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${cents}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = cents ? 2 : 0;
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * Formats integer cents in the catalog's currency for the given locale: whole amounts without decimals ("€2,936"),
 * any cents with both digits ("€61,187.60", never "€61,187.6"). Cached formatters.
 */
export function formatMoney(cents: number, currency: string, locale = 'en-IE'): string {
  return moneyFormat(currency, locale, cents % 100 !== 0).format(cents / 100);
}

/** A price difference with an explicit sign ("+€80", "−€20", "included"). */
export function formatDelta(cents: number, currency: string, locale = 'en-IE'): string {
  if (cents === 0) return '±' + formatMoney(0, currency, locale);
  return (cents > 0 ? '+' : '−') + formatMoney(Math.abs(cents), currency, locale);
}

/** An attribute value as a shopper reads it: "125 W", "AM5", "yes". */
export function formatAttribute(def: AttributeDef | undefined, value: AttributeValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (def?.type === 'number') {
    const named = def.valueLabels?.[String(value)];
    if (named) return named;
    if (def.unit) return `${value} ${def.unit}`;
  }
  return String(value);
}
