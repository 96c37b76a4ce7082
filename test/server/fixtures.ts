import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Two small catalogs in the file format, standing in for configs/catalogs/{pc,car}.json in server tests: enough
 * slot kinds, attributes and a rule to exercise loading, listing and seeding, small enough to read at a glance.
 */
export const miniPc = {
  format: 1,
  id: 'mini-pc',
  version: '2026.11.0',
  name: 'Mini PC',
  description: 'A small test PC',
  currency: 'EUR',
  basePrice: 100,
  attributes: { socket: { type: 'enum', label: 'Socket', values: ['am5', 'lga1700'] } },
  groups: [{ id: 'core', name: 'Core' }],
  slots: [
    {
      id: 'cpu',
      name: 'Processor',
      group: 'core',
      kind: 'single',
      options: [
        { id: 'ryzen-5', name: 'Ryzen 5', price: 200, cost: 150, attributes: { socket: 'am5' } },
        { id: 'core-i5', name: 'Core i5', price: 210, cost: 160, attributes: { socket: 'lga1700' } },
      ],
    },
    {
      id: 'board',
      name: 'Motherboard',
      group: 'core',
      kind: 'single',
      options: [
        { id: 'b650', name: 'B650', price: 150, attributes: { socket: 'am5' } },
        { id: 'b760', name: 'B760', price: 140, attributes: { socket: 'lga1700' } },
      ],
    },
    {
      id: 'wifi',
      name: 'Wi-Fi card',
      group: 'core',
      kind: 'optional',
      options: [{ id: 'wifi-7', name: 'Wi-Fi 7', price: 40 }],
    },
  ],
  rules: [
    {
      id: 'socket-match',
      kind: 'compatible',
      left: { slot: 'cpu', attr: 'socket' },
      op: '==',
      right: { slot: 'board', attr: 'socket' },
    },
  ],
};

export const tinyCar = {
  format: 1,
  id: 'tiny-car',
  version: '2026.11.2',
  name: 'Tiny Car',
  description: 'A small test car',
  currency: 'GBP',
  attributes: {},
  groups: [{ id: 'body', name: 'Body' }],
  slots: [
    {
      id: 'paint',
      name: 'Paint',
      group: 'body',
      kind: 'single',
      options: [
        { id: 'red', name: 'Red', price: 0 },
        { id: 'blue', name: 'Blue', price: 500 },
        { id: 'black', name: 'Black', price: 700 },
      ],
    },
  ],
};

export interface TempDir {
  dir: string;
  remove(): Promise<void>;
}

/** A fresh directory holding the given files (name → text or JSON value). */
export async function tempCatalogDir(files: Record<string, unknown>): Promise<TempDir> {
  const dir = await mkdtemp(join(tmpdir(), 'catalogs-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(
      join(dir, name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
