import { memo, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Canvas, useThree } from '@react-three/fiber';
import { useProgress } from '@react-three/drei';
import { useTranslation } from 'react-i18next';
import type { Build } from '../../core/catalog/build.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';
import { partsFor, type Part } from './parts.ts';
import { ProductModel } from './product-model.tsx';
import { CameraRig } from './camera-rig.tsx';
import { Stage } from './stage.tsx';
import { footprintOf, framingFor, type Framing } from './framing.ts';
import { PartsSummary, describePart } from './parts-summary.tsx';
import { createViewStore, useViewStore, ViewStoreContext } from './view-store.ts';
import { probeWebGL, type WebGLSupport } from './webgl.ts';
import { useAfterPaint } from './after-paint.ts';
import { whenQuiet } from '../../ui/quiet.ts';
import { WarmUp } from './warm-up.tsx';

export interface ProductViewProps {
  catalog: Catalog;
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
  const [support] = useState<WebGLSupport>(() =>
    webgl === undefined ? probeWebGL() : { available: webgl, software: false },
  );
  const [store] = useState(createViewStore);
  const shown = useAfterPaint(parts, JSON.stringify(parts));
  const words = useCatalogWords(catalog);
  const { t } = useTranslation();
  // The canvas is shown once its first frame was drawn hidden (WarmUp) and the page is quiet again.
  const [onScreen, setOnScreen] = useState(false);
  const [warm, setWarm] = useState(false);
  useEffect(() => (warm && !onScreen ? whenQuiet(() => setOnScreen(true)) : undefined), [warm, onScreen]);
  const onWarm = useCallback(() => setWarm(true), []);
  const onDrawn = useCallback(() => store.getState().setReady(true), [store]);
  const label = t('scene.partsShown', { product: words.catalogName() });
  if (!support.available) return <PartsSummary parts={parts} label={label} words={words} />;
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
          aria-label={parts.map((part) => describePart(part, words, t)).join('; ')}
          // Hidden while its first frame is drawn (WarmUp): a canvas on screen would hold the page meanwhile.
          style={{ position: 'absolute', inset: 0, visibility: onScreen ? 'visible' : 'hidden' }}
        >
          <Canvas
            frameloop={onScreen ? 'demand' : 'never'}
            // A CPU renderer pays for every pixel: one pixel per CSS pixel there (a 2× screen would be 4× the
            // work). Multisampling stays: without it the car's frame in SwiftShader halves, but its edges jag.
            dpr={support.software ? 1 : [1, 2]}
            gl={{ preserveDrawingBuffer: true, antialias: true }}
            camera={{ fov: 35, near: 0.05, far: 100, position: framing.position }}
            onCreated={(state) => {
              // three.js's shader checks wait for the GPU process at every new program; errors show in dev.
              state.gl.debug.checkShaderErrors = import.meta.env.DEV;
            }}
          >
            <Scene product={catalog.id} parts={shown} framing={framing} />
            <CameraRig framing={framing} />
            {onScreen ? <FirstFrame onDrawn={onDrawn} /> : <WarmUp onWarm={onWarm} />}
          </Canvas>
        </div>
        <Overlay />
      </div>
    </ViewStoreContext>
  );
}

/** Asks for the first frame on screen once the frame loop allows it. */
function FirstFrame({ onDrawn }: { onDrawn: () => void }) {
  const invalidate = useThree((s) => s.invalidate);
  const frameloop = useThree((s) => s.frameloop);
  useEffect(() => {
    if (frameloop === 'never') return;
    invalidate();
    onDrawn();
  }, [invalidate, frameloop, onDrawn]);
  return null;
}

/** Studio and product; memoised so that a render of the view with the same parts leaves the scene alone. */
const Scene = memo(function Scene({
  product,
  parts,
  framing,
}: {
  product: string;
  parts: Part[];
  framing: Framing;
}) {
  const footprint = useMemo(() => footprintOf(parts), [parts]);
  return (
    <Suspense fallback={null}>
      <Stage framing={framing} footprint={footprint}>
        <ProductModel product={product} parts={parts} />
      </Stage>
    </Suspense>
  );
});

/** DOM controls over the canvas: the reset button and, while anything loads, a progress bar. */
function Overlay() {
  const requestReset = useViewStore((s) => s.requestReset);
  const ready = useViewStore((s) => s.ready);
  const { active, progress } = useProgress();
  const { t } = useTranslation();
  const loading = !ready || active;
  return (
    <>
      <button
        type="button"
        className="product-view-reset"
        onClick={requestReset}
        style={{ position: 'absolute', right: 12, bottom: 12 }}
      >
        {t('scene.reset')}
      </button>
      {loading && (
        <div
          role="progressbar"
          aria-label={t('scene.loading')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(active ? progress : 0)}
          className="product-view-progress"
          style={{ position: 'absolute', left: 12, top: 12 }}
        >
          {t('scene.loading')}… {active ? `${Math.round(progress)} %` : ''}
        </div>
      )}
    </>
  );
}
