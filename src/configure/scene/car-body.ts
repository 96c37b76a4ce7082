import { useEffect, useMemo, useState } from 'react';
import type { ExtrudeGeometry } from 'three';
import {
  cabinShape,
  extrudeAcross,
  lowerBodyShape,
  roofShape,
  type CarDims,
  type CarLayout,
} from './car-shapes.ts';

export interface BodyGeometry {
  lower: ExtrudeGeometry;
  cabin: ExtrudeGeometry;
  roof: ExtrudeGeometry;
}

/** Body shapes kept per view: the models and wheel sizes a shopper goes back and forth between. */
const KEEP = 8;

function build(dims: CarDims, layout: CarLayout): BodyGeometry {
  return {
    lower: extrudeAcross(lowerBodyShape(dims, layout), dims.width),
    cabin: extrudeAcross(cabinShape(dims, layout), dims.width * 0.84, 0.05),
    roof: extrudeAcross(roofShape(dims, layout), dims.width * 0.84 + 0.02, 0.02),
  };
}

const dispose = (body: BodyGeometry) => Object.values(body).forEach((g) => g.dispose());

/**
 * The extruded body for a model and wheel size (the arches follow the wheels), kept for the next time the same
 * pair is chosen: extruding the three profiles takes 20-25 ms of main thread, the one cost left on a scene
 * change that a software GPU does not dominate. The least recently used are disposed past `KEEP`, the rest with
 * the view.
 */
export function useBodyGeometry(dims: CarDims, layout: CarLayout): BodyGeometry {
  const [cache] = useState(() => new Map<string, BodyGeometry>());
  useEffect(
    () => () => {
      cache.forEach(dispose);
      cache.clear();
    },
    [cache],
  );
  const key = JSON.stringify(dims);
  return useMemo(() => {
    const kept = cache.get(key);
    // a Map iterates in insertion order: re-inserting marks the pair as the most recently used
    cache.delete(key);
    const body = kept ?? build(dims, layout);
    cache.set(key, body);
    for (const [old, geometry] of cache) {
      if (cache.size <= KEEP) break;
      cache.delete(old);
      dispose(geometry);
    }
    return body;
  }, [cache, key, dims, layout]);
}
