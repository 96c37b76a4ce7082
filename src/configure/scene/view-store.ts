import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';

/** UI state shared by the canvas and its DOM overlay (siblings): camera resets and whether the GL is ready. */
export interface ViewState {
  /** Bumped by "Reset view"; the camera rig watches it. */
  resetCount: number;
  ready: boolean;
  requestReset: () => void;
  setReady: (ready: boolean) => void;
}

export function createViewStore(): StoreApi<ViewState> {
  return createStore<ViewState>()((set) => ({
    resetCount: 0,
    ready: false,
    requestReset: () => set((s) => ({ resetCount: s.resetCount + 1 })),
    setReady: (ready) => set({ ready }),
  }));
}

export const ViewStoreContext = createContext<StoreApi<ViewState> | null>(null);

export function useViewStore<T>(selector: (state: ViewState) => T): T {
  const store = useContext(ViewStoreContext);
  if (!store) throw new Error('useViewStore needs a <ViewStoreContext> provider (ProductView)');
  return useStore(store, selector);
}
