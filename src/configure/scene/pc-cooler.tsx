import { useEffect, useMemo } from 'react';
import { CatmullRomCurve3, TubeGeometry, Vector3 } from 'three';
import { Part } from './part.tsx';
import { PartInstances } from './part-instances.tsx';
import { useMaterials } from './materials.ts';
import { FEET, WALL, type BoardFrame, type Of, type Vec3 } from './pc-frame.ts';

export function Fan({
  position,
  rotation,
  diameter,
  color,
  hub,
}: {
  position: Vec3;
  rotation: Vec3;
  diameter: number;
  color: string;
  hub: string;
}) {
  const m = useMaterials();
  return (
    <group position={position} rotation={rotation}>
      <Part size={[diameter + 0.006, 0.025, diameter + 0.006]} material={m.surface(color, 0.6, 0.05)} />
      <Part
        shape="cylinder"
        size={[diameter * 0.92, 0.026, diameter * 0.92]}
        material={m.surface('#0b0b0c', 0.85)}
      />
      <Part
        shape="cylinder"
        size={[diameter * 0.36, 0.028, diameter * 0.36]}
        material={m.surface(hub, 0.5, 0.2)}
      />
    </group>
  );
}

export function Cooler({
  cooler,
  frame,
  caseSize,
}: {
  cooler: Of<'cooler'> | undefined;
  frame: BoardFrame;
  caseSize: Vec3;
}) {
  const m = useMaterials();
  const [, h, d] = caseSize;
  const [x0, cy, cz] = frame.cpu;
  const type = cooler?.type;
  // Liquid: pump on the CPU, radiator under the roof when it fits, else behind the front panel.
  const radLength = (cooler?.radiator ?? 0) + 0.035;
  const roof = radLength < d - 0.09;
  const radCentre: Vec3 = roof
    ? [0.005, FEET + h - WALL - 0.03, d / 2 - WALL - 0.03 - radLength / 2]
    : [0.005, FEET + h / 2 + 0.02, d / 2 - WALL - 0.04];
  const [rx, ry, rz] = radCentre;
  const tubes = useMemo(() => {
    if (type !== 'liquid') return [];
    const radCentre = [rx, ry, rz] as const;
    return [-0.012, 0.012].map((off) => {
      const start = new Vector3(x0 + 0.05, cy + off, cz + 0.02);
      const end = new Vector3(
        radCentre[0] - 0.02 + off,
        radCentre[1] - (roof ? 0.02 : 0),
        radCentre[2] - (roof ? radLength / 2 - 0.04 : 0.03),
      );
      const mid = new Vector3(
        (start.x + end.x) / 2 + 0.02,
        Math.max(start.y, end.y) - 0.02,
        (start.z + end.z) / 2,
      );
      return new TubeGeometry(new CatmullRomCurve3([start, mid, end]), 24, 0.0065, 10);
    });
  }, [type, x0, cy, cz, rx, ry, rz, roof, radLength]);
  useEffect(() => () => tubes.forEach((t) => t.dispose()), [tubes]);
  if (!cooler) return null;
  const fins = m.surface(cooler.fin, 0.45, 0.6);
  if (cooler.type === 'tower') {
    const stacks = cooler.fans > 1 ? 2 : 1;
    const height = cooler.height - 0.01;
    const depth = 0.05;
    return (
      <group name="cooler" userData={{ type: 'tower' }}>
        {Array.from({ length: stacks }, (_, i) => {
          const z = cz + (i - (stacks - 1) / 2) * 0.07;
          const plates = Math.round(height / 0.0045);
          // fin plates stacked outward from the board along the heat pipes
          return (
            <group key={i} name="cooler-fins">
              <PartInstances
                name="cooler-fin"
                items={Array.from({ length: plates }, (_, j) => ({
                  size: [0.0012, 0.125, depth],
                  position: [x0 + 0.012 + ((j + 0.5) * height) / plates, cy, z],
                }))}
                material={fins}
              />
              {[-0.04, -0.015, 0.015, 0.04].map((dy) => (
                <Part
                  key={dy}
                  shape="cylinder"
                  size={[0.006, height, 0.006]}
                  position={[x0 + 0.01 + height / 2, cy + dy, z]}
                  rotation={[0, 0, Math.PI / 2]}
                  material={m.surface('#b87333', 0.3, 0.9)}
                />
              ))}
            </group>
          );
        })}
        <Part
          size={[0.006, 0.115, 0.02]}
          position={[x0 + 0.01 + height + 0.003, cy, cz]}
          material={m.surface('#d6d9dd', 0.3, 0.9)}
        />
        <Fan
          position={[x0 + 0.01 + height / 2, cy, cz + (stacks === 2 ? 0 : depth / 2 + 0.013)]}
          rotation={[Math.PI / 2, 0, 0]}
          diameter={Math.min(0.12, height - 0.006)}
          color={cooler.color}
          hub={cooler.fin}
        />
      </group>
    );
  }
  if (cooler.type === 'low-profile')
    return (
      <group name="cooler" userData={{ type: 'low-profile' }}>
        <Part
          name="cooler-fins"
          size={[cooler.height - 0.03, 0.1, 0.1]}
          position={[x0 + 0.008 + (cooler.height - 0.03) / 2, cy, cz]}
          material={fins}
        />
        <Fan
          position={[x0 + cooler.height - 0.012, cy, cz]}
          rotation={[0, 0, Math.PI / 2]}
          diameter={0.092}
          color={cooler.color}
          hub={cooler.fin}
        />
      </group>
    );
  const rad = m.surface('#141416', 0.5, 0.5);
  const along: Vec3 = roof ? [0.12, 0.028, radLength] : [0.12, radLength, 0.028];
  return (
    <group name="cooler" userData={{ type: 'liquid' }}>
      <Part
        name="cooler-pump"
        shape="cylinder"
        size={[0.062, 0.05, 0.062]}
        position={[x0 + 0.03, cy, cz]}
        rotation={[0, 0, Math.PI / 2]}
        material={m.surface(cooler.color, 0.4, 0.3)}
      />
      <Part
        shape="cylinder"
        size={[0.05, 0.004, 0.05]}
        position={[x0 + 0.056, cy, cz]}
        rotation={[0, 0, Math.PI / 2]}
        material={cooler.rgb ? m.glow('#8a5cff', 2.5) : m.surface('#2c2e33', 0.3, 0.8)}
      />
      <Part name="cooler-radiator" size={along} position={radCentre} material={rad} />
      {Array.from({ length: cooler.fans }, (_, i) => {
        const offset = (i - (cooler.fans - 1) / 2) * 0.12;
        const position: Vec3 = roof
          ? [radCentre[0], radCentre[1] - 0.027, radCentre[2] + offset]
          : [radCentre[0], radCentre[1] + offset, radCentre[2] - 0.027];
        return (
          <Fan
            key={i}
            position={position}
            rotation={roof ? [0, 0, 0] : [Math.PI / 2, 0, 0]}
            diameter={0.118}
            color={cooler.color}
            hub={cooler.rgb ? '#8a5cff' : '#2c2e33'}
          />
        );
      })}
      {tubes.map((geometry, i) => (
        <mesh key={i} geometry={geometry} material={m.rubber} />
      ))}
    </group>
  );
}
