import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_OVERRIDES } from '../../src/core/profile/preference-keys.ts';
import { testDatabases } from './databases.ts';
import { signUp, useApp } from './harness.ts';

describe.each(testDatabases)('preference corrections on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);
  const put = (jar: string, key: string, value: number | null = 0.8) =>
    h().app.inject({
      method: 'PUT',
      url: '/api/me/preferences/overrides',
      headers: { cookie: jar },
      payload: { key, value },
    });
  const storedProfile = async () =>
    (await h().db.selectFrom('customer_preferences').select('profile').executeTakeFirst())?.profile ?? null;

  test('500 made-up keys are refused with 400 naming body.key, and the stored profile is unchanged', async () => {
    const { jar } = await signUp(h().app);
    expect((await put(jar, 'pc/attr/gpuBrand/NVIDIA')).statusCode).toBe(200);
    const before = await storedProfile();
    const keys = fc.sample(
      fc.oneof(
        fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/).map((v) => `pc/attr/gpuBrand/${v}`),
        fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/).map((v) => `pc/slot/gpu/${v}`),
        fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/).map((v) => `pc/price/${v}`),
        fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/).map((v) => `${v}/price/gpu`),
      ),
      { numRuns: 500, seed: 19 },
    );
    for (const key of keys) {
      const res = await put(jar, key);
      expect(res.statusCode, key).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'unknown_preference_key' });
      expect(res.json().error.issues[0].path).toBe('body.key');
    }
    expect(await storedProfile()).toBe(before);
  });

  test('the message names what is unknown; removing a key needs no check; a real key is accepted', async () => {
    const { jar } = await signUp(h().app);
    const res = await put(jar, 'pc/slot/gpu/gpu-imaginary');
    expect(res.json().error.message).toBe(
      'Unknown preference "pc/slot/gpu/gpu-imaginary": slot "gpu" has no option "gpu-imaginary".',
    );
    expect((await put(jar, 'boat/price/hull')).json().error.issues[0]).toEqual({
      path: 'body.key',
      message: 'no catalog "boat"',
    });
    expect((await put(jar, 'pc/slot/gpu/gpu-imaginary', null)).statusCode).toBe(200);
    expect((await put(jar, 'pc/price/gpu', 0.2)).statusCode).toBe(200);
  });

  test(`a profile keeps at most ${MAX_OVERRIDES} corrections`, async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    expect((await put(jar, 'pc/price/gpu', 0.2)).statusCode).toBe(200);
    // Fill the profile to the cap directly (the catalogs offer fewer real keys than that).
    const row = await db.selectFrom('customer_preferences').selectAll().executeTakeFirstOrThrow();
    const profile = JSON.parse(row.profile) as { overrides: Record<string, number> };
    for (let i = 0; Object.keys(profile.overrides).length < MAX_OVERRIDES; i++)
      profile.overrides[`pc/price/legacy-${i}`] = 0.5;
    await db
      .updateTable('customer_preferences')
      .set({ profile: JSON.stringify(profile) })
      .where('customer_id', '=', row.customer_id)
      .execute();
    const full = await put(jar, 'pc/attr/gpuBrand/AMD');
    expect(full.statusCode).toBe(400);
    expect(full.json().error.code).toBe('too_many_overrides');
    // Changing one already there is fine.
    expect((await put(jar, 'pc/price/gpu', 0.9)).statusCode).toBe(200);
  });
});
