import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies the right password only', async () => {
    const hash = await hashPassword('demo1234');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('demo1234', hash)).toBe(true);
    expect(await verifyPassword('demo12345', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('rejects malformed or tampered hashes without throwing', async () => {
    const hash = await hashPassword('x');
    for (const bad of [
      '',
      'plain',
      'bcrypt$1$2$3$4$5',
      hash.replace('$16384$', '$1000$'),
      hash.replace(/\$[^$]+$/, '$'),
    ])
      expect(await verifyPassword('x', bad)).toBe(false);
  });
});
