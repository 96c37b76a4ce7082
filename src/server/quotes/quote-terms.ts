import type { Kysely } from 'kysely';
import {
  discountAuthority,
  discountBand,
  type DiscountAuthority,
  type DiscountBand,
} from '../../core/profile/authority.ts';
import {
  applyStaffDiscount,
  percentToBp,
  type DiscountedPrice,
  type QuoteTerms,
} from '../../core/quotes/terms.ts';
import { notFound } from '../errors.ts';
import { check } from '../routes/checkout/checkout.routes.ts';
import type { RouteDeps } from '../routes/route-deps.ts';
import { standingOf, type Standing } from '../customers/value.ts';
import { findCustomerById } from '../store/customers.repository.ts';
import type { CustomerRow } from '../store/customers.table.ts';
import type { Database } from '../store/database.ts';

/** The label of the staff discount's price line (the PDF and the console translate by its ref, `staff`). */
export const STAFF_DISCOUNT_LABEL = 'Store discount';

/** A customer's saved build priced as a quote with a staff discount, and where that discount falls for the caller. */
export interface PricedTerms {
  customer: CustomerRow;
  standing: Standing;
  buildId: string;
  terms: QuoteTerms;
  price: DiscountedPrice;
  authority: DiscountAuthority;
  band: DiscountBand;
}

/**
 * Prices `discountPercent` off one of the customer's saved builds, as the server alone decides: the build is theirs,
 * complete and rule-abiding at its own catalog version (the checkout's `check`), priced at the customer's price,
 * then the staff discount; the band is the caller's (role) authority for this customer's tier.
 * @throws 404 customer_not_found / build_not_found, 422 invalid_build / build_breaks_rules (see `check`).
 */
export async function priceTerms(
  db: Kysely<Database>,
  deps: Pick<RouteDeps, 'versions' | 'tiers' | 'catalogs'>,
  input: { customerId: string; buildId: string; discountPercent: number; callerRole: string; now: Date },
): Promise<PricedTerms> {
  const customer = await findCustomerById(db, input.customerId);
  if (!customer) throw notFound('customer_not_found', `No customer "${input.customerId}".`);
  const checked = await check(db, deps, customer.id, { buildId: input.buildId }, input.now);
  const standing = await standingOf(db, customer, deps.tiers, input.now);
  const discountBp = percentToBp(input.discountPercent);
  const authority = discountAuthority(standing.tier.treatment, input.callerRole);
  return {
    customer,
    standing,
    buildId: input.buildId,
    terms: {
      catalogId: checked.index.catalog.id,
      catalogVersion: checked.index.catalog.version,
      selections: checked.selections,
      discountBp,
    },
    price: applyStaffDiscount(checked.price, discountBp, STAFF_DISCOUNT_LABEL),
    authority,
    band: discountBand(authority, discountBp / 100),
  };
}
