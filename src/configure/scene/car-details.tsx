import type { MeshPhysicalMaterial } from 'three';
import { Part } from './part.tsx';
import { useMaterials } from './materials.ts';
import type { CarLayout } from './car-shapes.ts';

export function Interior({ color, layout, width }: { color: string; layout: CarLayout; width: number }) {
  const m = useMaterials();
  const seat = m.surface(color, 0.8, 0);
  const seatX = layout.screenBase - 0.75;
  return (
    <group name="interior">
      <Part
        size={[0.25, 0.12, width * 0.75]}
        position={[layout.screenBase - 0.2, layout.belt + 0.02, 0]}
        material={m.surface('#141416', 0.7)}
      />
      {[-1, 1].map((side) => (
        <Part
          key={side}
          name="seat"
          size={[0.1, 0.5, 0.48]}
          position={[seatX, layout.belt + 0.05, side * width * 0.2]}
          rotation={[0, 0, 0.25]}
          material={seat}
        />
      ))}
      <Part
        size={[0.1, 0.45, width * 0.7]}
        position={[seatX - 0.8, layout.belt + 0.02, 0]}
        rotation={[0, 0, 0.2]}
        material={seat}
      />
    </group>
  );
}

export function Details({
  details,
  paint,
  trim,
  layout,
  dims,
  roofColor,
}: {
  details: Set<string>;
  paint: MeshPhysicalMaterial;
  trim: ReturnType<ReturnType<typeof useMaterials>['surface']>;
  layout: CarLayout;
  dims: { length: number; width: number; height: number; body: string };
  roofColor: string | undefined;
}) {
  const m = useMaterials();
  const half = dims.length / 2;
  const railColor = m.surface(roofColor ?? '#151517', 0.35, 0.8);
  const railLength = layout.roofFront - layout.roofRear - 0.1;
  // Everything stays mounted; choices only toggle visibility.
  return (
    <group name="details">
      <group name="spoiler" visible={details.has('spoiler')}>
        {/* a roof spoiler over the tailgate; the fastback coupé gets a lip on its boot edge instead */}
        <Part
          size={[0.3, 0.03, dims.width * 0.78]}
          position={
            dims.body === 'coupe-suv'
              ? [layout.tailBase - 0.02, layout.tailY + 0.015, 0]
              : [layout.roofRear - 0.08, dims.height - 0.02, 0]
          }
          rotation={[0, 0, dims.body === 'coupe-suv' ? 0.2 : 0.12]}
          material={paint}
        />
      </group>
      <group name="diffuser" visible={details.has('diffuser')}>
        <Part
          size={[0.3, 0.06, dims.width * 0.6]}
          position={[-half + 0.12, layout.clearance + 0.05, 0]}
          material={m.surface('#141416', 0.6, 0.3)}
        />
        {[-0.3, -0.1, 0.1, 0.3].map((z) => (
          <Part
            key={z}
            size={[0.26, 0.09, 0.012]}
            position={[-half + 0.12, layout.clearance + 0.06, z]}
            material={trim}
          />
        ))}
      </group>
      <group name="roof-rails" visible={details.has('roof-rails')}>
        {[-1, 1].map((side) => (
          <Part
            key={side}
            size={[railLength, 0.03, 0.035]}
            position={[
              (layout.roofFront + layout.roofRear) / 2 - 0.02,
              dims.height + 0.03,
              side * dims.width * 0.36,
            ]}
            material={railColor}
          />
        ))}
      </group>
      <group name="tow-bar" visible={details.has('tow-bar')}>
        <Part
          size={[0.18, 0.05, 0.05]}
          position={[-half - 0.05, layout.clearance + 0.16, 0]}
          material={m.surface('#202124', 0.5, 0.6)}
        />
        <Part
          shape="cylinder"
          size={[0.05, 0.05, 0.05]}
          position={[-half - 0.14, layout.clearance + 0.2, 0]}
          material={m.surface('#9a9ea4', 0.3, 0.9)}
        />
      </group>
    </group>
  );
}
