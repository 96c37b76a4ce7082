import { useOutletContext } from 'react-router';
import type { MeResponse } from '../../contract/auth.schema.ts';
import type { CatalogListResponse } from '../../contract/catalogs.schema.ts';

/** What AccountLayout hands its pages. */
export interface AccountOutlet {
  /** The signed-in customer, as the layout checked it. */
  me: MeResponse;
  /**
   * The catalog list, empty when it could not be loaded (the layout says so). The layout alone asks for it: a page
   * asking on mount would fetch again each time it mounts, which is what kept a failed list in a loop.
   */
  catalogs: CatalogListResponse;
}

export function useAccountMe(): MeResponse {
  return useOutletContext<AccountOutlet>().me;
}

export function useAccountCatalogs(): CatalogListResponse {
  return useOutletContext<AccountOutlet>().catalogs;
}
