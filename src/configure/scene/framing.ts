import type { Part } from './parts.ts';

/** Where the camera starts (and returns on "Reset view") for each product, sized to the product. */
export interface Framing {
  position: [number, number, number];
  target: [number, number, number];
  minDistance: number;
  maxDistance: number;
  /** size of the studio (light placement) */
  shadow: { scale: number };
}

const carFraming: Framing = {
  position: [5.4, 2.1, 5.0],
  target: [0, 0.65, 0],
  minDistance: 3,
  maxDistance: 14,
  shadow: { scale: 10 },
};

const framings: Record<string, Framing> = {
  pc: {
    position: [0.9, 0.32, 0.46],
    target: [0, 0.23, 0],
    minDistance: 0.45,
    maxDistance: 3,
    shadow: { scale: 1.6 },
  },
  car: carFraming,
};

export function framingFor(product: string): Framing {
  return framings[product] ?? carFraming;
}

/** The product's footprint on the floor (x by z, metres), for its shadow. */
export function footprintOf(parts: readonly Part[]): [number, number] {
  for (const part of parts) {
    if (part.kind === 'case') return [part.size[0], part.size[2]];
    if (part.kind === 'body') return [part.length, part.width];
  }
  return [0.3, 0.3];
}
