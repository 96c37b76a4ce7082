import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { Framing } from './framing.ts';
import { useViewStore } from './view-store.ts';

/** Orbit controls around the product; puts the camera back on "Reset view" and when the product changes. */
export function CameraRig({ framing }: { framing: Framing }) {
  const controls = useRef<OrbitControlsImpl>(null);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const resetCount = useViewStore((s) => s.resetCount);
  useEffect(() => {
    camera.position.set(...framing.position);
    controls.current?.target.set(...framing.target);
    controls.current?.update();
    invalidate();
  }, [camera, framing, resetCount, invalidate]);
  return (
    <OrbitControls
      ref={controls}
      makeDefault
      target={framing.target}
      minDistance={framing.minDistance}
      maxDistance={framing.maxDistance}
      // stay above the floor
      maxPolarAngle={Math.PI / 2 - 0.04}
      enableDamping
    />
  );
}
