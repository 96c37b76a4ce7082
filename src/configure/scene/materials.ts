import { createContext, useContext } from 'react';
import { DoubleSide, MeshPhysicalMaterial, MeshStandardMaterial, type Material } from 'three';

/**
 * Materials shared by every mesh of one product view: one instance per (colour, surface) pair, created on first
 * use and disposed with the view, so re-choosing an option swaps references instead of compiling new shaders.
 */
export interface SharedMaterials {
  /** A plain painted/plastic/metal surface. */
  surface(color: string, roughness?: number, metalness?: number): MeshStandardMaterial;
  /** A light-emitting surface (LEDs, lamps, RGB strips). */
  glow(color: string, intensity?: number): MeshStandardMaterial;
  glass: MeshPhysicalMaterial;
  tintedGlass: MeshPhysicalMaterial;
  rubber: MeshStandardMaterial;
  dispose(): void;
}

export function createSharedMaterials(): SharedMaterials {
  const cache = new Map<string, MeshStandardMaterial>();
  const created: Material[] = [];
  const keep = <M extends Material>(m: M): M => {
    created.push(m);
    return m;
  };
  const cached = (key: string, make: () => MeshStandardMaterial) => {
    let m = cache.get(key);
    if (!m) {
      m = keep(make());
      cache.set(key, m);
    }
    return m;
  };
  return {
    surface: (color, roughness = 0.55, metalness = 0.1) =>
      cached(
        `s|${color}|${roughness}|${metalness}`,
        () => new MeshStandardMaterial({ color, roughness, metalness }),
      ),
    glow: (color, intensity = 2) =>
      cached(
        `g|${color}|${intensity}`,
        () =>
          new MeshStandardMaterial({ color, emissive: color, emissiveIntensity: intensity, roughness: 0.4 }),
      ),
    // Side panels: clear and faintly reflective; depthWrite off so the parts behind always show.
    glass: keep(
      new MeshPhysicalMaterial({
        color: '#dfe8ee',
        roughness: 0.04,
        metalness: 0,
        envMapIntensity: 0.35,
        transparent: true,
        opacity: 0.1,
        depthWrite: false,
        side: DoubleSide,
      }),
    ),
    // Car windows: dark, glossy, and just see-through enough to hint at the interior.
    tintedGlass: keep(
      new MeshPhysicalMaterial({
        color: '#0b0f14',
        roughness: 0.05,
        metalness: 0.2,
        clearcoat: 1,
        transparent: true,
        opacity: 0.82,
      }),
    ),
    rubber: keep(new MeshStandardMaterial({ color: '#17181a', roughness: 0.92, metalness: 0 })),
    dispose: () => {
      for (const m of created) m.dispose();
      created.length = 0;
      cache.clear();
    },
  };
}

export const MaterialsContext = createContext<SharedMaterials | null>(null);

export function useMaterials(): SharedMaterials {
  const materials = useContext(MaterialsContext);
  if (!materials) throw new Error('useMaterials needs a <MaterialsContext> provider (ProductModel)');
  return materials;
}
