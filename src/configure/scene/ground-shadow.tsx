import { useEffect, useMemo } from 'react';
import { DataTexture, LinearFilter, RGBAFormat } from 'three';

const SIZE = 128;

/** A soft elliptical falloff, computed once (no canvas or image needed). */
function shadowTexture(): DataTexture {
  const data = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const dx = (x + 0.5) / SIZE - 0.5;
      const dy = (y + 0.5) / SIZE - 0.5;
      // rounded-rectangle distance so long products get a long shadow, not a round one
      const d = Math.pow(Math.pow(Math.abs(dx) * 2, 4) + Math.pow(Math.abs(dy) * 2, 4), 0.25);
      const alpha = Math.max(0, 1 - d) ** 1.6;
      data.set([0, 0, 0, Math.round(alpha * 255)], (y * SIZE + x) * 4);
    }
  const texture = new DataTexture(data, SIZE, SIZE, RGBAFormat);
  texture.magFilter = texture.minFilter = LinearFilter;
  texture.needsUpdate = true;
  return texture;
}

/** A soft shadow under the product's footprint (metres, x by z), darker where it touches the floor. */
export function GroundShadow({
  footprint,
  opacity = 0.5,
}: {
  footprint: [number, number];
  opacity?: number;
}) {
  const texture = useMemo(shadowTexture, []);
  useEffect(() => () => texture.dispose(), [texture]);
  const [x, z] = footprint;
  return (
    <group name="ground-shadow">
      <mesh rotation-x={-Math.PI / 2} position-y={0.001} scale={[x * 1.5, z * 1.8, 1]}>
        <planeGeometry />
        <meshBasicMaterial map={texture} transparent opacity={opacity * 0.6} depthWrite={false} />
      </mesh>
      <mesh rotation-x={-Math.PI / 2} position-y={0.0015} scale={[x * 1.12, z * 1.2, 1]}>
        <planeGeometry />
        <meshBasicMaterial map={texture} transparent opacity={opacity} depthWrite={false} />
      </mesh>
    </group>
  );
}
