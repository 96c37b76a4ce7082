import { useEffect, useState } from 'react';
import type { Part } from './parts.ts';
import { createSharedMaterials, MaterialsContext } from './materials.ts';
import { PcModel } from './pc-model.tsx';
import { CarModel } from './car-model.tsx';

/** The product's meshes for a list of parts; owns the shared materials of everything below it. */
export function ProductModel({ product, parts }: { product: string; parts: Part[] }) {
  const [materials] = useState(createSharedMaterials);
  useEffect(() => () => materials.dispose(), [materials]);
  return (
    <MaterialsContext value={materials}>
      {product === 'pc' && <PcModel parts={parts} />}
      {product === 'car' && <CarModel parts={parts} />}
    </MaterialsContext>
  );
}
