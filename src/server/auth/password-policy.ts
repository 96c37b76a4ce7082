import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The common-password list of zxcvbn-ts (MIT; Dropbox's zxcvbn lists, drawn from leaked-password corpora), ~49k
 * entries, kept on the server: it is ~380 kB, too much for the sign-up page. Only entries of 8+ characters matter,
 * shorter ones fail the length rule first (contract/auth.schema.ts).
 */
const common = new Set(
  dictionary['passwords-common'].filter((p) => p.length >= 8).map((p) => p.toLowerCase()),
);

/** Case-insensitive: "Password1" is as guessable as "password1". */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}
