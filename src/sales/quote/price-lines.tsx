import { useTranslation } from 'react-i18next';
import type { CatalogResponse } from '../../contract/catalogs.schema.ts';
import type { z } from 'zod';
import type { priceLineSchema } from '../../contract/orders.schema.ts';
import { priceLineLabel, useCatalogLanguage, wordsFor } from '../../ui/i18n/catalog-words.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';

type PriceLine = z.infer<typeof priceLineSchema>;

/**
 * A quote's price: the customer's lines (tier offers included), the price before the staff discount, the discount
 * as its own line, the total. Lines of zero (included parts) are left out: the build above names them.
 */
export function PriceLines({
  catalog,
  currency,
  lines,
  listTotalCents,
  discountPercent,
  totalCents,
  discountChanged = false,
  totalChanged = false,
}: {
  catalog: CatalogResponse | undefined;
  currency: string;
  lines: PriceLine[];
  listTotalCents: number;
  discountPercent: number;
  totalCents: number;
  discountChanged?: boolean;
  totalChanged?: boolean;
}) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const language = useCatalogLanguage();
  const words = catalog && wordsFor(catalog, language);
  const money = (cents: number) => format.money(cents, currency);
  const staff = lines.find((l) => l.kind === 'discount' && l.ref === 'staff');
  const label = (line: PriceLine) => (words ? priceLineLabel(words, line) : line.label);
  return (
    <table className="price-lines">
      <tbody>
        {lines
          .filter((l) => l !== staff && l.amountCents !== 0)
          .map((l) => (
            <tr key={`${l.kind}-${l.ref}`}>
              <th scope="row">
                {label(l)}
                {l.quantity > 1 ? ` × ${l.quantity}` : ''}
              </th>
              <td className="num">{money(l.amountCents)}</td>
            </tr>
          ))}
        <tr className="subtotal">
          <th scope="row">{t('storeQuote.listTotal')}</th>
          <td className="num">{money(listTotalCents)}</td>
        </tr>
        <tr className={discountChanged ? 'changed' : undefined}>
          <th scope="row">{t('storeQuote.staffDiscount', { percent: format.number(discountPercent) })}</th>
          <td className="num">{money(staff?.amountCents ?? 0)}</td>
        </tr>
        <tr className={totalChanged ? 'price-total changed' : 'price-total'}>
          <th scope="row">{t('storeQuote.total')}</th>
          <td className="num">{money(totalCents)}</td>
        </tr>
      </tbody>
    </table>
  );
}
