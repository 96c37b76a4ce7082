import type { Treatment } from './tiers.schema.ts';

/** Who may grant a discount in the store; customers and catalog managers grant none. */
export type GrantingRole = 'sales' | 'store_manager';

/** What one staff member may do for one customer (their tier's treatment), in %. */
export interface DiscountAuthority {
  /** Granted on their own, with no approval. */
  ownPercent: number;
  /** The most a store manager may grant or approve; above it, refused. */
  limitPercent: number;
}

/** The three bands of the console's price control. */
export type DiscountBand = 'within' | 'needs-approval' | 'refused';

/**
 * A staff member's discount authority for a customer: sales up to the tier's `discountAuthorityPercent`, store
 * managers up to its `approvalLimitPercent` (configs/tiers.json). Any other role grants nothing.
 */
export function discountAuthority(treatment: Treatment, role: string): DiscountAuthority {
  const limitPercent = treatment.approvalLimitPercent;
  if (role === 'store_manager') return { ownPercent: limitPercent, limitPercent };
  if (role === 'sales') return { ownPercent: treatment.discountAuthorityPercent, limitPercent };
  return { ownPercent: 0, limitPercent: 0 };
}

/**
 * Where a discount of `percent` falls. @pre percent ≥ 0. A zero discount is always within authority; a tiny
 * rounding excess above a limit (below 0.005 %) still counts as within it, since prices are whole cents.
 */
export function discountBand(authority: DiscountAuthority, percent: number): DiscountBand {
  const EPSILON = 0.005;
  if (percent <= authority.ownPercent + EPSILON) return 'within';
  if (percent <= authority.limitPercent + EPSILON) return 'needs-approval';
  return 'refused';
}
