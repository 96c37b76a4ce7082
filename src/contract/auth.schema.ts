import { z } from 'zod';

export const roleSchema = z.enum(['customer', 'sales', 'store_manager', 'catalog']);
export type Role = z.infer<typeof roleSchema>;

const email = z.string().trim().toLowerCase().email().max(254);
export const isoDateSchema = z.iso.date();

export const MIN_PASSWORD = 8;

/** A password made of the e-mail address (or its part before the @) is the first thing an attacker tries. */
export function isPasswordOfEmail(password: string, email: string): boolean {
  const typed = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  return typed === address || typed === address.split('@')[0];
}

export const signUpBodySchema = z
  .strictObject({
    email,
    password: z.string().min(MIN_PASSWORD, `at least ${MIN_PASSWORD} characters`).max(200),
    name: z.string().trim().min(1).max(120),
    phone: z.string().trim().max(40).default(''),
    birthday: isoDateSchema.nullable().default(null),
    /** The code on a walk-in's quote: the new account takes over that store record (see store-find.schema.ts). */
    claimCode: z.string().trim().max(40).optional(),
  })
  // Common passwords are refused on the server (server/auth/password-policy.ts): the list is too big to ship here.
  .refine((body) => !isPasswordOfEmail(body.password, body.email), {
    path: ['password'],
    message: 'must not be your e-mail address',
  });
export type SignUpBody = z.input<typeof signUpBodySchema>;

export const signInBodySchema = z.strictObject({ email, password: z.string().min(1).max(200) });
export type SignInBody = z.infer<typeof signInBodySchema>;

export const customerSummarySchema = z.object({
  id: z.string(),
  customerNumber: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  birthday: z.string().nullable(),
  /** Staff confirmed the birthday in the store (its discount then applies in its month whenever it was given). */
  birthdayConfirmed: z.boolean().optional(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

const offerSchema = z.object({ id: z.string(), label: z.string(), percent: z.number() });

/** Who is signed in. A customer sees their own offers (never their tier's name); staff see their role. */
export const meResponseSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema }),
  customer: customerSummarySchema.nullable(),
  offers: z.array(offerSchema),
  birthdayMonth: z.boolean(),
  /** What a guest had saved before signing in and was merged into this account by this request. */
  merged: z.object({ builds: z.number().int(), interactions: z.number().int() }).optional(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
