import { BoxGeometry, CylinderGeometry, type Material } from 'three';
import type { ThreeEvent } from '@react-three/fiber';

// Unit shapes shared by every box/cylinder part; each mesh scales them to its size.
export const unitBox = new BoxGeometry(1, 1, 1);
export const unitCylinder = new CylinderGeometry(0.5, 0.5, 1, 40);

type Vec3 = [number, number, number];

export interface PartProps {
  name?: string;
  /** box: width, height, depth; cylinder: diameter, length (along y), diameter */
  size: Vec3;
  position?: Vec3;
  rotation?: Vec3;
  material: Material;
  shape?: 'box' | 'cylinder';
  visible?: boolean;
  onClick?: (event: ThreeEvent<MouseEvent>) => void;
}

/** One primitive of the product: a shared unit geometry scaled to `size`, with a shared material. */
export function Part({
  name,
  size,
  position,
  rotation,
  material,
  shape = 'box',
  visible = true,
  onClick,
}: PartProps) {
  return (
    <mesh
      name={name}
      geometry={shape === 'box' ? unitBox : unitCylinder}
      material={material}
      scale={size}
      position={position}
      rotation={rotation}
      visible={visible}
      onClick={onClick}
    />
  );
}
