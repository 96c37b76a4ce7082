// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from './quiet.ts';

const press = () => window.dispatchEvent(new Event('pointerdown'));

// One fake clock for the file: the last input is the page's, kept across tests, and time only goes forward.
beforeAll(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.unstubAllGlobals();
});
afterAll(() => {
  vi.useRealTimers();
});

describe('a quiet moment', () => {
  it('comes once there was no input for the whole period, counted from the ask', () => {
    const run = vi.fn();
    whenQuiet(run, 1000);
    vi.advanceTimersByTime(999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits again after every input', () => {
    const run = vi.fn();
    whenQuiet(run, 1000);
    vi.advanceTimersByTime(600);
    press();
    vi.advanceTimersByTime(900);
    press();
    vi.advanceTimersByTime(999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('then waits for the browser to be idle, and checks again if input came meanwhile', () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const run = vi.fn();
    whenQuiet(run, 1000);
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    press();
    idle.shift()?.();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    idle.shift()?.();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never comes once cancelled', () => {
    const run = vi.fn();
    const cancel = whenQuiet(run, 1000);
    vi.advanceTimersByTime(500);
    cancel();
    vi.advanceTimersByTime(5000);
    expect(run).not.toHaveBeenCalled();
  });
});
