import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Catalog } from '../../core/catalog/index.ts';
import type { DocumentState, DocumentStore } from './document.store.ts';

/** The draft's document store, one per open editor. */
export const DocumentContext = createContext<DocumentStore | null>(null);

export function useDocumentStore(): DocumentStore {
  const store = useContext(DocumentContext);
  if (!store) throw new Error('useDocumentStore outside DraftEditor');
  return store;
}

export function useDoc(): Catalog {
  return useStore(useDocumentStore(), (s) => s.doc);
}

export function useEdit(): DocumentState['edit'] {
  return useStore(useDocumentStore(), (s) => s.edit);
}

/** Whether undo and redo can do anything, for the buttons. */
export function useHistory() {
  const store = useDocumentStore();
  const canUndo = useStore(store.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (s) => s.futureStates.length > 0);
  return { canUndo, canRedo, undo: store.getState().undo, redo: store.getState().redo };
}
