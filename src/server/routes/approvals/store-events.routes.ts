import { access } from '../../plugins/access.ts';
import { presentApprovalRequest } from '../../approvals/present.ts';
import { createStoreEventHub } from '../../events/store-event-hub.ts';
import { findApprovalRequest } from '../../store/approval-requests.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { callerOf } from '../signed-in.ts';

/** A comment line now and then keeps proxies and the browser from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

/**
 * Live store events as Server-Sent Events (`data: <StoreEvent JSON>`): the managers' queue and the console that asked
 * update without a reload, whichever server instance the change happened on (the notifier spans instances).
 */
export const storeEventRoutes: ZodRoutes = async (app, { db, tiers, now, notifier }) => {
  const hub = createStoreEventHub({
    notifier,
    load: async (notice) => {
      const found = await findApprovalRequest(db, notice.requestId);
      if (!found) return undefined;
      const request = await presentApprovalRequest(db, tiers, now(), found);
      return { event: { kind: notice.kind, request }, requestedByUserId: found.requestedByUserId };
    },
    onError: (error) => app.log.error({ err: error }, 'delivering a store event failed'),
  });
  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => hub.close());

  app.get('/store/events', { config: { access: access.staff } }, (request, reply) => {
    const caller = callerOf(request);
    // The stream is written by hand: no serializer, compression or content length applies to it.
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // Flushes the headers, so the client knows it is subscribed before the first event.
    res.write(': connected\n\n');
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const remove = hub.add({
      userId: caller.userId,
      role: caller.role,
      send: (event) => res.write(`data: ${JSON.stringify(event)}\n\n`),
      end: () => res.end(),
    });
    // The response's close: the client went away (or the server ended the stream).
    res.on('close', () => {
      clearInterval(heartbeat);
      remove();
    });
  });
};
