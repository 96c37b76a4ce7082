import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';

/**
 * Calls `done` once the GPU has finished everything sent so far, without waiting for it: a WebGL2 fence, polled
 * between tasks (a sync query's status is read without a round trip to the GPU process). WebGL 1 has no fences:
 * `done` at once.
 */
function whenGpuDone(gl: WebGLRenderingContext | WebGL2RenderingContext, done: () => void): () => void {
  if (typeof WebGL2RenderingContext === 'undefined' || !(gl instanceof WebGL2RenderingContext)) {
    done();
    return () => undefined;
  }
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  gl.flush();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = () => {
    if (!sync || gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED) {
      if (sync) gl.deleteSync(sync);
      done();
    } else timer = setTimeout(poll, 50);
  };
  poll();
  return () => {
    clearTimeout(timer);
    if (sync) gl.deleteSync(sync);
  };
}

/**
 * Draws the scene's first frame while the canvas is hidden, then calls `onWarm` once the GPU is through with it.
 * A software renderer spends seconds on a first frame (compiling the scene's shaders, the environment map), and a
 * canvas on screen is read back from the GPU process before the page can paint again: shown, that time would hold
 * every click. Hidden, nothing waits for it; shown afterwards, the drawn frame costs a copy. It starts a frame after
 * the canvas first reached the screen (an empty canvas is read back once too, which must not wait behind this
 * frame). Runs the frame once: the frame loop must be "never" until `onWarm`.
 */
export function WarmUp({ onWarm }: { onWarm: () => void }) {
  const gl = useThree((s) => s.gl);
  const advance = useThree((s) => s.advance);
  const warmed = useRef(onWarm);
  useEffect(() => {
    warmed.current = onWarm;
  }, [onWarm]);
  useEffect(() => {
    let stop: () => void = () => undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // rAF runs just before a paint; a task queued from it runs after that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        advance(performance.now());
        stop = whenGpuDone(gl.getContext(), () => warmed.current());
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      stop();
    };
  }, [gl, advance]);
  return null;
}
