import { z } from 'zod';
import { languageSchema } from './language.schema.ts';

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
    /** The language of the confirmation mail: the page's. */
    language: languageSchema.default('en'),
    /** Where the confirmation link lands once the account exists: a path of this site. */
    next: z
      .string()
      .max(500)
      .regex(/^\/(?![/\\])/, 'must be a path of this site')
      .optional(),
  })
  // Common passwords are refused on the server (server/auth/password-policy.ts): the list is too big to ship here.
  .refine((body) => !isPasswordOfEmail(body.password, body.email), {
    path: ['password'],
    message: 'must not be your e-mail address',
  });
export type SignUpBody = z.input<typeof signUpBodySchema>;

/**
 * The answer to every sign-up that does not sign in (issue 19 §2): the same for a new address and for one that has an
 * account, so the form tells nobody who is a customer. The mail says which it was, to the address's owner.
 */
export const signUpPendingSchema = z.object({
  status: z.literal('confirm_email'),
  email: z.string(),
  /** The demo mailbox page, when the server shows its outbox (MAILBOX_VIEW); null in production. */
  mailbox: z.string().nullable(),
});
export type SignUpPending = z.infer<typeof signUpPendingSchema>;

/** The token of a confirmation link: 256 random bits, base64url. */
export const confirmSignUpBodySchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a confirmation token'),
});

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
