import { temporal, type TemporalState } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Catalog } from '../../core/catalog/index.ts';

/**
 * The draft being edited, with its undo history (zundo): every edit is one step. Keystrokes in one field are one step
 * too: an edit naming the same `group` as the one before, within `groupMs`, joins that step instead of starting one
 * (the history keeps the document from before the first keystroke).
 */
export interface DocumentState {
  doc: Catalog;
  /** Applies one edit; `group` names the field being typed in (e.g. `option:gpu-x:price`). */
  edit: (f: (doc: Catalog) => Catalog, group?: string) => void;
  undo: () => void;
  redo: () => void;
}

export const GROUP_MS = 1500;

export type DocumentStore = StoreApi<DocumentState> & {
  temporal: StoreApi<TemporalState<Pick<DocumentState, 'doc'>>>;
};

export function createDocumentStore(initial: Catalog, now: () => number = Date.now): DocumentStore {
  let last: { group: string; at: number } | undefined;
  const store: DocumentStore = createStore<DocumentState>()(
    temporal(
      (set) => ({
        doc: initial,
        edit: (f, group) => {
          const { doc } = store.getState();
          const next = f(doc);
          if (next === doc) return;
          const at = now();
          const joins = group !== undefined && last?.group === group && at - last.at < GROUP_MS;
          last = group === undefined ? undefined : { group, at };
          if (!joins) return set({ doc: next });
          const history = store.temporal.getState();
          history.pause();
          set({ doc: next });
          history.resume();
        },
        undo: () => {
          last = undefined;
          store.temporal.getState().undo();
        },
        redo: () => {
          last = undefined;
          store.temporal.getState().redo();
        },
      }),
      { partialize: (s) => ({ doc: s.doc }), limit: 500, equality: (a, b) => a.doc === b.doc },
    ),
  );
  return store;
}
