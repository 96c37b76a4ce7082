import { z } from 'zod';

/** `GET /api/customers?q=`: what staff typed; at least 2 characters so a search never lists everyone. */
export const customerSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'type at least 2 characters').max(254),
});

/** One customer found, as the console lists them. */
export const customerHitSchema = z.object({
  id: z.string(),
  customerNumber: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  tier: z.object({ class: z.enum(['mvc', 'mgc', 'normal', 'bzc']), label: z.string() }),
  /** The newest interaction on any channel; null for none. */
  lastContactAt: z.string().nullable(),
  /** A walk-in without an online account yet. */
  hasLogin: z.boolean(),
});
export type CustomerHit = z.infer<typeof customerHitSchema>;

/** At most 20, best match first (exact e-mail/phone/number, then first name, other name words, the rest). */
export const customerSearchResponseSchema = z.array(customerHitSchema);

/** `GET /api/store/customers/recent`: customers the signed-in staff member served in the store, newest first. */
export const recentCustomersResponseSchema = z.array(customerHitSchema.extend({ servedAt: z.string() }));
export type RecentCustomer = z.infer<typeof recentCustomersResponseSchema>[number];

const phone = z.string().trim().max(40);
const email = z.string().trim().toLowerCase().email().max(254);

/**
 * `POST /api/store/customers`: a walk-in with a name and an e-mail or a phone (or both). An empty string counts as
 * absent. 409 `already_customer` (with `error.details.customerId`) when a customer has that e-mail or phone.
 */
export const walkInBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    email: z.union([z.literal(''), email]).default(''),
    phone: phone.default(''),
  })
  .refine((b) => b.email !== '' || /\d/.test(b.phone), {
    message: 'give an e-mail or a phone number',
    path: ['email'],
  });
export type WalkInBody = z.input<typeof walkInBodySchema>;

/** 201: the new record, and the code printed on their quote that lets them claim it online (shown once). */
export const walkInResponseSchema = z.object({
  customer: customerHitSchema,
  claimCode: z.string(),
});
export type WalkInResponse = z.infer<typeof walkInResponseSchema>;

/** Claim codes look like `K7QM-2XPD-R4TA`: 12 characters without look-alikes (no 0/O, 1/I/L), in threes of four. */
export const CLAIM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A code as typed ("k7qm 2xpd r4ta") in its stored form ("K7QM-2XPD-R4TA"); anything else unchanged, to be refused. */
export function normalizeClaimCode(typed: string): string {
  const bare = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 12 ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}` : typed.trim();
}
