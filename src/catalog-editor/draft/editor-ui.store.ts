import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Catalog } from '../../core/catalog/index.ts';

export const tabs = [
  'catalog',
  'groups',
  'slots',
  'options',
  'attributes',
  'packages',
  'priceRules',
  'rules',
  'texts',
] as const;
export type Tab = (typeof tabs)[number];

/** Where the editor is looking: UI state only (the document lives in the document store). */
export interface EditorUi {
  tab: Tab;
  /** The slot whose options the table shows. */
  slotId?: string;
  /** A thing a finding named, to scroll to and mark. */
  focus?: string;
  setTab: (tab: Tab) => void;
  setSlot: (slotId: string) => void;
  /** Opens the tab holding the id (an option, rule, slot, package or price rule) and marks it. */
  jumpTo: (doc: Catalog, id: string) => void;
}

export function createEditorUi(): StoreApi<EditorUi> {
  return createStore<EditorUi>()((set) => ({
    tab: 'options',
    setTab: (tab) => set({ tab, focus: undefined }),
    setSlot: (slotId) => set({ slotId, focus: undefined }),
    jumpTo: (doc, raw) => {
      const id = raw.replace(/^(package|slot):/, '');
      const slot = doc.slots.find((s) => s.options.some((o) => o.id === id));
      if (slot) return set({ tab: 'options', slotId: slot.id, focus: id });
      if (doc.rules.some((r) => r.id === id)) return set({ tab: 'rules', focus: id });
      if (doc.slots.some((s) => s.id === id)) return set({ tab: 'slots', focus: id });
      if (doc.packages.some((p) => p.id === id)) return set({ tab: 'packages', focus: id });
      if (doc.priceRules.some((p) => p.id === id)) return set({ tab: 'priceRules', focus: id });
      if (id in doc.attributes) return set({ tab: 'attributes', focus: id });
    },
  }));
}

export const EditorUiContext = createContext<StoreApi<EditorUi> | null>(null);

export function useEditorUi<T>(select: (s: EditorUi) => T): T {
  const store = useContext(EditorUiContext);
  if (!store) throw new Error('useEditorUi outside DraftEditor');
  return useStore(store, select);
}
