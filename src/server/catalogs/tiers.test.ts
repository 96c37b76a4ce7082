import { describe, expect, it } from 'vitest';
import { ConfigError, loadTiersConfig, parseTiersConfig } from './tiers.ts';

describe('configs/tiers.json', () => {
  it('loads', async () => {
    const config = await loadTiersConfig('configs/tiers.json');
    expect(Object.keys(config.tiers).sort()).toEqual(['bzc', 'mgc', 'mvc', 'normal']);
  });

  it('names the file and the JSON path of each problem', () => {
    const broken = JSON.stringify({
      format: 1,
      windowDays: 10,
      tiers: { mvc: { discountAuthorityPercent: 140 } },
    });
    let error: unknown;
    try {
      parseTiersConfig(broken, 'configs/tiers.json');
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ConfigError)) throw new Error('expected a ConfigError');
    expect(error.message).toMatch(/^configs\/tiers\.json: invalid tiers config/);
    expect(error.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['$.windowDays', '$.tiers.mvc.discountAuthorityPercent', '$.serviceCostCents']),
    );
    expect(() => parseTiersConfig('{oops', 'x.json')).toThrow(ConfigError);
  });
});
