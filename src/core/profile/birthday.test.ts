import { describe, expect, it } from 'vitest';
import { hasBirthdayDiscount } from './discounts.ts';

const now = '2026-12-06T10:00:00.000Z';
const birthday = '1990-12-24';

describe('the birthday discount', () => {
  it('is refused for a birthday typed at sign-up the same day, or anywhere in the birthday month', () => {
    expect(hasBirthdayDiscount({ birthday, setAt: '2026-12-06T09:59:00.000Z', confirmedAt: null }, now)).toBe(
      false,
    );
    expect(hasBirthdayDiscount({ birthday, setAt: '2026-12-01T00:00:00.000Z', confirmedAt: null }, now)).toBe(
      false,
    );
  });

  it('applies to a birthday given before the month began', () => {
    expect(hasBirthdayDiscount({ birthday, setAt: '2026-11-30T23:59:59.999Z', confirmedAt: null }, now)).toBe(
      true,
    );
  });

  it('applies to a birthday confirmed in the store, whenever it was given', () => {
    expect(
      hasBirthdayDiscount(
        { birthday, setAt: '2026-12-06T09:00:00.000Z', confirmedAt: '2026-12-06T09:00:00.000Z' },
        now,
      ),
    ).toBe(true);
  });

  it('is never given outside the birthday month, nor without a birthday or without knowing when it was given', () => {
    const confirmed = { setAt: '2020-01-01T00:00:00.000Z', confirmedAt: '2020-01-01T00:00:00.000Z' };
    expect(hasBirthdayDiscount({ birthday: '1990-11-24', ...confirmed }, now)).toBe(false);
    expect(hasBirthdayDiscount({ birthday: null, ...confirmed }, now)).toBe(false);
    expect(hasBirthdayDiscount({ birthday, setAt: null, confirmedAt: null }, now)).toBe(false);
  });
});
