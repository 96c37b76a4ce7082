import { useEffect, useRef } from 'react';
import { storeEventSchema, type StoreEvent } from '../contract/store-quotes.schema.ts';

/**
 * Listens to the console's live events (`GET /api/store/events`, Server-Sent Events) while mounted. `onOpen` runs on
 * every (re)connection: the browser reconnects by itself after a drop, and what was decided meanwhile arrived on no
 * stream, so callers read their lists again there. A message that is not a StoreEvent is ignored (an older server).
 */
export function useStoreEvents(onEvent: (event: StoreEvent) => void, onOpen?: () => void): void {
  const handlers = useRef({ onEvent, onOpen });
  useEffect(() => {
    handlers.current = { onEvent, onOpen };
  });
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/store/events');
    source.onopen = () => handlers.current.onOpen?.();
    source.onmessage = (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = storeEventSchema.safeParse(data);
      if (parsed.success) handlers.current.onEvent(parsed.data);
    };
    return () => source.close();
  }, []);
}
