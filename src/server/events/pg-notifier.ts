import pg from 'pg';
import {
  storeNoticeSchema,
  type StoreNotice,
  type StoreNoticeListener,
  type StoreNotifier,
} from './store-notifier.ts';

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export interface PgNotifierOptions {
  connectionString: string;
  /** The LISTEN/NOTIFY channel; instances of one deployment share it (tests may isolate themselves). */
  channel?: string;
  /** Where to report a lost connection or a malformed notice (the app's logger in main.ts). */
  onError?: (error: unknown) => void;
  /** Wait before reconnecting after the listening connection was lost. */
  reconnectMs?: number;
}

/**
 * Notices across every server instance sharing one PostgreSQL database: LISTEN on a dedicated connection (a pooled
 * one would be handed to other queries and lose the subscription), NOTIFY through it too. If the connection drops
 * it reconnects and listens again; notices sent meanwhile are lost, but not the requests: the database holds them,
 * so a list loaded afresh is complete.
 * @returns once listening, so nothing published after start-up is missed by this instance.
 */
export async function createPgNotifier(options: PgNotifierOptions): Promise<StoreNotifier> {
  const channel = options.channel ?? 'store_events';
  const onError = options.onError ?? ((error: unknown) => console.error('store events:', error));
  const listeners = new Set<StoreNoticeListener>();
  let closed = false;
  /** The listening connection; undefined while reconnecting. */
  let client: pg.Client | undefined;
  const retry = () => setTimeout(() => void reconnect(), options.reconnectMs ?? 1000).unref();

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== channel || message.payload === undefined) return;
    const parsed = storeNoticeSchema.safeParse(parseJson(message.payload));
    if (!parsed.success) return onError(new Error(`malformed store notice: ${message.payload}`));
    for (const listener of listeners) listener(parsed.data);
  };

  const connect = async (): Promise<pg.Client> => {
    // Named, so an operator sees in pg_stat_activity which connections are the instances' listeners.
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: 'store-events',
    });
    next.on('notification', onNotification);
    next.on('error', (error) => {
      onError(error);
      if (client === next) client = undefined;
      next.removeAllListeners();
      // A dead connection may still report errors while ending; they are no news.
      next.on('error', () => undefined);
      void next.end().catch(() => undefined);
      if (!closed) retry();
    });
    await next.connect();
    // An identifier, not a value: LISTEN takes no parameters.
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return next;
  };

  const reconnect = async () => {
    if (closed) return;
    try {
      const next = await connect();
      // Closed while connecting: nobody will end this one otherwise.
      if (closed) await next.end();
      else client = next;
    } catch (error) {
      onError(error);
      retry();
    }
  };

  client = await connect();
  return {
    publish: async (notice: StoreNotice) => {
      if (!client) throw new Error('store events: reconnecting to PostgreSQL, the notice is not sent');
      await client.query('select pg_notify($1, $2)', [channel, JSON.stringify(notice)]);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      closed = true;
      listeners.clear();
      const last = client;
      client = undefined;
      await last?.end();
    },
  };
}
