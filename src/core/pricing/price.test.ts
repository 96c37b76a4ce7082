import { describe, expect, it } from 'vitest';
import { indexCatalog, validateCatalog, type Build } from '../catalog/index.ts';
import { priceBuild } from './price.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';

const index = indexCatalog(validateCatalog(miniCatalog(), 'mini.json'));

describe('priceBuild', () => {
  it('adds the base price and each option times its quantity, in cents', () => {
    const build: Build = {
      cpu: { 'cpu-amd': 1 },
      board: { 'mb-b650': 1 },
      psu: { 'psu-450': 1 },
      disk: { 'ssd-1tb': 2 },
    };
    const price = priceBuild(index, build);
    expect(price.currency).toBe('EUR');
    expect(price.totalCents).toBe((50 + 200 + 150 + 60 + 2 * 80) * 100);
    expect(price.lines.find((l) => l.ref === 'ssd-1tb')).toMatchObject({ quantity: 2, amountCents: 16_000 });
  });

  it('prices options included by a package at zero and applies price rules', () => {
    const build: Build = {
      cpu: { 'cpu-intel': 1 },
      board: { 'mb-z790': 1 },
      psu: { 'psu-850': 1 },
      disk: { 'ssd-1tb': 1 },
      gpu: { 'gpu-4070': 1 },
      extras: { 'pack-gamer': 1 },
    };
    const price = priceBuild(index, build);
    expect(price.lines.find((l) => l.ref === 'gpu-4070')).toMatchObject({ kind: 'included', amountCents: 0 });
    expect(price.lines.find((l) => l.ref === 'big-psu-deal')).toMatchObject({
      kind: 'rule',
      amountCents: -2000,
    });
    expect(price.totalCents).toBe((50 + 500 + 250 + 120 + 80 + 700 - 20) * 100);
  });
});
