import { useMemo } from 'react';
import { usePaint } from './car-paint.ts';
import type { Part as PartData } from './parts.ts';
import { Part } from './part.tsx';
import { useMaterials } from './materials.ts';
import { carLayout } from './car-shapes.ts';
import { useBodyGeometry } from './car-body.ts';
import { Wheels } from './car-wheels.tsx';
import { Details, Interior } from './car-details.tsx';

type Of<K extends PartData['kind']> = Extract<PartData, { kind: K }>;

const DEFAULT_BODY: Of<'body'> = {
  id: 'model',
  label: '',
  slot: 'model',
  option: '',
  kind: 'body',
  body: 'hatchback',
  length: 4.31,
  width: 1.8,
  height: 1.45,
  wheelbase: 2.65,
  paint: {
    color: '#8d9096',
    finish: 'metallic',
    roughness: 0.38,
    metalness: 0.65,
    clearcoat: 1,
    clearcoatRoughness: 0.04,
    iridescence: 0,
  },
  trim: 'plain',
  trimColor: '#2a2c30',
};

/** A car assembled from its parts: body by model, paint, wheels, trim and package details. */
export function CarModel({ parts }: { parts: PartData[] }) {
  const m = useMaterials();
  const pick = <K extends PartData['kind']>(kind: K) => parts.find((p): p is Of<K> => p.kind === kind);
  const body = pick('body') ?? DEFAULT_BODY;
  const wheels = pick('wheels');
  const interior = pick('interior');
  const rails = parts.find((p): p is Of<'detail'> => p.kind === 'detail' && p.detail === 'roof-rails');
  const details = new Set(parts.flatMap((p) => (p.kind === 'detail' ? [p.detail] : [])));
  const paint = usePaint(body.paint);
  const wheelRadius = (wheels?.tyreDiameter ?? 0.66) / 2;
  const dims = useMemo(
    () => ({
      body: body.body,
      length: body.length,
      width: body.width,
      height: body.height,
      wheelbase: body.wheelbase,
      wheelRadius,
    }),
    [body.body, body.length, body.width, body.height, body.wheelbase, wheelRadius],
  );
  const layout = useMemo(() => carLayout(dims), [dims]);
  const geometry = useBodyGeometry(dims, layout);
  const trim = m.surface(
    body.trimColor,
    body.trim === 'chrome' ? 0.12 : 0.5,
    body.trim === 'chrome' ? 1 : 0.3,
  );
  const black = m.surface('#0d0e10', 0.55, 0.2);
  const { width: w, length: len } = dims;
  const half = len / 2;
  const sideZ = w / 2 + 0.004;
  const glassRoof = details.has('panoramic-roof');
  return (
    <group name="car">
      <mesh name="car-body" geometry={geometry.lower} material={paint} />
      <mesh name="car-cabin" geometry={geometry.cabin} material={m.tintedGlass} />
      <mesh name="car-roof" geometry={geometry.roof} material={glassRoof ? m.tintedGlass : paint} />
      <Interior color={interior?.color ?? '#1a1a1a'} layout={layout} width={w} />
      {/* beltline and window-line trim strips, B-pillars */}
      {[-1, 1].map((side) => (
        <group key={side}>
          <Part
            name="trim-belt"
            size={[layout.screenBase - layout.tailBase, 0.018, 0.012]}
            position={[
              (layout.screenBase + layout.tailBase) / 2,
              layout.belt + 0.005,
              side * (w * 0.42 + 0.055),
            ]}
            material={trim}
          />
          <Part
            size={[0.1, dims.height - layout.belt - 0.1, 0.02]}
            position={[
              (layout.roofFront + layout.roofRear) / 2 + 0.15,
              (dims.height + layout.belt) / 2 - 0.04,
              side * (w * 0.42 + 0.04),
            ]}
            material={black}
          />
          {/* mirrors */}
          <Part
            size={[0.12, 0.09, 0.16]}
            position={[layout.screenBase - 0.05, layout.belt + 0.09, side * (sideZ + 0.02)]}
            material={body.trim === 'black' ? black : paint}
          />
          {/* door handles */}
          {[0.2, -0.75].map((dx) => (
            <Part
              key={dx}
              size={[0.14, 0.025, 0.02]}
              position={[layout.screenBase - 0.35 + dx, layout.belt - 0.12, side * sideZ]}
              material={trim}
            />
          ))}
          {/* side skirt */}
          <Part
            size={[layout.frontAxle - layout.rearAxle - 2 * wheelRadius - 0.15, 0.07, 0.03]}
            position={[
              (layout.frontAxle + layout.rearAxle) / 2,
              layout.clearance + 0.06,
              side * (sideZ - 0.005),
            ]}
            material={black}
          />
          {/* lamps */}
          <Part
            size={[0.1, 0.05, 0.36]}
            position={[half - 0.07, layout.hoodY - 0.1, side * (w / 2 - 0.26)]}
            rotation={[0, side * 0.35, 0]}
            material={m.glow('#f4f7ff', 1.6)}
          />
          <Part
            size={[0.06, 0.06, 0.24]}
            position={[-half + 0.03, layout.tailY - 0.13, side * (w / 2 - 0.19)]}
            rotation={[0, -side * 0.3, 0]}
            material={m.glow('#d0101a', 1.8)}
          />
        </group>
      ))}
      {/* upper grille in its trim surround, lower intake, number plates */}
      <Part size={[0.025, 0.1, w * 0.52]} position={[half - 0.03, layout.hoodY - 0.2, 0]} material={trim} />
      <Part size={[0.03, 0.075, w * 0.5]} position={[half - 0.025, layout.hoodY - 0.2, 0]} material={black} />
      <Part
        size={[0.04, 0.1, w * 0.62]}
        position={[half - 0.02, layout.clearance + 0.13, 0]}
        material={black}
      />
      <Part
        size={[0.02, 0.11, 0.52]}
        position={[half + 0.005, layout.clearance + 0.3, 0]}
        material={m.surface('#f2f2ef', 0.5)}
      />
      <Part
        size={[0.02, 0.11, 0.52]}
        position={[-half - 0.005, layout.tailY - 0.32, 0]}
        material={m.surface('#f2f2ef', 0.5)}
      />
      <Part
        size={[0.03, 0.04, w * 0.5]}
        position={[half - 0.03, layout.hoodY - 0.1, 0]}
        material={details.has('light-bar') ? m.glow('#f4f7ff', 2.2) : black}
      />
      {/* rear light strip across the tailgate */}
      <Part
        size={[0.03, 0.03, w * 0.7]}
        position={[-half + 0.01, layout.tailY - 0.14, 0]}
        material={m.glow('#b00d16', 1.4)}
      />
      <Wheels wheels={wheels} layout={layout} width={w} radius={wheelRadius} />
      <Details
        details={details}
        paint={paint}
        trim={trim}
        layout={layout}
        dims={dims}
        roofColor={rails?.color}
      />
    </group>
  );
}
