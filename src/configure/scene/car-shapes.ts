import { ExtrudeGeometry, Shape } from 'three';
import type { BodyStyle } from './parts.ts';

/**
 * Side profiles of the car bodies (x: length, front at +x; y: up), extruded across the width. Proportions are
 * per body style; the wheel arches follow the chosen wheels so bigger wheels fill them.
 */
export interface CarDims {
  body: BodyStyle;
  length: number;
  width: number;
  height: number;
  wheelbase: number;
  wheelRadius: number;
}

export interface CarLayout {
  frontAxle: number;
  rearAxle: number;
  clearance: number;
  belt: number;
  /** windscreen base, roof front, roof rear, tail-glass base (x) */
  screenBase: number;
  roofFront: number;
  roofRear: number;
  tailBase: number;
  /** height of the tail glass base and of the boot lid / bumper top at the very rear */
  tailY: number;
  hoodY: number;
}

const FRONT_OVERHANG = 0.88;
export const BEVEL = 0.06;

export function carLayout(d: CarDims): CarLayout {
  const half = d.length / 2;
  const frontAxle = half - FRONT_OVERHANG;
  const rearAxle = frontAxle - d.wheelbase;
  const tall = d.body === 'suv' || d.body === 'coupe-suv';
  const clearance = tall ? 0.2 : 0.15;
  const belt = tall ? 1.0 : 0.9;
  const screenBase = frontAxle - (tall ? 0.5 : 0.55);
  const roofFront = screenBase - (tall ? 0.72 : 0.85);
  const shape = {
    hatchback: { roofRear: rearAxle + 0.05, tailBase: -half + 0.16, tailY: belt + 0.04 },
    estate: { roofRear: -half + 0.3, tailBase: -half + 0.08, tailY: belt + 0.02 },
    suv: { roofRear: -half + 0.32, tailBase: -half + 0.12, tailY: belt + 0.04 },
    'coupe-suv': { roofRear: rearAxle + 0.5, tailBase: -half + 0.22, tailY: belt + 0.1 },
  }[d.body];
  return {
    frontAxle,
    rearAxle,
    clearance,
    belt,
    screenBase,
    roofFront,
    hoodY: belt - (tall ? 0.17 : 0.2),
    ...shape,
  };
}

/** The painted lower body: bumpers, bonnet, flanks to the beltline, with arches cut for the wheels. */
export function lowerBodyShape(d: CarDims, l: CarLayout): Shape {
  const half = d.length / 2 - BEVEL;
  const bottom = l.clearance + BEVEL;
  const arch = d.wheelRadius + 0.05 + BEVEL;
  const axleY = d.wheelRadius;
  const dx = Math.sqrt(Math.max(arch * arch - (bottom - axleY) ** 2, 0));
  const start = Math.atan2(bottom - axleY, dx);
  const s = new Shape();
  s.moveTo(half - 0.1, bottom + 0.04);
  s.lineTo(l.frontAxle + dx, bottom);
  s.absarc(l.frontAxle, axleY, arch, start, Math.PI - start, false);
  s.lineTo(l.rearAxle + dx, bottom);
  s.absarc(l.rearAxle, axleY, arch, start, Math.PI - start, false);
  s.lineTo(-half + 0.12, bottom + 0.02);
  s.quadraticCurveTo(-half, bottom + 0.04, -half, bottom + 0.2);
  s.lineTo(-half + 0.02, l.tailY - BEVEL - 0.05);
  s.quadraticCurveTo(-half + 0.03, l.tailY - BEVEL, -half + 0.12, l.tailY - BEVEL);
  s.lineTo(l.tailBase, l.belt - BEVEL + 0.02);
  s.lineTo(l.screenBase, l.belt - BEVEL);
  // the bonnet falls toward a rounded nose
  s.quadraticCurveTo(half - 0.55, l.belt - BEVEL - 0.05, half - 0.12, l.hoodY - BEVEL);
  s.quadraticCurveTo(half + 0.01, l.hoodY - BEVEL - 0.03, half, l.hoodY - BEVEL - 0.18);
  s.lineTo(half, bottom + 0.15);
  s.quadraticCurveTo(half, bottom + 0.04, half - 0.1, bottom + 0.04);
  return s;
}

/** The glasshouse: windscreen, side windows and tail glass from the beltline to the roof. */
export function cabinShape(d: CarDims, l: CarLayout): Shape {
  const roof = d.height - BEVEL;
  const s = new Shape();
  s.moveTo(l.screenBase - 0.02, l.belt - 0.02);
  s.quadraticCurveTo(l.roofFront + 0.25, roof - 0.03, l.roofFront, roof);
  s.quadraticCurveTo((l.roofFront + l.roofRear) / 2, roof + 0.03, l.roofRear, roof - 0.01);
  if (d.body === 'coupe-suv') s.quadraticCurveTo(l.roofRear - 0.55, roof - 0.1, l.tailBase + 0.02, l.tailY);
  else s.quadraticCurveTo(l.roofRear - 0.12, roof - 0.03, l.tailBase + 0.02, l.tailY);
  s.lineTo(l.tailBase + 0.02, l.belt - 0.02);
  s.lineTo(l.screenBase - 0.02, l.belt - 0.02);
  return s;
}

/** The painted (or glass) roof skin over the cabin. */
export function roofShape(d: CarDims, l: CarLayout): Shape {
  const roof = d.height - BEVEL + 0.008;
  const front = l.roofFront + 0.03;
  const rear = l.roofRear - (d.body === 'coupe-suv' ? 0.05 : 0.02);
  const s = new Shape();
  s.moveTo(front, roof - 0.05);
  s.quadraticCurveTo((front + rear) / 2, roof - 0.02, rear, roof - 0.06);
  s.lineTo(rear, roof - 0.01);
  s.quadraticCurveTo((front + rear) / 2, roof + 0.03, front, roof);
  s.lineTo(front, roof - 0.05);
  return s;
}

/** Extrudes a side profile across `width`, centred on z = 0, with rounded edges. */
export function extrudeAcross(shape: Shape, width: number, bevel = BEVEL): ExtrudeGeometry {
  const depth = Math.max(width - 2 * bevel, 0.01);
  const geometry = new ExtrudeGeometry(shape, {
    depth,
    bevelEnabled: bevel > 0,
    bevelThickness: bevel,
    bevelSize: bevel,
    bevelSegments: 5,
    curveSegments: 24,
  });
  geometry.translate(0, 0, -depth / 2);
  geometry.computeVertexNormals();
  return geometry;
}
