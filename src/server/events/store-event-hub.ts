import { storeEventSchema, type StoreEvent } from '../../contract/store-quotes.schema.ts';
import type { UserRole } from '../store/users.table.ts';
import type { ApprovalNotice, StoreNotifier } from './store-notifier.ts';

/** An open event stream of one signed-in staff member. */
export interface EventStreamClient {
  userId: string;
  role: UserRole;
  send(event: StoreEvent): void;
  /** Ends the stream (the server is closing). */
  end(): void;
}

/** A store event with who it concerns, read from the database. */
export interface RoutedStoreEvent {
  event: StoreEvent;
  requestedByUserId: string;
}

/**
 * Who sees what: store managers every approval event (their queue); a salesperson only the decision on their own
 * request (the console they asked from updates); nobody else anything.
 */
export function mayReceive(
  client: Pick<EventStreamClient, 'userId' | 'role'>,
  routed: RoutedStoreEvent,
): boolean {
  if (client.role === 'store_manager') return true;
  return (
    client.role === 'sales' &&
    routed.event.kind === 'approval.decided' &&
    routed.requestedByUserId === client.userId
  );
}

export interface StoreEventHub {
  /** @returns the function that removes the client (its stream closed). */
  add(client: EventStreamClient): () => void;
  /** Stops listening and ends every open stream. */
  close(): void;
}

/**
 * This instance's event streams, fed by the notifier: each notice is read from the database once (the database is
 * the authority, and the notice carries only an id), then pushed to the clients that may receive it.
 */
export function createStoreEventHub(options: {
  notifier: StoreNotifier;
  /** Reads the notice's request; undefined when this database has no such request (another deployment's notice). */
  load: (notice: ApprovalNotice) => Promise<RoutedStoreEvent | undefined>;
  onError: (error: unknown) => void;
}): StoreEventHub {
  const clients = new Set<EventStreamClient>();
  const deliver = async (notice: ApprovalNotice) => {
    if (clients.size === 0) return;
    const routed = await options.load(notice);
    if (!routed) return;
    const checked = { ...routed, event: storeEventSchema.parse(routed.event) };
    for (const client of clients) if (mayReceive(client, checked)) client.send(checked.event);
  };
  // One notice at a time, in the order they came: reads of the database may finish out of order, a console must
  // not see a decision before the request it decides.
  let queue = Promise.resolve();
  const unsubscribe = options.notifier.subscribe((notice) => {
    if (notice.kind === 'catalog.changed') return; // not for consoles: live-catalogs.ts listens to those
    queue = queue.then(() => deliver(notice)).catch(options.onError);
  });
  return {
    add: (client) => {
      clients.add(client);
      return () => clients.delete(client);
    },
    close: () => {
      unsubscribe();
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
