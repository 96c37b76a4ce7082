import type { Part as PartData } from './parts.ts';

/** Shared layout of the PC tower: case coordinates (x: glass side, y: up, z: front), metres. */
export type Of<K extends PartData['kind']> = Extract<PartData, { kind: K }>;
export type Vec3 = [number, number, number];

export const WALL = 0.006;
export const FEET = 0.016;
export const STANDOFF = 0.012;

/** Where the board sits and where its sockets are, in case coordinates (x: glass side, y: up, z: front). */
export interface BoardFrame {
  x: number;
  top: number;
  rear: number;
  cpu: Vec3;
  pcieY: number;
}

export function boardFrame(caseSize: Vec3, board: Of<'motherboard'> | undefined): BoardFrame {
  const [w, h, d] = caseSize;
  const [bd, bh] = board?.size ?? [0.244, 0.305];
  const x = -w / 2 + WALL + STANDOFF;
  const top = FEET + h - WALL - 0.03;
  const rear = -d / 2 + WALL + 0.025;
  const cpuV = Math.min(0.095, 0.45 * bh);
  return {
    x,
    top,
    rear,
    cpu: [x, top - cpuV, rear + 0.42 * bd],
    pcieY: top - Math.min(bh - 0.03, 0.165),
  };
}

/** A PC tower assembled from its parts: case shell, board, cooler, memory, GPU, drives, PSU. */
