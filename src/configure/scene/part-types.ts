import type { Build } from '../../core/catalog/build.ts';
import type { AttributeValue } from '../../core/catalog/schema.ts';

/**
 * What the 3D scene draws for a build, in metres, derived only from the chosen options' attributes and `visual`
 * hints. Pure: the scene lays these parts out; the 2D fallback lists them. Validity is the engine's business —
 * an invalid or partial build still yields whatever parts its choices describe.
 */

/** The catalog as far as the scene needs it; both the file format and the public API response fit. */
export interface SceneCatalog {
  id: string;
  slots: readonly {
    id: string;
    options: readonly {
      id: string;
      name: string;
      attributes: Record<string, AttributeValue>;
      visual?: Record<string, string | number | boolean> | undefined;
    }[];
  }[];
}

export type Chosen = SceneCatalog['slots'][number]['options'][number];

export interface PartBase {
  /** Unique within one result; stable across builds so the scene can keep meshes mounted. */
  id: string;
  /** The option it shows (parts-summary.tsx names it in the shopper's language). */
  slot: string;
  option: string;
}

export type PcFormFactor = 'Mini-ITX' | 'Micro-ATX' | 'ATX' | 'E-ATX';
export type PaintFinish = 'solid' | 'metallic' | 'pearl' | 'matte';
export type BodyStyle = 'hatchback' | 'estate' | 'suv' | 'coupe-suv';
export type TrimStyle = 'plain' | 'chrome' | 'black';

/** Physically based material settings for a paint finish. */
export interface PaintMaterial {
  color: string;
  finish: PaintFinish;
  roughness: number;
  metalness: number;
  clearcoat: number;
  clearcoatRoughness: number;
  iridescence: number;
}

export type Part =
  | (PartBase & {
      kind: 'case';
      formFactor: PcFormFactor;
      /** width (x, glass side), height (y), depth (z, front) */
      size: [number, number, number];
      color: string;
      accent: string;
      glass: boolean;
      front: 'mesh' | 'solid' | 'wood' | 'glass';
    })
  | (PartBase & {
      kind: 'motherboard';
      formFactor: PcFormFactor;
      /** depth (z) × height (y) of the board */
      size: [number, number];
      color: string;
      accent: string;
      memorySlots: number;
    })
  | (PartBase & {
      kind: 'cooler';
      type: 'tower' | 'low-profile' | 'liquid';
      /** height above the CPU */
      height: number;
      /** liquid: radiator length, else 0 */
      radiator: number;
      fans: number;
      color: string;
      fin: string;
      rgb: boolean;
    })
  | (PartBase & { kind: 'memory'; count: number; height: number; color: string; rgb: boolean })
  | (PartBase & {
      kind: 'gpu';
      length: number;
      height: number;
      thickness: number;
      fans: number;
      color: string;
      accent: string;
    })
  | (PartBase & {
      kind: 'drive';
      form: 'm2' | '2.5' | '3.5';
      size: [number, number, number];
      color: string;
    })
  | (PartBase & { kind: 'psu'; form: 'SFX' | 'ATX'; size: [number, number, number]; color: string })
  | (PartBase & {
      kind: 'body';
      /** The paint option, named with the model. */
      paintOption: string | undefined;
      body: BodyStyle;
      length: number;
      width: number;
      height: number;
      wheelbase: number;
      paint: PaintMaterial;
      trim: TrimStyle;
      /** hex colour of the visible trim (window line, grille) */
      trimColor: string;
    })
  | (PartBase & {
      kind: 'wheels';
      style: 'steel' | 'alloy' | 'aero' | 'sport';
      inches: number;
      count: number;
      rimDiameter: number;
      tyreDiameter: number;
      tyreWidth: number;
      spokes: number;
      color: string;
      accent: string;
    })
  | (PartBase & { kind: 'interior'; color: string })
  | (PartBase & {
      kind: 'detail';
      detail: 'spoiler' | 'diffuser' | 'roof-rails' | 'panoramic-roof' | 'tow-bar' | 'light-bar';
      color: string;
    });

export const MM = 0.001;
export const INCH = 0.0254;

export function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
export function str(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
export function flag(option: Chosen, key: string): boolean {
  return option.visual?.[key] === true;
}

/** The chosen options of one slot with their quantities, in catalog order. */
export function chosenIn(
  catalog: SceneCatalog,
  build: Build,
  slotId: string,
): { option: Chosen; qty: number }[] {
  const picked = build[slotId];
  const slot = catalog.slots.find((s) => s.id === slotId);
  if (!picked || !slot) return [];
  return slot.options
    .filter((o) => (picked[o.id] ?? 0) > 0)
    .map((o) => ({ option: o, qty: picked[o.id] ?? 0 }));
}

export function base(slot: string, option: Chosen, id = slot): PartBase {
  return { id, slot, option: option.id };
}
