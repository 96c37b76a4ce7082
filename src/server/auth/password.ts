import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// OWASP's scrypt baseline (N=2^14, r=8, p=1): ~50 ms per hash here, 16 MiB of memory.
const N = 16384;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128·N·r, which grows with the stored N; allow twice that.
    scrypt(
      password,
      salt,
      keyLength,
      { ...options, maxmem: 256 * (options.N ?? N) * (options.r ?? r) },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** Hashes with a fresh random salt. @returns `scrypt$N$r$p$salt$hash` (salt and hash base64), safe to store. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r, p }, KEY_LENGTH);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Checks a password against a stored hash, using the hash's own parameters (so old hashes keep working after the
 * defaults change). @returns false for a wrong password and for a malformed or unknown-format hash; never throws.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [cost, blockSize, parallel] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (!cost || !blockSize || !parallel || salt.length === 0 || expected.length === 0) return false;
  try {
    const key = await derive(password, salt, { N: cost, r: blockSize, p: parallel }, expected.length);
    return timingSafeEqual(key, expected);
  } catch {
    return false; // e.g. N not a power of two in a tampered hash
  }
}
