import type { Build } from '../../core/catalog/build.ts';
import type { Catalog, Option } from '../../core/catalog/schema.ts';

/**
 * What the quote's drawing of the product shows, read from the chosen options' `visual` hints (the same hints the
 * 3D scene reads; never used for validity): a car from the side in its paint, or a PC tower through its glass.
 * Colours are `#rrggbb`; anything missing falls back to a neutral look, so any build of these catalogs draws.
 */
export type CarBody = 'hatchback' | 'estate' | 'suv' | 'coupe-suv';

export interface CarPicture {
  kind: 'car';
  body: CarBody;
  paint: string;
  /** Window surrounds: plain, chrome or black (a package's black trim wins over the trim level's). */
  trim: string;
  wheel: string;
  spokes: number;
  /** Rim size in inches (16–20): bigger rims, thinner tyre walls. */
  wheelInches: number;
  roofRails: boolean;
  spoiler: boolean;
}

export interface PcPicture {
  kind: 'pc';
  caseColor: string;
  accent: string | null;
  /** A glass side panel shows the parts inside. */
  glass: boolean;
  front: 'mesh' | 'wood' | 'glass' | 'solid';
  board: string | null;
  memory: string | null;
  gpu: { color: string; accent: string; fans: number } | null;
  cooler: { color: string; kind: 'tower' | 'liquid' | 'low-profile' } | null;
}

export type QuotePicture = CarPicture | PcPicture;

const hex = /^#[0-9a-f]{6}$/i;
const color = (value: unknown, fallback: string): string =>
  typeof value === 'string' && hex.test(value) ? value : fallback;
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** The options chosen in `slot`, in the catalog's order. */
function chosen(catalog: Catalog, build: Build, slot: string): Option[] {
  const picked = build[slot] ?? {};
  return (catalog.slots.find((s) => s.id === slot)?.options ?? []).filter((o) => (picked[o.id] ?? 0) > 0);
}

function carPicture(catalog: Catalog, build: Build): CarPicture {
  const one = (slot: string) => chosen(catalog, build, slot)[0];
  const extras = ['packages', 'comfort', 'assist'].flatMap((slot) => chosen(catalog, build, slot));
  const model = one('model');
  const wheel = one('wheels');
  const blackTrim = extras.some((o) => o.visual?.trim === 'black');
  const size = Number(wheel?.visual?.size ?? 17);
  return {
    kind: 'car',
    body: oneOf(model?.attributes.body, ['hatchback', 'estate', 'suv', 'coupe-suv'] as const, 'hatchback'),
    paint: color(one('paint')?.visual?.color, '#8d9096'),
    trim: blackTrim
      ? 'black'
      : oneOf(one('trim')?.visual?.trim, ['plain', 'chrome', 'black'] as const, 'plain'),
    wheel: color(wheel?.visual?.color, '#b9bcc0'),
    spokes: Math.max(0, Math.min(12, Number(wheel?.visual?.spokes ?? 5) || 0)),
    wheelInches: Number.isFinite(size) ? Math.max(15, Math.min(21, size)) : 17,
    roofRails: model?.visual?.roofRails === true,
    spoiler: extras.some((o) => o.visual?.spoiler === true),
  };
}

function pcPicture(catalog: Catalog, build: Build): PcPicture {
  const one = (slot: string) => chosen(catalog, build, slot)[0];
  const pcCase = one('case');
  const gpu = one('gpu');
  const cooler = one('cooler');
  const board = one('motherboard');
  const memory = one('memory');
  return {
    kind: 'pc',
    caseColor: color(pcCase?.visual?.color, '#2b2e33'),
    accent: pcCase?.visual?.accent === undefined ? null : color(pcCase.visual.accent, '#8a5a36'),
    glass: pcCase?.visual?.glass === true,
    front: oneOf(pcCase?.visual?.front, ['mesh', 'wood', 'glass'] as const, 'solid'),
    board: board ? color(board.visual?.color, '#1a1b1d') : null,
    memory: memory ? color(memory.visual?.color, '#141414') : null,
    gpu: gpu
      ? {
          color: color(gpu.visual?.color, '#2d2f33'),
          accent: color(gpu.visual?.accent, '#6b7078'),
          fans: Math.max(1, Math.min(3, Number(gpu.visual?.fans ?? 2) || 2)),
        }
      : null,
    cooler: cooler
      ? {
          color: color(cooler.visual?.color, '#2a2c30'),
          kind: oneOf(cooler.visual?.type, ['tower', 'liquid', 'low-profile'] as const, 'tower'),
        }
      : null,
  };
}

/**
 * The drawing for a build of `catalog`: the car and the PC catalogs have one (as the 3D scene, by catalog id);
 * any other catalog has none and the quote prints without a picture.
 */
export function quotePicture(catalog: Catalog, build: Build): QuotePicture | null {
  if (catalog.id === 'car') return carPicture(catalog, build);
  if (catalog.id === 'pc') return pcPicture(catalog, build);
  return null;
}
