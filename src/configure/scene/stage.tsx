import { memo, type ReactNode } from 'react';
import { Environment, Lightformer } from '@react-three/drei';
import { GroundShadow } from './ground-shadow.tsx';
import type { Framing } from './framing.ts';

/**
 * A studio for product shots, built from light panels (no HDR file is fetched): a soft key from above, rim panels
 * for reflections on paint and glass, and a soft shadow on the floor.
 */
export function Stage({
  framing,
  footprint,
  children,
}: {
  framing: Framing;
  footprint: [number, number];
  children: ReactNode;
}) {
  const s = framing.shadow.scale;
  return (
    <>
      <color attach="background" args={['#eceef1']} />
      <hemisphereLight args={['#ffffff', '#c9ccd2', 0.9]} />
      <directionalLight position={[s * 0.4, s * 0.8, s * 0.5]} intensity={1.6} />
      <directionalLight position={[-s * 0.5, s * 0.3, -s * 0.3]} intensity={0.5} />
      <StudioEnvironment />
      {children}
      <GroundShadow footprint={footprint} />
    </>
  );
}

/**
 * The light panels the paint and glass reflect, captured into an environment map once. Memoised without props on
 * purpose: drei's <Environment> re-captures its cube and rebuilds the PMREM whenever its children change identity,
 * i.e. on every render of its parent — seconds per click on a software GPU, for a studio that never changes.
 */
const StudioEnvironment = memo(function StudioEnvironment() {
  return (
    <Environment resolution={256} frames={1}>
      <Lightformer
        form="rect"
        intensity={2.5}
        position={[0, 5, 0]}
        rotation-x={Math.PI / 2}
        scale={[10, 10, 1]}
      />
      <Lightformer
        form="rect"
        intensity={1.5}
        position={[-6, 1.5, 0]}
        rotation-y={Math.PI / 2}
        scale={[12, 2, 1]}
      />
      <Lightformer
        form="rect"
        intensity={1.5}
        position={[6, 1.5, 0]}
        rotation-y={-Math.PI / 2}
        scale={[12, 2, 1]}
      />
      <Lightformer form="rect" intensity={1} position={[0, 1, 6]} rotation-y={Math.PI} scale={[12, 1.5, 1]} />
      <Lightformer form="ring" color="#dfe6ff" intensity={0.8} position={[0, 2, -6]} scale={3} />
    </Environment>
  );
});
