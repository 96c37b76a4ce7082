/**
 * A turn of the event loop for one request whose work is all SQLite.
 *
 * better-sqlite3 answers synchronously, so such a request runs start to finish without giving the loop back, and
 * every request read in one poll runs before the next poll. libuv accepts one new connection per poll (libuv#3696,
 * since 1.45), so under load a turn of the loop grows with the open connections (120 × 3 ms ≈ 0.4 s) and a new
 * connection waits in the kernel's queue for one turn per connection ahead of it: `npm run bench:server` timed
 * out customer-search clients that were never accepted, while the server answered the others in milliseconds.
 * Taking turns runs one such request per loop turn, so the loop polls (accepts, reads) between any two of them and
 * waiting requests queue here, first come first served, where they are seen.
 */
const waiting: (() => void)[] = [];
let pumping = false;

function pump(): void {
  waiting.shift()?.();
  // Queued from the check phase, the next one runs after the next poll.
  if (waiting.length > 0) setImmediate(pump);
  else pumping = false;
}

/** Resolves when it is this request's turn: after the loop has polled since the previous one's. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
}
