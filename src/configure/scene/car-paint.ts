import { useEffect, useLayoutEffect, useMemo } from 'react';
import { Mesh, MeshPhysicalMaterial, Scene } from 'three';
import { useThree } from '@react-three/fiber';
import type { PaintMaterial } from './parts.ts';
import { finishes } from './car-parts.ts';
import { unitBox } from './part.tsx';

/** One paint material for every painted panel; options change its settings in place (no remount). */
export function usePaint(paint: PaintMaterial): MeshPhysicalMaterial {
  const invalidate = useThree((s) => s.invalidate);
  const material = useMemo(() => new MeshPhysicalMaterial({ name: 'paint' }), []);
  useEffect(() => () => material.dispose(), [material]);
  useLayoutEffect(() => {
    const { color, roughness, metalness, clearcoat, clearcoatRoughness, iridescence } = paint;
    material.color.set(color);
    Object.assign(material, { roughness, metalness, clearcoat, clearcoatRoughness, iridescence });
    material.iridescenceIOR = 1.5;
    invalidate();
  }, [material, paint, invalidate]);
  usePaintShaders();
  return material;
}

/** How long after the first frame the other finishes' shaders are compiled: out of the way of the first look. */
const COMPILE_AFTER_MS = 1500;

/**
 * Compiles the shader of every paint finish ahead of the click. Clear-coat and iridescence are shader variants,
 * not uniforms, so the first pearl or matte choice used to compile one in the click's frame: about 0.4 s in
 * SwiftShader. The stand-in materials stay alive with the view, since three releases a program nobody uses.
 */
function usePaintShaders() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    const standIns = Object.values(finishes).map(
      (settings) => new MeshPhysicalMaterial({ ...settings, iridescenceIOR: 1.5 }),
    );
    const timer = setTimeout(() => {
      const probe = new Scene();
      for (const material of standIns) probe.add(new Mesh(unitBox, material));
      // with the real scene's lights and environment, so the programs are the ones the paint will ask for
      try {
        void gl.compileAsync(probe, camera, scene);
      } catch {
        // a lost context compiles nothing; the paint then compiles on first use, as it would have anyway
      }
    }, COMPILE_AFTER_MS);
    return () => {
      clearTimeout(timer);
      for (const material of standIns) material.dispose();
    };
  }, [gl, scene, camera]);
}
