import { EventEmitter } from 'node:events';
import type { StoreNotice, StoreNoticeListener, StoreNotifier } from './store-notifier.ts';

/** One process, one database (SQLite, tests): notices go straight to this process's listeners. */
export function createInProcessNotifier(): StoreNotifier {
  const emitter = new EventEmitter();
  // Every open event stream subscribes; the default limit of 10 would warn at the eleventh console.
  emitter.setMaxListeners(0);
  return {
    publish: (notice: StoreNotice) => {
      // Deliver on a later turn, as PostgreSQL does, so a slow listener never delays the publishing request.
      setImmediate(() => emitter.emit('notice', notice));
      return Promise.resolve();
    },
    subscribe: (listener: StoreNoticeListener) => {
      emitter.on('notice', listener);
      return () => emitter.off('notice', listener);
    },
    close: () => {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}
