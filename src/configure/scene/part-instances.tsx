import { useLayoutEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { Euler, Matrix4, Quaternion, Vector3, type InstancedMesh, type Material } from 'three';
import { unitBox, unitCylinder } from './part.tsx';

type Vec3 = [number, number, number];

export interface PartInstance {
  /** box: width, height, depth; cylinder: diameter, length (along y), diameter */
  size: Vec3;
  position: Vec3;
  rotation?: Vec3;
}

/** Instance buffers grow in steps, so that a few more plates or spokes do not rebuild the mesh. */
const capacityFor = (n: number) => Math.max(8, 2 ** Math.ceil(Math.log2(Math.max(n, 1))));

/**
 * Many copies of one primitive with one material (fin plates, spokes): one instanced mesh, so one draw call
 * instead of one per copy. On a software GPU each draw call costs about a millisecond; a dual tower cooler alone
 * had 70 of a PC's 133. A different option rewrites the matrices and the count, nothing is re-created.
 */
export function PartInstances({
  name,
  shape = 'box',
  items,
  material,
}: {
  name?: string;
  shape?: 'box' | 'cylinder';
  items: readonly PartInstance[];
  material: Material;
}) {
  const mesh = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const capacity = capacityFor(items.length);
  useLayoutEffect(() => {
    const copies = mesh.current;
    if (!copies) return;
    // scratch objects for this update only (never per frame)
    const matrix = new Matrix4();
    const rotation = new Quaternion();
    const euler = new Euler();
    const position = new Vector3();
    const scale = new Vector3();
    items.forEach((item, i) => {
      rotation.setFromEuler(euler.set(...(item.rotation ?? [0, 0, 0])));
      matrix.compose(position.set(...item.position), rotation, scale.set(...item.size));
      copies.setMatrixAt(i, matrix);
    });
    copies.count = items.length;
    copies.instanceMatrix.needsUpdate = true;
    // culling and picking use the instances' bounds, which three only knows once asked
    copies.computeBoundingSphere();
    copies.computeBoundingBox();
    invalidate();
  }, [items, capacity, invalidate]);
  return (
    <instancedMesh
      // a new capacity is a new buffer: remount rather than resize
      key={capacity}
      ref={mesh}
      name={name}
      args={[shape === 'box' ? unitBox : unitCylinder, undefined, capacity]}
      material={material}
    />
  );
}
