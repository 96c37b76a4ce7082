import type { Build } from '../../core/catalog/build.ts';
import {
  base,
  chosenIn,
  flag,
  INCH,
  MM,
  num,
  oneOf,
  str,
  type BodyStyle,
  type PaintFinish,
  type PaintMaterial,
  type Part,
  type SceneCatalog,
  type TrimStyle,
} from './part-types.ts';

/** Material settings per finish; exported so the scene can compile every finish's shader ahead of the click. */
export const finishes: Record<PaintFinish, Omit<PaintMaterial, 'color' | 'finish'>> = {
  solid: { roughness: 0.32, metalness: 0, clearcoat: 1, clearcoatRoughness: 0.06, iridescence: 0 },
  metallic: { roughness: 0.38, metalness: 0.65, clearcoat: 1, clearcoatRoughness: 0.04, iridescence: 0 },
  pearl: { roughness: 0.3, metalness: 0.35, clearcoat: 1, clearcoatRoughness: 0.03, iridescence: 0.45 },
  matte: { roughness: 0.78, metalness: 0.25, clearcoat: 0, clearcoatRoughness: 1, iridescence: 0 },
};

/** Exterior dimensions (length, width, height, wheelbase) per body style, in mm. */
const bodies: Record<BodyStyle, [number, number, number, number]> = {
  hatchback: [4310, 1800, 1450, 2650],
  estate: [4600, 1800, 1470, 2650],
  suv: [4395, 1850, 1620, 2680],
  'coupe-suv': [4420, 1850, 1570, 2680],
};

const trimColors: Record<TrimStyle, string> = { plain: '#2a2c30', chrome: '#d9dce0', black: '#0c0c0e' };

/** Tyre outer diameter and width from "225/40 R18" (metres); estimated when the hint is missing. */
function tyreSize(spec: unknown, inches: number): { diameter: number; width: number } {
  const match = typeof spec === 'string' ? /^(\d{3})\/(\d{2})\s*R(\d{2})$/.exec(spec) : null;
  if (!match) return { diameter: 0.66, width: 0.215 };
  const width = Number(match[1]) * MM;
  return { diameter: inches * INCH + 2 * width * (Number(match[2]) / 100), width };
}

/** The car's parts: body and paint, wheels, interior, package details. */
export function carParts(catalog: SceneCatalog, build: Build): Part[] {
  const parts: Part[] = [];
  const one = (slot: string) => chosenIn(catalog, build, slot)[0]?.option;
  const extras = ['packages', 'comfort', 'assist'].flatMap((slot) =>
    chosenIn(catalog, build, slot).map(({ option }) => ({ slot, option })),
  );

  const model = one('model');
  let paintColor = '#8d9096';
  const trimOption = one('trim');
  const black = extras.find(({ option }) => option.visual?.trim === 'black');
  const trim = oneOf(
    black?.option.visual?.trim ?? trimOption?.visual?.trim,
    ['plain', 'chrome', 'black'] as const,
    'plain',
  );
  if (model) {
    const body = oneOf(
      model.attributes.body,
      ['hatchback', 'estate', 'suv', 'coupe-suv'] as const,
      'hatchback',
    );
    const [length, width, height, wheelbase] = bodies[body];
    const paintOption = one('paint');
    const finish = oneOf(
      paintOption?.visual?.finish ?? paintOption?.attributes.finish,
      ['solid', 'metallic', 'pearl', 'matte'] as const,
      'solid',
    );
    paintColor = str(paintOption?.visual?.color, paintColor);
    parts.push({
      ...base('model', model),
      label: paintOption ? `${model.name}, ${paintOption.name}` : model.name,
      kind: 'body',
      body,
      length: length * MM,
      width: width * MM,
      height: height * MM,
      wheelbase: wheelbase * MM,
      paint: { color: paintColor, finish, ...finishes[finish] },
      trim,
      trimColor: trimColors[trim],
    });
    if (flag(model, 'roofRails'))
      parts.push({
        ...base('model', model, 'detail:roof-rails'),
        label: 'Roof rails',
        kind: 'detail',
        detail: 'roof-rails',
        color: trim === 'chrome' ? '#b9bcc0' : '#151517',
      });
  }

  const wheels = one('wheels');
  if (wheels) {
    const inches = num(wheels.attributes.wheelSize ?? wheels.visual?.size, 17);
    const tyre = tyreSize(wheels.visual?.tyre, inches);
    const style = oneOf(wheels.attributes.wheelStyle, ['steel', 'alloy', 'aero', 'sport'] as const, 'alloy');
    const color = str(wheels.visual?.color, '#c4c7cb');
    parts.push({
      ...base('wheels', wheels),
      kind: 'wheels',
      style,
      inches,
      count: 4,
      rimDiameter: inches * INCH,
      tyreDiameter: tyre.diameter,
      tyreWidth: tyre.width,
      spokes: num(wheels.visual?.spokes, style === 'sport' ? 10 : style === 'alloy' ? 5 : 0),
      color,
      accent: str(wheels.visual?.accent, color),
    });
  }

  const interior = one('interior');
  if (interior)
    parts.push({
      ...base('interior', interior),
      kind: 'interior',
      color: str(interior.visual?.color, '#1a1a1a'),
    });

  const details: [string, Extract<Part, { kind: 'detail' }>['detail'], string, string][] = [
    ['spoiler', 'spoiler', 'Roof spoiler', paintColor],
    ['diffuser', 'diffuser', 'Rear diffuser', '#141416'],
    ['glassRoof', 'panoramic-roof', 'Panoramic glass roof', '#0d1116'],
    ['towBar', 'tow-bar', 'Tow bar', '#202124'],
    ['lightBar', 'light-bar', 'Matrix LED light bar', '#f4f7ff'],
  ];
  for (const [hint, detail, name, color] of details) {
    const source = extras.find(({ option }) => flag(option, hint));
    if (!source) continue;
    parts.push({
      ...base(source.slot, source.option, `detail:${detail}`),
      label: `${name} (${source.option.name})`,
      kind: 'detail',
      detail,
      color,
    });
  }
  return parts;
}
