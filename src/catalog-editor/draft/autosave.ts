import { createStore } from 'zustand/vanilla';
import type { DraftConflictResponse } from '../../contract/catalog-admin.schema.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import { mergeJson } from '../../core/catalog-edit/json-merge.ts';
import type { DocumentStore } from './document.store.ts';
import type { SaveOutcome } from './draft-api.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';

export interface AutosaveState {
  status: SaveStatus;
  /** The server's revision `base` is. */
  revision: number;
  /** The document as last saved or loaded: the common ancestor of a merge. */
  base: Catalog;
  savedAt?: string;
  error?: string;
  conflict?: DraftConflictResponse;
}

export type SaveFn = (baseRevision: number, doc: Catalog, keepalive: boolean) => Promise<SaveOutcome>;

/**
 * Saves the draft a moment after each edit (issue 18 §7), one request at a time, always on top of the revision it
 * last saw. A refused save (409) stops saving and keeps every edit on this page until the person merges or reloads;
 * edits made meanwhile are part of what is merged. Nothing is dropped without their say.
 */
export function createAutosave(
  docs: DocumentStore,
  start: { revision: number; document: Catalog },
  save: SaveFn,
  delayMs = 1000,
) {
  const state = createStore<AutosaveState>(() => ({
    status: 'saved',
    revision: start.revision,
    base: start.document,
  }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;

  const flush = (keepalive = false) => {
    clearTimeout(timer);
    const s = state.getState();
    if (s.status === 'conflict' || inFlight) return;
    const doc = docs.getState().doc;
    if (doc === s.base) return state.setState({ status: 'saved' });
    inFlight = true;
    state.setState({ status: 'saving', error: undefined });
    save(s.revision, doc, keepalive).then(
      (outcome) => {
        inFlight = false;
        if (!outcome.ok) return state.setState({ status: 'conflict', conflict: outcome.conflict });
        state.setState({
          revision: outcome.revision,
          base: doc,
          savedAt: outcome.updatedAt,
          status: 'saved',
        });
        // Edits made while it was on its way: the next save.
        if (docs.getState().doc !== doc) schedule();
      },
      (error: unknown) => {
        inFlight = false;
        state.setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  function schedule() {
    if (state.getState().status === 'conflict') return;
    state.setState({ status: 'pending' });
    clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  }

  /** Resolves a conflict by state: theirs becomes the base, the revision theirs. */
  const adopt = (conflict: DraftConflictResponse) =>
    state.setState({
      base: conflict.current.document as Catalog,
      revision: conflict.current.revision,
      conflict: undefined,
      status: 'pending',
    });

  return {
    state,
    flush,
    /**
     * My edits since the base applied onto what is stored now, as one undoable edit, then saved.
     * @returns the paths both changed differently (mine was kept there).
     */
    merge(): string[] {
      const { conflict, base } = state.getState();
      if (!conflict) return [];
      const mine = docs.getState().doc;
      const result = mergeJson(base, mine, conflict.current.document);
      adopt(conflict);
      docs.getState().edit(() => result.merged as Catalog);
      flush();
      return result.conflicts;
    },
    /** What is stored now replaces mine, as one undoable edit (undo brings mine back, to be saved again). */
    reload() {
      const { conflict } = state.getState();
      if (!conflict) return;
      adopt(conflict);
      docs.getState().edit(() => conflict.current.document as Catalog);
      state.setState({ status: 'saved' });
    },
    /** Saves after each edit from now on; the returned function stops that (a pending save is not made). */
    start(): () => void {
      const unsubscribe = docs.subscribe((s, prev) => {
        if (s.doc !== prev.doc) schedule();
      });
      return () => {
        clearTimeout(timer);
        unsubscribe();
      };
    },
  };
}

export type Autosave = ReturnType<typeof createAutosave>;
