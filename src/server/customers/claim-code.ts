import { randomInt } from 'node:crypto';
import { CLAIM_CODE_ALPHABET } from '../../contract/store-find.schema.ts';

/**
 * A fresh claim code such as `K7QM-2XPD-R4TA`: 12 characters drawn uniformly by a cryptographic source from 31
 * without look-alikes, about 59 bits, so it cannot be guessed within any rate of sign-up attempts. Read aloud or
 * typed from a printed quote, hence the groups.
 */
export function newClaimCode(): string {
  const chars = Array.from({ length: 12 }, () => CLAIM_CODE_ALPHABET[randomInt(CLAIM_CODE_ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
