import type { Build } from '../../core/catalog/build.ts';
import {
  base,
  chosenIn,
  flag,
  MM,
  num,
  oneOf,
  str,
  type Part,
  type PcFormFactor,
  type SceneCatalog,
} from './part-types.ts';

const formFactors: Record<number, PcFormFactor> = { 1: 'Mini-ITX', 2: 'Micro-ATX', 3: 'ATX', 4: 'E-ATX' };
/** Board outlines (depth × height) by form factor, in mm (the standards' sizes). */
const boardSizes: Record<PcFormFactor, [number, number]> = {
  'Mini-ITX': [170, 170],
  'Micro-ATX': [244, 244],
  ATX: [244, 305],
  'E-ATX': [330, 305],
};
/** Typical case outlines (width × height × depth) per largest board, in mm. */
const caseSizes: Record<PcFormFactor, [number, number, number]> = {
  'Mini-ITX': [185, 370, 330],
  'Micro-ATX': [210, 420, 400],
  ATX: [230, 470, 460],
  'E-ATX': [285, 500, 480],
};

/** The PC's parts: case, board, cooler, memory, GPU, drives, PSU. */
export function pcParts(catalog: SceneCatalog, build: Build): Part[] {
  const parts: Part[] = [];
  const one = (slot: string) => chosenIn(catalog, build, slot)[0];

  const chassis = one('case');
  if (chassis) {
    const { option } = chassis;
    const formFactor = formFactors[num(option.attributes.maxBoardSize, 3)] ?? 'ATX';
    const [w, h, d] = caseSizes[formFactor];
    parts.push({
      ...base('case', option),
      kind: 'case',
      formFactor,
      size: [w * MM, h * MM, d * MM],
      color: str(option.visual?.color, '#1a1a1c'),
      accent: str(option.visual?.accent, '#0d0d0f'),
      glass: option.visual?.glass !== false,
      front: oneOf(option.visual?.front, ['mesh', 'solid', 'wood', 'glass'] as const, 'mesh'),
    });
  }

  const board = one('motherboard');
  if (board) {
    const { option } = board;
    const formFactor = formFactors[num(option.attributes.boardSize, 3)] ?? 'ATX';
    const [d, h] = boardSizes[formFactor];
    parts.push({
      ...base('motherboard', option),
      kind: 'motherboard',
      formFactor,
      size: [d * MM, h * MM],
      color: str(option.visual?.color, '#1b1d21'),
      accent: str(option.visual?.accent, '#4a4e55'),
      memorySlots: num(option.attributes.memorySlots, 4),
    });
  }

  const cooler = one('cooler');
  if (cooler) {
    const { option } = cooler;
    const radiator = num(option.attributes.radiator, 0);
    const height = num(option.attributes.coolerHeight, 120);
    const derived = radiator > 0 ? 'liquid' : height <= 80 ? 'low-profile' : 'tower';
    const type = oneOf(option.visual?.type, ['tower', 'low-profile', 'liquid'] as const, derived);
    parts.push({
      ...base('cooler', option),
      kind: 'cooler',
      type,
      height: height * MM,
      radiator: radiator * MM,
      fans: type === 'liquid' ? Math.max(1, Math.round(radiator / 120)) : num(option.visual?.fans, 1),
      color: str(option.visual?.color, '#1c1c1e'),
      fin: str(option.visual?.fin, '#b8bcc2'),
      rgb: flag(option, 'rgb'),
    });
  }

  const memory = one('memory');
  if (memory) {
    const { option, qty } = memory;
    const rgb = flag(option, 'rgb');
    parts.push({
      ...base('memory', option),
      kind: 'memory',
      count: num(option.attributes.sticks, 1) * qty,
      height: (rgb ? 44 : 34) * MM,
      color: str(option.visual?.color, '#151515'),
      rgb,
    });
  }

  const gpu = one('gpu');
  if (gpu) {
    const { option } = gpu;
    const length = num(option.attributes.gpuLength, 250);
    parts.push({
      ...base('gpu', option),
      kind: 'gpu',
      length: length * MM,
      height: (length > 300 ? 140 : 120) * MM,
      thickness: (length > 300 ? 60 : 45) * MM,
      fans: num(option.visual?.fans, length > 290 ? 3 : 2),
      color: str(option.visual?.color, '#1f2024'),
      accent: str(option.visual?.accent, '#6b7078'),
    });
  }

  for (const slot of ['storage', 'storage2', 'storage3'])
    for (const { option } of chosenIn(catalog, build, slot)) {
      const form =
        num(option.attributes.hdd, 0) > 0 ? '3.5' : num(option.attributes.bay, 0) > 0 ? '2.5' : 'm2';
      const size: [number, number, number] =
        form === '3.5' ? [102, 26, 147] : form === '2.5' ? [70, 7, 100] : [22, 3, 80];
      parts.push({
        ...base(slot, option, `${slot}:${option.id}`),
        kind: 'drive',
        form,
        size: [size[0] * MM, size[1] * MM, size[2] * MM],
        color: str(option.visual?.color, form === '3.5' ? '#a7abb0' : form === '2.5' ? '#2b2d31' : '#16171a'),
      });
    }

  const psu = one('psu');
  if (psu) {
    const { option } = psu;
    const sfx = num(option.attributes.psuSize, 2) === 1;
    const size: [number, number, number] = sfx ? [125, 63.5, 100] : [150, 86, 160];
    parts.push({
      ...base('psu', option),
      kind: 'psu',
      form: sfx ? 'SFX' : 'ATX',
      size: [size[0] * MM, size[1] * MM, size[2] * MM],
      color: str(option.visual?.color, '#161618'),
    });
  }
  return parts;
}
