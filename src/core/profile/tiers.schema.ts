import { z } from 'zod';

/**
 * configs/tiers.json: how customers are valued and treated. Thresholds are in the catalogs' currency cents.
 * Checked at server start; a broken file stops start-up naming the JSON path.
 */
const cents = z.number().int();
const percent = z.number().min(0).max(100);
const share = z.number().min(0).max(1);

export const customerClasses = ['mvc', 'mgc', 'normal', 'bzc'] as const;
export type CustomerClass = (typeof customerClasses)[number];
export const quadrants = ['high-large', 'high-small', 'low-large', 'low-small'] as const;
export type Quadrant = (typeof quadrants)[number];

const offerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  label: z.string().min(1),
  /** Applied to quotes and orders as a discount line on the price after catalog price rules. */
  percent,
});

const treatmentSchema = z
  .strictObject({
    label: z.string().min(1),
    /** The most a sales person may discount for this customer on their own, in %. */
    discountAuthorityPercent: percent,
    /** The most a store manager may grant or approve for this customer, in %; above it a discount is refused. */
    approvalLimitPercent: percent,
    offers: z.array(offerSchema).default([]),
  })
  .refine((t) => t.approvalLimitPercent >= t.discountAuthorityPercent, {
    path: ['approvalLimitPercent'],
    message: 'must be at least discountAuthorityPercent (a manager may grant what sales may)',
  });

export const tiersConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(1),
  /** Revenue of the last `windowDays` is what share of wallet compares with the yearly category spend. */
  windowDays: z.number().int().min(30).max(3650),
  /** What one staff contact costs to serve (store visit, call), subtracted from margin. */
  serviceCostCents: z.strictObject({ web: cents.min(0), store: cents.min(0), phone: cents.min(0) }),
  classification: z.strictObject({
    /** Most valuable: net lifetime margin at least this. */
    mvc: z.strictObject({ minNetMarginCents: cents }),
    /** Most growable: share of wallet at most this and untapped yearly spend at least this. */
    mgc: z.strictObject({ maxShareOfWallet: share, minGrowthCents: cents.min(0) }),
    /** Below zero: net lifetime margin below this and small expected upcoming revenue. */
    bzc: z.strictObject({ maxNetMarginCents: cents }),
  }),
  quadrant: z.strictObject({
    /** Share of wallet at or above this is "high". */
    highShareOfWallet: share,
    /** Expected upcoming revenue (next 12 months) at or above this is "large". */
    largeUpcomingCents: cents.min(0),
    strategies: z.strictObject({
      'high-large': z.string().min(1),
      'high-small': z.string().min(1),
      'low-large': z.string().min(1),
      'low-small': z.string().min(1),
    }),
  }),
  tiers: z.strictObject({
    mvc: treatmentSchema,
    mgc: treatmentSchema,
    normal: treatmentSchema,
    bzc: treatmentSchema,
  }),
  birthday: z.strictObject({ label: z.string().min(1), percent }),
});
export type TiersConfig = z.infer<typeof tiersConfigSchema>;
export type Treatment = z.infer<typeof treatmentSchema>;
