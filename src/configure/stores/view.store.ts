import { create } from 'zustand';

/** UI preferences of the configure page (not session state): whether the 3D view is shown. */
interface ViewState {
  show3d: boolean;
  setShow3d: (show: boolean) => void;
}

const KEY = 'configurator.show3d';

function initialShow3d(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export const useViewStore = create<ViewState>()((set) => ({
  show3d: initialShow3d(),
  setShow3d: (show) => {
    try {
      globalThis.localStorage?.setItem(KEY, show ? 'on' : 'off');
    } catch {
      // private mode: the choice lasts for this page only
    }
    set({ show3d: show });
  },
}));
