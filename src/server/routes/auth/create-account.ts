import type { Kysely } from 'kysely';
import { normalizeClaimCode } from '../../../contract/store-find.schema.ts';
import type { CatalogVersions } from '../../catalogs/versions.ts';
import { mergeGuest } from '../../customers/merge.ts';
import { HttpError } from '../../errors.ts';
import { claimCustomer, insertCustomer, nextCustomerNumber } from '../../store/customers.repository.ts';
import type { Database, SqlDialectName } from '../../store/database.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import type { SignUpRequestRow } from '../../store/sign-up.table.ts';
import { findUserByEmail, insertUser } from '../../store/users.repository.ts';

export const emailTaken = () =>
  new HttpError(409, 'email_taken', 'This e-mail has an account already; sign in instead.');

export const claimCodeInvalid = () =>
  new HttpError(
    400,
    'claim_code_invalid',
    'This code does not match a record waiting to be claimed (it may have been used).',
    [{ path: 'body.claimCode', message: 'unknown or already used' }],
  );

/**
 * The account of a confirmed sign-up, in one transaction: the user, their customer record (a walk-in's, taken over
 * with its claim code, or a new one), the registration in their timeline, and the guest work of `guestIds` moved in.
 * @throws 409 `email_taken` when the address got an account meanwhile, 400 `claim_code_invalid` for a used code.
 */
export async function createAccount(
  trx: Kysely<Database>,
  dialect: SqlDialectName,
  versions: CatalogVersions,
  request: SignUpRequestRow,
  guestIds: readonly string[],
  at: string,
) {
  if (await findUserByEmail(trx, request.email)) throw emailTaken();
  const user = await insertUser(trx, {
    email: request.email,
    name: request.name,
    role: 'customer',
    password_hash: request.password_hash,
    created_at: at,
  });
  // A walk-in's code takes over their store record; without one, a new record, whatever the e-mail: an e-mail
  // typed online proves nothing about a store record, so it never attaches anyone to one.
  const claimed = request.claim_code
    ? await claimCustomer(trx, normalizeClaimCode(request.claim_code), {
        userId: user.id,
        email: request.email,
        phone: request.phone,
      })
    : undefined;
  if (request.claim_code && !claimed) throw claimCodeInvalid();
  const customer =
    claimed ??
    (await insertCustomer(trx, {
      customer_number: await nextCustomerNumber(trx),
      user_id: user.id,
      email: request.email,
      phone: request.phone,
      name: request.name,
      birthday: request.birthday,
      // Given when the form was sent, not when the mail was opened.
      birthday_set_at: request.birthday === null ? null : request.created_at,
      created_at: at,
    }));
  await appendInteraction(trx, {
    customer_id: customer.id,
    channel: 'web',
    actor_user_id: user.id,
    kind: claimed ? 'customer.claimed' : 'customer.registered',
    catalog_id: null,
    catalog_version: null,
    payload: {},
    created_at: at,
  });
  let merged: { builds: number; interactions: number } | undefined;
  for (const guestId of guestIds) {
    const moved = await mergeGuest(trx, dialect, versions, guestId, {
      customerId: customer.id,
      userId: user.id,
    });
    merged = {
      builds: (merged?.builds ?? 0) + moved.builds,
      interactions: (merged?.interactions ?? 0) + moved.interactions,
    };
  }
  return { user, customer, merged };
}
