import { storeEventSchema, type StoreEvent } from '../../src/contract/store-quotes.schema.ts';

export interface EventStream {
  /** The next event on the stream (in order), or a rejection after `timeoutMs` naming what was seen. */
  next(timeoutMs?: number): Promise<StoreEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens `/api/store/events` on a listening server as a browser's EventSource would, and resolves once the server
 * has subscribed it (its first comment line arrived), so nothing published afterwards can be missed.
 */
export async function openEventStream(baseUrl: string, jar: string): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/store/events`, {
    headers: { cookie: jar, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`event stream refused: ${res.status}`);
  if (!res.headers.get('content-type')?.startsWith('text/event-stream'))
    throw new Error(`not an event stream: ${res.headers.get('content-type')}`);

  const events: StoreEvent[] = [];
  const waiting: (() => void)[] = [];
  let connected!: () => void;
  const isConnected = new Promise<void>((resolve) => (connected = resolve));
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended!: () => void;
  const hasEnded = new Promise<void>((resolve) => (ended = resolve));
  const pump = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return ended();
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (message.startsWith(': connected')) connected();
        if (message.startsWith('data: ')) {
          events.push(storeEventSchema.parse(JSON.parse(message.slice('data: '.length))));
          waiting.splice(0).forEach((wake) => wake());
        }
      }
    }
  };
  pump().catch(() => undefined); // aborted by close()
  await isConnected;

  let read = 0;
  return {
    next: async (timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (read >= events.length) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event within ${timeoutMs} ms (seen: ${events.length})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiting.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      const event = events[read++];
      if (!event) throw new Error('event vanished');
      return event;
    },
    ended: hasEnded,
    close: () => abort.abort(),
  };
}
