import { describe, expect, it } from 'vitest';
import { validateCatalog } from './load.ts';
import { indexCatalog, structuralProblems, type Build } from './build.ts';
import { violations } from './evaluate.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';

const index = indexCatalog(validateCatalog(miniCatalog(), 'mini.json'));
const ruleIds = (build: Build) => violations(index, build).map((v) => v.rule);

const good: Build = {
  cpu: { 'cpu-amd': 1 },
  board: { 'mb-b650': 1 },
  psu: { 'psu-450': 1 },
  disk: { 'ssd-1tb': 1 },
};

describe('violations', () => {
  it('accepts a valid build', () => {
    expect(structuralProblems(index, good, true)).toEqual([]);
    expect(violations(index, good)).toEqual([]);
  });

  it('checks attribute compatibility between slots', () => {
    expect(ruleIds({ ...good, board: { 'mb-z790': 1 } })).toEqual(['socket-match']);
  });

  it('checks requires with an empty-slot condition', () => {
    expect(
      ruleIds({ ...good, cpu: { 'cpu-intel': 1 }, board: { 'mb-z790': 1 }, psu: { 'psu-850': 1 } }),
    ).toEqual(['no-gpu-needs-igpu']);
  });

  it('sums resources with quantities against a factor of another slot', () => {
    // 250 + 200 + 5 = 455 W > 0.8 × 450 W
    const build: Build = {
      ...good,
      cpu: { 'cpu-intel': 1 },
      board: { 'mb-z790': 1 },
      gpu: { 'gpu-4070': 1 },
    };
    expect(ruleIds(build)).toEqual(['power']);
    expect(ruleIds({ ...build, psu: { 'psu-850': 1 } })).toEqual([]);
    // two NVMe drives need two M.2 slots; the B650 has one
    expect(ruleIds({ ...good, disk: { 'ssd-1tb': 2 } })).toEqual(['m2-slots']);
  });

  it('checks excludes across multi slots and uses the catalog message', () => {
    const found = violations(index, { ...good, disk: { 'hdd-4tb': 1 }, extras: { wifi: 1 } });
    expect(found).toEqual([{ rule: 'no-hdd-with-wifi', message: 'The HDD cage blocks the Wi-Fi card' }]);
  });

  it('makes a package force its included options', () => {
    expect(ruleIds({ ...good, extras: { 'pack-gamer': 1 } })).toEqual(['package:gamer']);
    expect(
      ruleIds({ ...good, extras: { 'pack-gamer': 1 }, gpu: { 'gpu-4070': 1 }, psu: { 'psu-850': 1 } }),
    ).toEqual([]);
  });
});

describe('structuralProblems', () => {
  it('names missing single slots only for complete builds', () => {
    const partial: Build = { cpu: { 'cpu-amd': 1 } };
    expect(structuralProblems(index, partial, false)).toEqual([]);
    expect(structuralProblems(index, partial, true).map((p) => p.slot)).toEqual(['board', 'psu', 'disk']);
  });

  it('refuses unknown slots, foreign options, two options in a single slot and quantities out of bounds', () => {
    const bad: Build = {
      cooler: { x: 1 },
      cpu: { 'cpu-amd': 1, 'cpu-intel': 1 },
      board: { 'psu-450': 1 },
      disk: { 'ssd-1tb': 2, 'hdd-4tb': 1 },
    };
    expect(structuralProblems(index, bad, false).map((p) => p.message)).toEqual([
      'unknown slot "cooler"',
      'Processor takes one option, got 2',
      '"psu-450" is not an option of Motherboard',
      'Storage: quantity must be 1–2, got 3',
    ]);
  });
});
