import type { Kysely } from 'kysely';
import { notFound } from '../errors.ts';
import { check, placeOrder, type Checked } from '../routes/checkout/checkout.routes.ts';
import type { RouteDeps } from '../routes/route-deps.ts';
import type { Database } from '../store/database.ts';
import { findQuoteRevision } from '../store/quote-revisions.repository.ts';
import { assertQuoteNotOrdered } from './claim-quote.ts';
import { isValidAt } from './present-quotes.ts';
import { priceChanged } from './price-changed.ts';

/**
 * An order from one of the customer's quote revisions, re-validated by the server like every order. Within its
 * validity the quote's lines and total stand, provided the build still fits the quote's pinned catalog version;
 * after it the build is re-priced on the live catalog version at the customer's own price, without the staff
 * discount (that was promised until the validity only), and must still be buildable there.
 * @param expectedTotalCents the total the accepting side saw: a moved price is 409 price_changed, nothing stored.
 * @throws 404 quote_not_found (also another customer's), 409 quote_already_ordered / price_changed, 422 when the
 * build no longer fits.
 */
export async function orderFromQuote(
  db: Kysely<Database>,
  deps: Pick<RouteDeps, 'versions' | 'tiers' | 'dialect' | 'catalogs'>,
  input: {
    customerId: string;
    quoteId: string;
    expectedTotalCents: number | undefined;
    channel: 'web' | 'store';
    actorUserId: string | null;
    now: Date;
  },
) {
  const { customerId, quoteId, expectedTotalCents, now } = input;
  const quote = await findQuoteRevision(db, quoteId);
  if (quote?.customerId !== customerId)
    throw notFound('quote_not_found', `No quote "${quoteId}" of this customer.`);
  await assertQuoteNotOrdered(db, quote.id);
  const build = { catalogId: quote.catalogId, selections: quote.selections };
  let checked: Checked;
  if (isValidAt(quote, now)) {
    // A valid quote keeps its version and price (issue 18 §6), even once another version is live.
    const pinned = { ...build, catalogVersion: quote.catalogVersion };
    const fits = await check(db, deps, customerId, pinned, now, { anyVersion: true });
    if (expectedTotalCents !== undefined && expectedTotalCents !== quote.totalCents)
      throw priceChanged(expectedTotalCents, quote.totalCents, quote.currency);
    checked = {
      ...fits,
      price: { currency: quote.currency, lines: quote.lines, totalCents: quote.totalCents },
    };
  } else {
    const live = { ...build, ...(expectedTotalCents !== undefined ? { expectedTotalCents } : {}) };
    checked = await check(db, deps, customerId, live, now);
  }
  return placeOrder(
    db,
    deps,
    { ...checked, buildId: quote.buildId },
    { at: now.toISOString(), channel: input.channel, actorUserId: input.actorUserId, quoteId: quote.id },
  );
}
