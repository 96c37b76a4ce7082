import { RoundedBox } from '@react-three/drei';
import { Part } from './part.tsx';
import { useMaterials } from './materials.ts';
import { FEET, WALL, type BoardFrame, type Of, type Vec3 } from './pc-frame.ts';

export function CaseShell({ size, chassis }: { size: Vec3; chassis: Of<'case'> | undefined }) {
  const m = useMaterials();
  const [w, h, d] = size;
  const body = m.surface(chassis?.color ?? '#1a1a1c', 0.45, 0.35);
  const inner = m.surface('#0e0f11', 0.8, 0.1);
  const y = FEET + h / 2;
  const front = chassis?.front ?? 'mesh';
  const frontMaterial =
    front === 'wood' ? m.surface(chassis?.accent ?? '#6b4a2f', 0.7, 0) : m.surface('#141518', 0.9, 0.2);
  return (
    <group name="case">
      {/* far side wall (the board's), roof, floor, back */}
      <Part name="case-wall" size={[WALL, h, d]} position={[-w / 2 + WALL / 2, y, 0]} material={body} />
      <Part
        name="case-inner"
        size={[0.001, h - 2 * WALL, d - 2 * WALL]}
        position={[-w / 2 + WALL + 0.001, y, 0]}
        material={inner}
      />
      <Part name="case-top" size={[w, WALL, d]} position={[0, FEET + h - WALL / 2, 0]} material={body} />
      <Part name="case-bottom" size={[w, WALL, d]} position={[0, FEET + WALL / 2, 0]} material={body} />
      <Part name="case-back" size={[w, h, WALL]} position={[0, y, -d / 2 + WALL / 2]} material={body} />
      {/* front panel: mesh, wood slats or glass */}
      {front === 'glass' ? (
        <Part name="case-front" size={[w, h, WALL]} position={[0, y, d / 2 - WALL / 2]} material={m.glass} />
      ) : (
        <RoundedBox
          name="case-front"
          args={[w + 0.004, h + 0.004, 0.018]}
          radius={0.006}
          smoothness={3}
          position={[0, y, d / 2 - 0.006]}
          material={front === 'wood' ? body : frontMaterial}
        />
      )}
      {front === 'wood' &&
        Array.from({ length: 7 }, (_, i) => (
          <Part
            key={i}
            size={[(w * 0.8) / 7 - 0.006, h * 0.92, 0.012]}
            position={[-w * 0.4 + ((i + 0.5) * w * 0.8) / 7, y, d / 2 + 0.008]}
            material={frontMaterial}
          />
        ))}
      {/* glass side panel toward the viewer; solid-panel cases are shown with it removed */}
      <group visible={chassis?.glass !== false}>
        <Part
          name="case-glass"
          size={[0.004, h - 0.01, d - 0.01]}
          position={[w / 2 - 0.002, y, 0]}
          material={m.glass}
        />
        <Part size={[0.005, 0.012, d]} position={[w / 2 - 0.0025, FEET + h - 0.006, 0]} material={body} />
        <Part size={[0.005, 0.012, d]} position={[w / 2 - 0.0025, FEET + 0.006, 0]} material={body} />
      </group>
      {/* power button and feet */}
      <Part
        shape="cylinder"
        size={[0.012, 0.004, 0.012]}
        position={[w * 0.25, FEET + h + 0.002, d / 2 - 0.03]}
        material={m.glow('#9fd3ff', 1.5)}
      />
      {[-1, 1].flatMap((sx) =>
        [-1, 1].map((sz) => (
          <Part
            key={`${sx}${sz}`}
            shape="cylinder"
            size={[0.03, FEET, 0.03]}
            position={[sx * (w / 2 - 0.03), FEET / 2, sz * (d / 2 - 0.04)]}
            material={m.rubber}
          />
        )),
      )}
    </group>
  );
}

export function Drive({
  drive,
  index,
  frame,
  caseSize,
}: {
  drive: Of<'drive'>;
  index: number;
  frame: BoardFrame;
  caseSize: Vec3;
}) {
  const m = useMaterials();
  const [, , d] = caseSize;
  const [sx, sy, sz] = drive.size;
  if (drive.form === 'm2') {
    // M.2 sticks lie on the board between socket and x16 slot, then below it.
    const [x0, cy, cz] = frame.cpu;
    const y = index === 0 ? (cy + frame.pcieY) / 2 : frame.pcieY - 0.075 - (index - 1) * 0.03;
    return (
      <Part
        name="drive"
        size={[sy, sx, sz]}
        position={[x0 + 0.004, y, cz - 0.01]}
        rotation={[0, 0, 0]}
        material={m.surface(drive.color, 0.5, 0.4)}
      />
    );
  }
  // 2.5"/3.5" drives stack in the front-bottom cage.
  return (
    <Part
      name="drive"
      size={[sx, sy, sz]}
      position={[0, FEET + WALL + 0.015 + sy / 2 + index * 0.03, d / 2 - WALL - 0.03 - sz / 2]}
      material={m.surface(drive.color, 0.35, 0.8)}
    />
  );
}

export function Psu({ psu, caseSize }: { psu: Of<'psu'> | undefined; caseSize: Vec3 }) {
  const m = useMaterials();
  if (!psu) return null;
  const [, , d] = caseSize;
  const [sx, sy, sz] = psu.size;
  const pos: Vec3 = [0, FEET + WALL + sy / 2 + 0.002, -d / 2 + WALL + sz / 2 + 0.004];
  return (
    <group name="psu">
      <RoundedBox
        name="psu-box"
        args={[sx, sy, sz]}
        radius={0.004}
        smoothness={2}
        position={pos}
        material={m.surface(psu.color, 0.55, 0.4)}
      />
      <Part
        size={[0.002, sy * 0.35, sz * 0.6]}
        position={[pos[0] + sx / 2 + 0.001, pos[1], pos[2]]}
        material={m.surface('#3a3d42', 0.4, 0.7)}
      />
    </group>
  );
}
