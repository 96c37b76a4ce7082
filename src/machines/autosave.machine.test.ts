import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import type { SessionResponse } from '../contract/session.schema.ts';
import {
  autosaveMachine,
  retryDelayMs,
  SaveRefusedError,
  SAVE_DELAY_MS,
  SAVE_TIMEOUT_MS,
  type SaveInput,
  type SaveOutcome,
} from './autosave.machine.ts';
import { carSession as session } from '../../test/fixtures/car-session.ts';

/** An answer the fake server gives: stored, a conflict, a failure, none at all (it hangs), or stored when released. */
type Answer = 'stored' | SessionResponse | Error | 'hang' | Promise<void>;

/**
 * A saver over a fake server answering from `answers` (then 'stored' for ever), recording what each save sent, when,
 * and whether its request was abandoned.
 */
function saver(answers: Answer[], revision = 3) {
  const sent: (SaveInput & { at: number; aborted: () => boolean })[] = [];
  const machine = autosaveMachine.provide({
    actors: {
      saveSession: fromPromise<SaveOutcome, SaveInput>(({ input, signal }) => {
        sent.push({ ...input, at: Date.now(), aborted: () => signal.aborted });
        const answer = answers.shift() ?? 'stored';
        if (answer === 'hang') return new Promise<SaveOutcome>(() => {});
        if (answer instanceof Promise)
          return answer.then(() => ({ saved: true as const, revision: input.baseRevision + 1 }));
        if (answer instanceof Error) return Promise.reject(answer);
        if (answer === 'stored') return Promise.resolve({ saved: true, revision: input.baseRevision + 1 });
        return Promise.resolve({ saved: false, current: answer });
      }),
    },
  });
  const actor = createActor(machine, { input: { session: session(''), revision } });
  const conflicts: SessionResponse[] = [];
  actor.on('conflict', (event) => conflicts.push(event.current));
  actor.start();
  const status = () =>
    (['saved', 'saving', 'offline', 'failed', 'conflict'] as const).filter((tag) =>
      actor.getSnapshot().hasTag(tag),
    );
  const change = (paint: string) => actor.send({ type: 'session.change', session: session(paint) });
  return { actor, sent, conflicts, status, change };
}

const network = () => new TypeError('Failed to fetch');

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the autosave machine', () => {
  it('saves a second after the last change, once for a burst, over the revision the previous save gave', async () => {
    const { sent, status, change } = saver([]);
    expect(status()).toEqual(['saved']);
    change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    change('paint-blue');
    expect(status()).toEqual(['saving']);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((s) => [s.session.snapshot.context.choices, s.baseRevision])).toEqual([
      [{ paint: { 'paint-blue': 1 } }, 3],
    ]);
    expect(status()).toEqual(['saved']);
    change('paint-green');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(sent.map((s) => s.baseRevision)).toEqual([3, 4]);
    // The same session again (a re-render, a step back and forth) is not sent again.
    change('paint-green');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 5);
    expect(sent).toHaveLength(2);
  });

  it('offline: keeps the changes, retries at once when the network is back, and saves the latest exactly once', async () => {
    const { actor, sent, status, change } = saver([network()]);
    change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(sent).toHaveLength(1);
    expect(status()).toEqual(['offline']);
    // Another change while offline: kept here, not sent on its own (the retry takes it).
    change('paint-blue');
    await vi.advanceTimersByTimeAsync(retryDelayMs(1) - 1);
    expect(sent).toHaveLength(1);
    expect(actor.getSnapshot().context.latest).toEqual(session('paint-blue'));
    actor.send({ type: 'network.online' });
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toEqual(['saved']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent.map((s) => [s.session, s.baseRevision])).toEqual([
      [session('paint-red'), 3],
      [session('paint-blue'), 3],
    ]);
    expect(actor.getSnapshot().context.revision).toBe(4);
  });

  it('retries after 2 s, 4 s, 8 s … at most 30 s, showing "offline" (not "saving") meanwhile, until a save goes through', async () => {
    const failures = 7;
    const { sent, status, change } = saver([
      network(),
      new Error('502 Bad Gateway'),
      ...Array.from({ length: failures - 2 }, network),
    ]);
    change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const seen: string[][] = [];
    for (let i = 1; i <= failures; i++) {
      await vi.advanceTimersByTimeAsync(retryDelayMs(i));
      seen.push(status());
    }
    const gaps = sent.slice(1).map((s, i) => s.at - (sent[i]?.at ?? 0));
    expect(gaps).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(seen.slice(0, -1).every((s) => s.join() === 'offline')).toBe(true);
    expect(seen.at(-1)).toEqual(['saved']);
    expect(sent.every((s) => s.baseRevision === 3)).toBe(true);
  });

  it('a save with no answer in time is abandoned (its request aborted) and retried', async () => {
    const { sent, status, change } = saver(['hang']);
    change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + SAVE_TIMEOUT_MS - 1);
    expect(status()).toEqual(['saving']);
    await vi.advanceTimersByTimeAsync(1);
    expect(status()).toEqual(['offline']);
    expect(sent[0]?.aborted()).toBe(true);
    await vi.advanceTimersByTimeAsync(retryDelayMs(1));
    expect(status()).toEqual(['saved']);
    expect(sent).toHaveLength(2);
  });

  it('tries again at once when the page is shown again, and on the shopper’s "Retry now"', async () => {
    const { actor, sent, status, change } = saver([network(), network()]);
    change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    actor.send({ type: 'page.hide' });
    await vi.advanceTimersByTimeAsync(0);
    // Hidden: a try at once that outlives the page; it failed too.
    expect(sent.map((s) => s.keepalive)).toEqual([false, true]);
    actor.send({ type: 'page.show' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((s) => s.keepalive)).toEqual([false, true, false]);
    expect(status()).toEqual(['saved']);
    const again = saver([network()]);
    again.change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    again.actor.send({ type: 'save.retry' });
    await vi.advanceTimersByTimeAsync(0);
    expect(again.sent).toHaveLength(2);
    expect(again.status()).toEqual(['saved']);
  });

  it('a save refused for good (a 4xx) is not retried on its own: "failed" with its status, until "Retry now"', async () => {
    const { actor, sent, status, change } = saver([new SaveRefusedError(413, 'too large')]);
    change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(status()).toEqual(['failed']);
    expect(actor.getSnapshot().context.refusedWith).toBe(413);
    change('paint-blue');
    actor.send({ type: 'network.online' });
    actor.send({ type: 'page.show' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sent).toHaveLength(1);
    actor.send({ type: 'save.retry' });
    expect(status()).toEqual(['saving']);
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toEqual(['saved']);
    expect(sent.at(-1)?.session).toEqual(session('paint-blue'));
  });

  it('a conflict hands over what is stored and stops saving', async () => {
    const current: SessionResponse = {
      session: session('paint-teal'),
      updatedAt: null,
      revision: 9,
      updatedBy: null,
    };
    const { actor, sent, status, change, conflicts } = saver([current]);
    change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(status()).toEqual(['conflict']);
    expect(conflicts).toEqual([current]);
    change('paint-blue');
    actor.send({ type: 'save.retry' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
  });

  it('when the session ends, what is unsaved goes at once (outliving the page), then the saver stops', async () => {
    const { actor, sent, change } = saver([]);
    change('paint-red');
    actor.send({ type: 'session.end' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((s) => [s.session, s.keepalive])).toEqual([[session('paint-red'), true]]);
    expect(actor.getSnapshot().status).toBe('done');
    // Ending offline: one last try; when it fails too, the saver stops.
    const offline = saver([network(), network()]);
    offline.change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    offline.actor.send({ type: 'session.end' });
    await vi.advanceTimersByTimeAsync(0);
    expect(offline.sent.map((s) => s.keepalive)).toEqual([false, true]);
    expect(offline.actor.getSnapshot().status).toBe('done');
    // Nothing unsaved: nothing sent.
    const quiet = saver([]);
    quiet.actor.send({ type: 'session.end' });
    expect(quiet.actor.getSnapshot().status).toBe('done');
    expect(quiet.sent).toHaveLength(0);
  });

  it('a save under way when the session ends finishes, and a change made meanwhile follows it', async () => {
    let release = () => {};
    const { actor, sent, change } = saver([new Promise<void>((resolve) => (release = resolve))]);
    change('paint-red');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    // The save is under way when a change and the end come in.
    change('paint-blue');
    actor.send({ type: 'session.end' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(actor.getSnapshot().status).toBe('active');
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((s) => [s.session, s.baseRevision])).toEqual([
      [session('paint-red'), 3],
      [session('paint-blue'), 4],
    ]);
    expect(actor.getSnapshot().status).toBe('done');
  });
});
