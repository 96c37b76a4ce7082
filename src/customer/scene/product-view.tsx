import { Suspense, useMemo, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { useProgress } from '@react-three/drei';
import type { Build } from '../../core/catalog/build.ts';
import { partsFor, type SceneCatalog } from './parts.ts';
import { ProductModel } from './product-model.tsx';
import { CameraRig } from './camera-rig.tsx';
import { Stage } from './stage.tsx';
import { footprintOf, framingFor } from './framing.ts';
import { PartsSummary, describePart } from './parts-summary.tsx';
import { createViewStore, useViewStore, ViewStoreContext } from './view-store.ts';
import { hasWebGL } from './webgl.ts';

export interface ProductViewProps {
  catalog: SceneCatalog;
  build: Build;
  /** Overrides WebGL detection (tests, or a user's "no 3D" preference). */
  webgl?: boolean;
}

/**
 * The live 3D product for a build: orbitable canvas with a "Reset view" button and a progress indicator, or a
 * plain list of the parts where WebGL is missing. Loaded lazily (lazy.ts) so three.js stays out of the first page.
 */
export default function ProductView({ catalog, build, webgl }: ProductViewProps) {
  const parts = useMemo(() => partsFor(catalog, build), [catalog, build]);
  const [canRender] = useState(() => webgl ?? hasWebGL());
  const [store] = useState(createViewStore);
  const label = `${catalog.id === 'pc' ? 'PC' : 'Car'}: parts shown`;
  if (!canRender) return <PartsSummary parts={parts} label={label} />;
  const framing = framingFor(catalog.id);
  return (
    <ViewStoreContext value={store}>
      <div
        className="product-view"
        style={{ position: 'relative', width: '100%', height: '100%', minHeight: 320 }}
      >
        <div
          data-testid="product-canvas"
          role="img"
          aria-label={parts.map(describePart).join('; ')}
          style={{ position: 'absolute', inset: 0 }}
        >
          <Canvas
            frameloop="demand"
            dpr={[1, 2]}
            gl={{ preserveDrawingBuffer: true, antialias: true }}
            camera={{ fov: 35, near: 0.05, far: 100, position: framing.position }}
            onCreated={() => store.getState().setReady(true)}
          >
            <Suspense fallback={null}>
              <Stage framing={framing} footprint={footprintOf(parts)}>
                <ProductModel product={catalog.id} parts={parts} />
              </Stage>
            </Suspense>
            <CameraRig framing={framing} />
          </Canvas>
        </div>
        <Overlay />
      </div>
    </ViewStoreContext>
  );
}

/** DOM controls over the canvas: the reset button and, while anything loads, a progress bar. */
function Overlay() {
  const requestReset = useViewStore((s) => s.requestReset);
  const ready = useViewStore((s) => s.ready);
  const { active, progress } = useProgress();
  const loading = !ready || active;
  return (
    <>
      <button
        type="button"
        className="product-view-reset"
        onClick={requestReset}
        style={{ position: 'absolute', right: 12, bottom: 12 }}
      >
        Reset view
      </button>
      {loading && (
        <div
          role="progressbar"
          aria-label="Loading 3D view"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(active ? progress : 0)}
          className="product-view-progress"
          style={{ position: 'absolute', left: 12, top: 12 }}
        >
          Loading 3D view… {active ? `${Math.round(progress)} %` : ''}
        </div>
      )}
    </>
  );
}
