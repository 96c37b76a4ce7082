/**
 * Ready in a second (issue 16), part of `npm run bench:ui`: a cold visit, in a fresh browser context per sample (no
 * HTTP cache, no cookies, no storage), for the home page and for each catalog's configure page with the 3D view
 * off and on, interleaved so that the machine's noise falls on all of them alike.
 *  - home_cold_load: navigation start to the product list on screen (the baseline of the same run);
 *  - ready: navigation start to the first option on screen (an option button in the step, two frames after it
 *    entered the DOM), its ratio to the home page's, and the first click after it: a real mouse click (CDP) on an
 *    available option sent as soon as the page said it was ready, timed from the input event's own timestamp (so
 *    a click held behind a long task counts from when it was made) to its answer on screen (the first change in the
 *    step's options, plus two frames). Later clicks in the same visit, alternating between two options of that
 *    slot until the 3D view's first frame is on screen (3D on) or a few seconds passed, are `later_click_*`.
 *  - ready_waterfall: the sample at the median, its requests and long tasks, to see where the time goes.
 *  - longest_task_after_ready: the longest task on the page's thread from ready to the end of the visit (with 3D
 *    on, past its first frame): what a click at the worst moment would wait for.
 * Env: BENCH_UI_READY_SAMPLES (10 per configuration), BENCH_UI_READY_WATCH_MS (3000: later clicks with 3D off),
 *      BENCH_UI_READY_ONLY (e.g. `pc-on,car-off`: only these configurations, the home page always).
 */
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../test/e2e/server.ts';
import { emit, log, ms, percentile, ratio, stats } from './ui-stats.ts';

const SAMPLES = Number(process.env.BENCH_UI_READY_SAMPLES ?? 10);
const WATCH_MS = Number(process.env.BENCH_UI_READY_WATCH_MS ?? 3000);
/** With 3D on, clicking goes on until the first 3D frame is on screen and this many clicks after it, or the cap. */
const CLICKS_AFTER_FRAME = 2;
const WATCH_3D_CAP_MS = 30_000;
/**
 * Pause before each later click. With 3D on it is longer than the view's quiet moment (src/configure/scene/quiet.ts,
 * 1 s), as a shopper reading the options pauses: the view then loads, warms up and shows itself between clicks,
 * and a click that meets one of its steps counts.
 */
const CLICK_GAP_MS = { off: 250, on: 1500 };
const VIEWPORT = { width: 1366, height: 1000 };

const HOME_SELECTOR = 'a.product-card';
const OPTION_SELECTOR = '.step-body [data-slot] button[data-option]';

interface Target {
  x: number;
  y: number;
  option: string;
}

interface ClickMark {
  /** The input event's timestamp: when the click was made. */
  input: number;
  /** When the page's first listener ran. */
  handler: number;
  /** The first change in the step's options after it. */
  mutation: number | null;
  /** The answer on screen, or null when none came within 15 s. */
  answered: number | null;
  /** The option clicked, as the page saw it. */
  target: string | null;
}

interface Probe {
  ready: Promise<{ at: number; targets: Target[] }>;
  clicks: Promise<ClickMark>[];
  firstFrame: number | null;
  longTasks: { start: number; duration: number }[];
}

interface ProbeWindow {
  __probe: Probe;
}

/**
 * Installed before the page's own scripts: the ready watcher, the click timer, the first WebGL draw call and the
 * long tasks. Runs in the page, so everything it needs is inside.
 */
function probeScript(selector: string): void {
  const twoFrames = (then: (now: number) => void) =>
    requestAnimationFrame(() => requestAnimationFrame(() => then(performance.now())));
  const probe = { clicks: [], firstFrame: null, longTasks: [] } as unknown as Probe;
  (window as unknown as ProbeWindow).__probe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task timing: the waterfall goes without
  }
  let drawn = false;
  for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype] as const)
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const target = proto as unknown as Record<string, (...args: unknown[]) => unknown>;
      const original = target[name];
      if (original)
        target[name] = function (this: unknown, ...args: unknown[]) {
          if (!drawn) {
            drawn = true;
            twoFrames((now) => (probe.firstFrame = now));
          }
          return original.apply(this, args);
        };
    }
  // Two options of the first slot that has two available ones not chosen ("choose one" slots first): clicking
  // them in turn changes the build every time.
  const targets = (): Target[] => {
    const slots = [...document.querySelectorAll<HTMLElement>('.step-body [data-slot]')];
    const free = (slot: HTMLElement) => [
      ...slot.querySelectorAll<HTMLElement>(
        'button[data-option][data-available="true"][aria-pressed="false"]',
      ),
    ];
    const slot =
      slots.find((s) => s.querySelector('.slot-kind')?.textContent === 'choose one' && free(s).length >= 2) ??
      slots.find((s) => free(s).length >= 2);
    return (slot ? free(slot).slice(0, 2) : []).map((button) => {
      const box = button.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, option: button.dataset.option ?? '' };
    });
  };
  probe.ready = new Promise((resolve) => {
    let found = false;
    const check = () => {
      if (found || !document.querySelector(selector)) return;
      found = true;
      observer.disconnect();
      twoFrames((at) => resolve({ at, targets: targets() }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
    check();
  });
  window.addEventListener(
    'click',
    (event) => {
      const input = event.timeStamp;
      const handler = performance.now();
      const clicked =
        event.target instanceof Element ? event.target.closest<HTMLElement>('[data-option]') : null;
      const container = document.querySelector('.step-body');
      probe.clicks.push(
        new Promise((resolve) => {
          let done = false;
          let mutation: number | null = null;
          const finish = (answered: number | null) => {
            if (done) return;
            done = true;
            observer.disconnect();
            resolve({ input, handler, mutation, answered, target: clicked?.dataset.option ?? null });
          };
          const observer = new MutationObserver(() => {
            mutation = performance.now();
            observer.disconnect();
            twoFrames(finish);
          });
          if (container)
            observer.observe(container, {
              subtree: true,
              childList: true,
              attributes: true,
              characterData: true,
            });
          setTimeout(() => finish(null), 15_000);
        }),
      );
    },
    { capture: true },
  );
}

interface Resource {
  path: string;
  start: number;
  end: number;
  kb: number;
}

interface VisitResult {
  ready: number;
  firstClick: ClickMark | null;
  laterClicks: ClickMark[];
  firstFrame: number | null;
  resources: Resource[];
  longTasks: { start: number; duration: number }[];
}

async function click(page: Page, target: Target, index: number): Promise<ClickMark> {
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction((i) => (window as unknown as ProbeWindow).__probe.clicks.length > i, index);
  return page.evaluate(
    (i) => (window as unknown as ProbeWindow).__probe.clicks[i] as Promise<ClickMark>,
    index,
  );
}

async function visit(
  browser: Browser,
  url: string,
  selector: string,
  show3d?: boolean,
): Promise<VisitResult> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    // tsx (esbuild keepNames) wraps named inner functions in __name(), which the page does not have.
    await context.addInitScript('globalThis.__name ??= (fn) => fn');
    if (show3d !== undefined)
      await context.addInitScript(
        (m) => localStorage.setItem('configurator.show3d', m),
        show3d ? 'on' : 'off',
      );
    await context.addInitScript(probeScript, selector);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => '__probe' in window);
    const ready = await page.evaluate(() => (window as unknown as ProbeWindow).__probe.ready);
    const started = performance.now();
    const clicks: ClickMark[] = [];
    const [a, b] = ready.targets;
    if (selector === OPTION_SELECTOR && a && b) {
      clicks.push(await click(page, a, 0));
      const frameSeen = () =>
        page.evaluate(() => (window as unknown as ProbeWindow).__probe.firstFrame !== null);
      let afterFrame = 0;
      for (let i = 1; ; i++) {
        const elapsed = performance.now() - started;
        if (show3d) {
          if (afterFrame >= CLICKS_AFTER_FRAME || elapsed > WATCH_3D_CAP_MS) break;
        } else if (elapsed > WATCH_MS) break;
        await page.waitForTimeout(show3d ? CLICK_GAP_MS.on : CLICK_GAP_MS.off);
        const mark = await click(page, i % 2 === 1 ? b : a, i);
        clicks.push(mark);
        if (show3d && (afterFrame > 0 || (await frameSeen()))) afterFrame++;
      }
    } else if (selector === OPTION_SELECTOR) log(`${url}: no two available options to click`);
    const after = await page.evaluate(() => {
      const p = (window as unknown as ProbeWindow).__probe;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        firstFrame: p.firstFrame,
        longTasks: p.longTasks,
        resources: resources.map((r) => ({
          path: new URL(r.name).pathname,
          start: r.startTime,
          end: r.responseEnd,
          kb: r.encodedBodySize / 1024,
        })),
      };
    });
    return {
      ready: ready.at,
      firstClick: clicks[0] ?? null,
      laterClicks: clicks.slice(1),
      ...after,
    };
  } finally {
    await context.close();
  }
}

const latency = (c: ClickMark) => (c.answered === null ? Number.POSITIVE_INFINITY : c.answered - c.input);

function waterfall(result: VisitResult, label: Record<string, unknown>): void {
  emit({
    metric: 'ready_waterfall',
    ...label,
    ready_ms: ms(result.ready),
    requests: result.resources
      .filter((r) => r.start < result.ready)
      .map((r) => ({ path: r.path, start_ms: ms(r.start), end_ms: ms(r.end), kb: ms(r.kb) })),
    long_tasks_before_ready: result.longTasks
      .filter((t) => t.start < result.ready)
      .map((t) => ({ start_ms: ms(t.start), duration_ms: ms(t.duration) })),
    long_tasks_after_ready: result.longTasks
      .filter((t) => t.start >= result.ready)
      .map((t) => ({ start_ms: ms(t.start), duration_ms: ms(t.duration) })),
    ...(result.firstFrame !== null && { first_3d_frame_ms: ms(result.firstFrame) }),
  });
}

interface Configuration {
  catalog: string;
  with3d: boolean;
  results: VisitResult[];
}

/** The cold-load figures of the issue, for the home page and every configuration, in one run. */
export async function readyBench(browser: Browser, server: RunningServer): Promise<void> {
  const home: VisitResult[] = [];
  const only = process.env.BENCH_UI_READY_ONLY?.split(',');
  const configurations: Configuration[] = ['pc', 'car']
    .flatMap((catalog) => [false, true].map((with3d) => ({ catalog, with3d, results: [] as VisitResult[] })))
    .filter((c) => !only || only.includes(`${c.catalog}-${c.with3d ? 'on' : 'off'}`));
  for (let round = 0; round < SAMPLES; round++) {
    log(`ready: round ${round + 1} of ${SAMPLES}`);
    home.push(await visit(browser, `${server.url}/`, HOME_SELECTOR));
    for (const c of configurations)
      c.results.push(await visit(browser, `${server.url}/configure/${c.catalog}`, OPTION_SELECTOR, c.with3d));
  }
  const homeLoad = stats(home.map((r) => r.ready));
  emit({
    metric: 'home_cold_load',
    what: 'navigation start to the product list on screen, fresh browser context (cold cache)',
    samples: homeLoad.n,
    p50_ms: homeLoad.p50_ms,
    p95_ms: homeLoad.p95_ms,
    max_ms: homeLoad.max_ms,
  });
  for (const { catalog, with3d, results } of configurations) {
    const ready = stats(results.map((r) => r.ready));
    const first = results.flatMap((r) => (r.firstClick ? [r.firstClick] : []));
    const firstLatency = stats(first.map(latency));
    const firstWait = stats(first.map((c) => c.handler - c.input));
    const firstToDom = stats(first.flatMap((c) => (c.mutation === null ? [] : [c.mutation - c.input])));
    const later = results.flatMap((r) => r.laterClicks);
    const laterLatency = stats(later.map(latency));
    const frames = results.flatMap((r) => (r.firstFrame === null ? [] : [r.firstFrame]));
    const longestAfter = stats(
      results.map((r) =>
        Math.max(0, ...r.longTasks.filter((t) => t.start >= r.ready).map((t) => t.duration)),
      ),
    );
    const ratioP50 = ratio(ready.p50_ms, homeLoad.p50_ms);
    const ratioP95 = ratio(ready.p95_ms, homeLoad.p95_ms);
    emit({
      metric: 'ready',
      catalog,
      with_3d: with3d,
      samples: ready.n,
      ready_p50_ms: ready.p50_ms,
      ready_p95_ms: ready.p95_ms,
      ready_max_ms: ready.max_ms,
      home_p50_ms: homeLoad.p50_ms,
      home_p95_ms: homeLoad.p95_ms,
      ratio_p50: ratioP50,
      ratio_p95: ratioP95,
      goal_ratio_p50: 1.5,
      goal_ratio_p95: 2,
      first_click: 'input event to its answer on screen, clicked as soon as the options were',
      first_click_p50_ms: firstLatency.p50_ms,
      first_click_p95_ms: firstLatency.p95_ms,
      first_click_max_ms: firstLatency.max_ms,
      first_click_wait_p50_ms: firstWait.p50_ms,
      first_click_wait_p95_ms: firstWait.p95_ms,
      first_click_to_dom_p50_ms: firstToDom.p50_ms,
      first_click_to_dom_p95_ms: firstToDom.p95_ms,
      first_click_missed: first.filter((c) => c.answered === null).length,
      goal_first_click_p50_ms: 100,
      goal_first_click_p95_ms: 200,
      later_clicks: later.length,
      later_click_p50_ms: laterLatency.p50_ms,
      later_click_p95_ms: laterLatency.p95_ms,
      later_click_max_ms: laterLatency.max_ms,
      longest_task_after_ready_p50_ms: longestAfter.p50_ms,
      longest_task_after_ready_p95_ms: longestAfter.p95_ms,
      ...(with3d && {
        first_3d_frame_p50_ms: ms(percentile(frames, 50)),
        first_3d_frame_p95_ms: ms(percentile(frames, 95)),
        samples_with_3d_frame: frames.length,
      }),
      ok:
        ratioP50 <= 1.5 &&
        ratioP95 <= 2 &&
        firstLatency.p50_ms <= 100 &&
        firstLatency.p95_ms <= 200 &&
        first.length === results.length,
    });
    const median = [...results].sort((x, y) => x.ready - y.ready)[Math.floor((results.length - 1) / 2)];
    if (median) waterfall(median, { catalog, with_3d: with3d });
  }
}
