/**
 * Best-effort delivery of logged events (interactions, recommendations shown and taken): batched so a burst of
 * clicks is one request, flushed when the page is hidden (keepalive lets the request outlive the page) or the
 * session ends. A refused batch is dropped with a warning rather than retried: the server refuses only
 * malformed events, and sending them again would not change that.
 */
export interface EventBatch<E> {
  add: (event: E) => void;
  flush: (opts?: { keepalive?: boolean }) => void;
  /** Flushes and stops listening to the page. */
  close: () => void;
}

/** The server takes at most this many events per request (see the contract schemas). */
const MAX_PER_REQUEST = 100;

export function createEventBatch<E>(url: string, delayMs = 800): EventBatch<E> {
  let queue: E[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = ({ keepalive = false } = {}) => {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length > 0) {
      const events = queue.slice(0, MAX_PER_REQUEST);
      queue = queue.slice(MAX_PER_REQUEST);
      void fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ events }),
        keepalive,
      })
        .then((response) => {
          if (!response.ok) console.warn(`${url} refused ${events.length} events: ${response.status}`);
        })
        .catch(() => console.warn(`${url} could not be reached; ${events.length} events were not logged`));
    }
  };
  const onHide = () => {
    if (document.visibilityState === 'hidden') flush({ keepalive: true });
  };
  document.addEventListener('visibilitychange', onHide);
  return {
    add: (event) => {
      queue.push(event);
      if (queue.length >= MAX_PER_REQUEST) flush();
      else if (timer === undefined) timer = setTimeout(flush, delayMs);
    },
    flush,
    close: () => {
      document.removeEventListener('visibilitychange', onHide);
      flush({ keepalive: true });
    },
  };
}
