import type { Catalog } from '../core/catalog/index.ts';
import { ConfigureHostContext, type ConfigureHost } from './host.ts';
import { ConfigureSession } from './session/configure-session.tsx';

/**
 * The configurator for one catalog version, as its host surface describes it (whose build, what is personalised,
 * where the session is kept, what a complete build leads to). Keyed by the host on catalog id and version: a new
 * version is a new session.
 */
export function Configure({ catalog, host }: { catalog: Catalog; host: ConfigureHost }) {
  return (
    <ConfigureHostContext.Provider value={host}>
      <ConfigureSession catalog={catalog} />
    </ConfigureHostContext.Provider>
  );
}
