import { RoundedBox } from '@react-three/drei';
import type { Part as PartData } from './parts.ts';
import { Part } from './part.tsx';
import { useMaterials } from './materials.ts';
import { boardFrame, FEET, type BoardFrame, type Of, type Vec3 } from './pc-frame.ts';
import { CaseShell, Drive, Psu } from './pc-case.tsx';
import { Cooler, Fan } from './pc-cooler.tsx';

export function PcModel({ parts }: { parts: PartData[] }) {
  const chassis = parts.find((p): p is Of<'case'> => p.kind === 'case');
  const board = parts.find((p): p is Of<'motherboard'> => p.kind === 'motherboard');
  const caseSize: Vec3 = chassis?.size ?? [0.23, 0.47, 0.46];
  const frame = boardFrame(caseSize, board);
  const pick = <K extends PartData['kind']>(kind: K) => parts.find((p): p is Of<K> => p.kind === kind);
  const drives = parts.filter((p): p is Of<'drive'> => p.kind === 'drive');
  const gpu = pick('gpu');
  return (
    <group name="pc">
      {/* a little light inside the case, as a build's showcase lighting would */}
      <pointLight
        position={[caseSize[0] * 0.3, FEET + caseSize[1] * 0.75, caseSize[2] * 0.2]}
        intensity={0.35}
        distance={1}
        decay={2}
        color="#eef3ff"
      />
      <CaseShell size={caseSize} chassis={chassis} />
      {board && <Motherboard board={board} frame={frame} />}
      <Cooler cooler={pick('cooler')} frame={frame} caseSize={caseSize} />
      <Memory memory={pick('memory')} board={board} frame={frame} />
      {gpu && <Gpu gpu={gpu} frame={frame} />}
      {drives.map((drive, i) => (
        <Drive key={drive.id} drive={drive} index={i} frame={frame} caseSize={caseSize} />
      ))}
      <Psu psu={pick('psu')} caseSize={caseSize} />
    </group>
  );
}

function Motherboard({ board, frame }: { board: Of<'motherboard'>; frame: BoardFrame }) {
  const m = useMaterials();
  const [bd, bh] = board.size;
  const pcb = m.surface(board.color, 0.7, 0.1);
  const sink = m.surface(board.accent, 0.35, 0.7);
  const x = frame.x + 0.001;
  const [, cy, cz] = frame.cpu;
  return (
    <group name="motherboard">
      <Part
        name="motherboard-pcb"
        size={[0.002, bh, bd]}
        position={[x, frame.top - bh / 2, frame.rear + bd / 2]}
        material={pcb}
      />
      {/* VRM heatsinks above and behind the socket, chipset sink low at the front, rear I/O cover */}
      <Part
        size={[0.02, 0.022, bd * 0.5]}
        position={[x + 0.011, frame.top - 0.022, frame.rear + bd * 0.3]}
        material={sink}
      />
      <Part size={[0.02, bh * 0.28, 0.022]} position={[x + 0.011, cy, frame.rear + 0.02]} material={sink} />
      <Part
        size={[0.035, 0.05, 0.03]}
        position={[x + 0.018, frame.top - 0.06, frame.rear + 0.016]}
        material={sink}
      />
      <Part
        size={[0.01, 0.045, 0.045]}
        position={[x + 0.006, frame.top - bh + 0.04, frame.rear + bd - 0.04]}
        material={sink}
      />
      {/* the CPU, seen whenever the cooler leaves it visible */}
      <Part
        size={[0.006, 0.04, 0.04]}
        position={[x + 0.004, cy, cz]}
        material={m.surface('#b8bcc2', 0.3, 0.9)}
      />
      {/* x16 slot */}
      <Part
        size={[0.008, 0.008, 0.09]}
        position={[x + 0.005, frame.pcieY, frame.rear + 0.06]}
        material={m.surface('#2a2b2e')}
      />
    </group>
  );
}

function Memory({
  memory,
  board,
  frame,
}: {
  memory: Of<'memory'> | undefined;
  board: Of<'motherboard'> | undefined;
  frame: BoardFrame;
}) {
  const m = useMaterials();
  if (!memory) return null;
  const slots = Math.max(board?.memorySlots ?? 4, memory.count);
  const [x0, cy, cz] = frame.cpu;
  // Fill the second slot of each channel first, as the manuals say.
  const order = slots === 4 ? [1, 3, 0, 2] : Array.from({ length: slots }, (_, i) => i);
  const body = m.surface(memory.color, 0.4, 0.45);
  const bar = memory.rgb ? m.glow('#b678ff', 2.2) : m.surface('#9ea3aa', 0.3, 0.8);
  return (
    <group name="memory">
      {order.slice(0, memory.count).map((slot) => {
        const z = cz + 0.07 + slot * 0.0095;
        return (
          <group key={slot}>
            <Part
              name="memory-stick"
              size={[memory.height, 0.133, 0.007]}
              position={[x0 + 0.004 + memory.height / 2, cy, z]}
              material={body}
            />
            <Part
              size={[0.006, 0.128, 0.0075]}
              position={[x0 + 0.004 + memory.height, cy, z]}
              material={bar}
            />
          </group>
        );
      })}
    </group>
  );
}

function Gpu({ gpu, frame }: { gpu: Of<'gpu'>; frame: BoardFrame }) {
  const m = useMaterials();
  const x = frame.x + 0.012 + gpu.height / 2;
  const y = frame.pcieY - gpu.thickness / 2 - 0.002;
  const z = frame.rear - 0.004 + gpu.length / 2;
  const fan = Math.min(0.095, (gpu.length - 0.03) / gpu.fans - 0.006);
  return (
    <group name="gpu">
      <RoundedBox
        name="gpu-shroud"
        args={[gpu.height, gpu.thickness, gpu.length]}
        radius={0.006}
        smoothness={3}
        position={[x, y, z]}
        scale={[1, 1, 1]}
        material={m.surface(gpu.color, 0.45, 0.3)}
      />
      {/* backplate, bracket, accent edge toward the glass */}
      <Part
        size={[gpu.height, 0.003, gpu.length]}
        position={[x, y + gpu.thickness / 2 + 0.002, z]}
        material={m.surface('#161719', 0.5, 0.6)}
      />
      <Part
        size={[0.12, gpu.thickness + 0.01, 0.002]}
        position={[frame.x + 0.06, y, frame.rear - 0.008]}
        material={m.surface('#9a9ea4', 0.3, 0.9)}
      />
      <Part
        name="gpu-accent"
        size={[0.003, 0.008, gpu.length * 0.86]}
        position={[x + gpu.height / 2 + 0.001, y + gpu.thickness * 0.25, z]}
        material={m.surface(gpu.accent, 0.3, 0.6)}
      />
      {Array.from({ length: gpu.fans }, (_, i) => (
        <Fan
          key={i}
          position={[x, y - gpu.thickness / 2 - 0.001, z + (i - (gpu.fans - 1) / 2) * (fan + 0.008)]}
          rotation={[0, 0, 0]}
          diameter={fan}
          color={gpu.color}
          hub={gpu.accent}
        />
      ))}
    </group>
  );
}
