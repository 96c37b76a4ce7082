import { useEffect, useMemo } from 'react';
import { LatheGeometry, Vector2 } from 'three';
import type { Part as PartData } from './parts.ts';
import { Part } from './part.tsx';
import { PartInstances, type PartInstance } from './part-instances.tsx';
import { useMaterials } from './materials.ts';
import type { CarLayout } from './car-shapes.ts';

type Of<K extends PartData['kind']> = Extract<PartData, { kind: K }>;
type Vec3 = [number, number, number];

function useTyre(radius: number, rimRadius: number, width: number): LatheGeometry {
  const geometry = useMemo(() => {
    const r = radius;
    const w = width / 2;
    const round = Math.min(0.04, (r - rimRadius) / 2);
    const profile = [
      new Vector2(rimRadius, -w * 0.9),
      new Vector2(r - round, -w),
      new Vector2(r - round * 0.3, -w + round * 0.3),
      new Vector2(r, -w + round),
      new Vector2(r, w - round),
      new Vector2(r - round * 0.3, w - round * 0.3),
      new Vector2(r - round, w),
      new Vector2(rimRadius, w * 0.9),
    ];
    return new LatheGeometry(profile, 56);
  }, [radius, rimRadius, width]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return geometry;
}

export function Wheels({
  wheels,
  layout,
  width,
  radius,
}: {
  wheels: Of<'wheels'> | undefined;
  layout: CarLayout;
  width: number;
  radius: number;
}) {
  const m = useMaterials();
  const tyreWidth = wheels?.tyreWidth ?? 0.215;
  const rim = (wheels?.rimDiameter ?? 0.43) / 2;
  const tyre = useTyre(radius, rim, tyreWidth);
  const track = width / 2 - tyreWidth / 2 - 0.03;
  return (
    <group name="wheels">
      {[layout.frontAxle, layout.rearAxle].map((x) => (
        <Part
          key={`well${x}`}
          shape="cylinder"
          size={[2 * radius + 0.1, width - 0.3, 2 * radius + 0.1]}
          position={[x, radius, 0]}
          rotation={[Math.PI / 2, 0, 0]}
          material={m.surface('#08080a', 0.95)}
        />
      ))}
      {[layout.frontAxle, layout.rearAxle].flatMap((x) =>
        [-1, 1].map((side) => (
          <group
            key={`${x}${side}`}
            name="wheel"
            position={[x, radius, side * track]}
            rotation={[side > 0 ? 0 : Math.PI, 0, 0]}
          >
            <mesh geometry={tyre} material={m.rubber} rotation={[Math.PI / 2, 0, 0]} />
            {wheels && <Rim wheels={wheels} radius={rim} width={tyreWidth} />}
          </group>
        )),
      )}
    </group>
  );
}

/** The rim face by style: steel with a plain cover, closed aero discs, or 5/6/10-spoke alloys. */
function Rim({ wheels, radius, width }: { wheels: Of<'wheels'>; radius: number; width: number }) {
  const m = useMaterials();
  const face = width / 2 - 0.02;
  const metal = m.surface(wheels.color, 0.28, 0.85);
  const accent = m.surface(wheels.accent, 0.18, 0.95);
  const dark = m.surface('#101113', 0.7, 0.3);
  const spin: Vec3 = [Math.PI / 2, 0, 0];
  return (
    <group name="rim">
      <Part shape="cylinder" size={[radius * 2, width * 0.85, radius * 2]} rotation={spin} material={dark} />
      <Part
        shape="cylinder"
        size={[radius * 2 + 0.01, 0.014, radius * 2 + 0.01]}
        position={[0, 0, face]}
        rotation={spin}
        material={metal}
      />
      <Part
        shape="cylinder"
        size={[radius * 1.86, 0.016, radius * 1.86]}
        position={[0, 0, face + 0.002]}
        rotation={spin}
        material={wheels.spokes > 0 ? dark : metal}
      />
      {/* closed discs: a few dark slots suggest the aero blades or the cover's vents */}
      {wheels.spokes === 0 && <PartInstances items={slots(radius, face)} material={dark} />}
      {/* 10-spoke alloys alternate accent and plain spokes; the others are all accent */}
      {wheels.spokes > 0 && (
        <PartInstances items={spokes(wheels.spokes, radius, face, 0)} material={accent} />
      )}
      {wheels.spokes >= 10 && (
        <PartInstances items={spokes(wheels.spokes, radius, face, 1)} material={metal} />
      )}
      <Part
        shape="cylinder"
        size={[0.12, 0.04, 0.12]}
        position={[0, 0, face + 0.012]}
        rotation={spin}
        material={metal}
      />
      <Part
        shape="cylinder"
        size={[0.05, 0.045, 0.05]}
        position={[0, 0, face + 0.016]}
        rotation={spin}
        material={dark}
      />
    </group>
  );
}

function slots(radius: number, face: number): PartInstance[] {
  return Array.from({ length: 5 }, (_, i) => {
    const a = (i / 5) * Math.PI * 2;
    return {
      size: [0.09, 0.022, 0.012],
      position: [Math.cos(a) * radius * 0.62, Math.sin(a) * radius * 0.62, face + 0.008],
      rotation: [0, 0, a + Math.PI / 2],
    };
  });
}

/** The spokes of a `count`-spoke rim; with 10 or more, every other one from `parity` (0: even, 1: odd). */
function spokes(count: number, radius: number, face: number, parity: 0 | 1): PartInstance[] {
  const thin = count >= 10;
  return Array.from({ length: count }, (_, i) => i)
    .filter((i) => !thin || i % 2 === parity)
    .map((i) => {
      const a = (i / count) * Math.PI * 2;
      return {
        size: [radius * 0.86, thin ? 0.028 : 0.05, 0.025],
        position: [Math.cos(a) * radius * 0.5, Math.sin(a) * radius * 0.5, face + 0.014],
        rotation: [0, 0, a],
      };
    });
}
