import { useEffect, useState } from 'react';

/**
 * `value`, handed on only once the page has painted the frame it arrived in, and only when `key` (its content)
 * changed. A click that changes the build repaints the options at once; the 3D scene follows a frame later, so a
 * slow GPU frame (seconds on a software renderer) never holds the page's answer to the click back. A click that
 * leaves the drawn parts as they were (delivery, warranty) reaches the scene not at all.
 */
export function useAfterPaint<T>(value: T, key: string): T {
  const [shown, setShown] = useState({ key, value });
  useEffect(() => {
    if (key === shown.key) return;
    // rAF runs just before the paint; a task queued from it runs just after.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown({ key, value }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [key, value, shown.key]);
  return shown.value;
}
