import { describe, expect, it } from 'vitest';
import { readPdf, squeeze } from '../../../test/fixtures/pdf-text.ts';
import type { Localized, QuoteDocument } from './quote-document.ts';
import { renderQuotePdf } from './quote-pdf.ts';

const same = (text: string): Localized => ({ en: text, de: text, zh: text });

/** A quote of a catalog without a drawing, with `items` options: long enough to need several pages. */
function longQuote(items: number): QuoteDocument {
  return {
    quoteId: 'q1',
    groupId: 'g1',
    number: 'Q-G1',
    revision: 3,
    createdAt: '2026-11-20T12:00:00.000Z',
    validUntil: '2026-12-20T23:30:00.000Z',
    expired: false,
    customer: { name: 'Zoë Ångström', number: 'C-000007' },
    catalog: { id: 'bike', version: '2026.1.0', name: same('Bike') },
    items: Array.from({ length: items }, (_, i) => ({
      slot: same(`Slot ${i + 1}`),
      option: same(`Option number ${i + 1} with a name long enough to wrap in its column of the table`),
      quantity: 1 + (i % 3),
      amountCents: 1000 * i,
      included: i === 0,
    })),
    extras: [{ kind: 'base', ref: 'base', label: same('Base price'), amountCents: 50_000 }],
    currency: 'EUR',
    listTotalCents: 100_000,
    discountBp: 0,
    discountCents: 0,
    totalCents: 100_000,
    discountBy: null,
    continueUrl: 'https://shop.example/configure/bike?b=frame:f1',
    claim: null,
    picture: null,
  };
}

describe('renderQuotePdf', () => {
  it('runs onto further pages, every option printed, each page numbered', async () => {
    const pdf = await readPdf(await renderQuotePdf(longQuote(60), 'en'));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    pdf.pages.forEach((page, i) =>
      expect(squeeze(page)).toContain(squeeze(`Page ${i + 1} of ${pdf.pages.length}`)),
    );
    const all = squeeze(pdf.pages.join(''));
    for (let i = 1; i <= 60; i++) expect(all).toContain(squeeze(`Option number ${i} with`));
    // The table's header starts again on each page the table runs onto.
    expect(pdf.pages.filter((page) => squeeze(page).includes('ItemChoiceQtyPrice')).length).toBeGreaterThan(
      1,
    );
    expect(all).toContain('ZoëÅngström');
    expect(all).toContain('included');
    // No staff discount: neither a discount line nor anyone named for it.
    expect(all).not.toContain('Storediscount');
    expect(all).not.toContain('Discountof');
  });

  it('prints dates on the store’s calendar (Berlin), not the server’s (UTC)', async () => {
    const pdf = await readPdf(await renderQuotePdf(longQuote(1), 'de'));
    // 23:30 UTC on 20 December is 00:30 on the 21st in Berlin.
    expect(squeeze(pdf.pages.join(''))).toContain(squeeze('Gültig bis 21. Dezember 2026'));
    expect(pdf.pages).toHaveLength(1);
  });

  it('says an expired quote has expired and no longer holds its price, in every language', async () => {
    const cases = {
      en: ['Expired on 21 December 2026', 'no longer holds its price'],
      de: ['Abgelaufen am 21. Dezember 2026', 'gilt nicht mehr'],
      zh: ['已于', '过期'],
    } as const;
    for (const [lang, expected] of Object.entries(cases)) {
      const pdf = await readPdf(
        await renderQuotePdf({ ...longQuote(1), expired: true }, lang as 'en' | 'de' | 'zh'),
      );
      const text = squeeze(pdf.pages.join(''));
      for (const words of expected) expect(text).toContain(squeeze(words));
      expect(text).not.toContain(
        squeeze(lang === 'de' ? 'Gültig bis' : lang === 'en' ? 'Valid until' : '有效期至'),
      );
    }
  });
});
