import { createContext, useContext, type ComponentType } from 'react';
import type { Build, Catalog } from '../core/catalog/index.ts';
import type { PersistedSession, SessionResponse } from '../contract/session.schema.ts';
import type { SessionSaveOutcome } from '../ui/api/session-save.ts';
import type { OptionWeightsResponse, SimilarBuildsResponse } from '../contract/preferences.schema.ts';

/**
 * What the surface hosting a configurator says about it: whose build it is, what its marks are personalised on,
 * where its session is kept and logged, and what happens once the build is complete. The configuring module knows
 * no routes and no accounts: the shopper's website, the store's console and the catalog editor's preview each
 * describe their case here.
 */
export interface ConfigureHost {
  /** Whose build: the shopper at the screen, or a customer served by staff (their data, never the staff's). */
  owner: { kind: 'shopper' } | { kind: 'customer'; customerId: string; firstName: string };
  /** Where the owner's data is cached; the host invalidates it when the owner changes (e.g. on sign-out). */
  cacheKey: readonly unknown[];
  /** The session left on any device, kept as it changes; absent where nothing is kept (staff trying it out). */
  sessions?: {
    load: (catalogId: string, signal: AbortSignal) => Promise<SessionResponse>;
    /**
     * Saves over `baseRevision` (the revision loaded or last saved); refused when another device or the store saved
     * first. `keepalive`: the page is going away, let the request outlive it. `signal`: the saver gave up on it
     * (no answer in time); it rejects, and must not be stored late over a newer save.
     */
    save: (
      session: PersistedSession,
      baseRevision: number,
      keepalive: boolean,
      signal?: AbortSignal,
    ) => Promise<SessionSaveOutcome>;
    /** "Keep both" after a conflict: this side's build saved in the owner's account (`name` says where it came from). */
    keep: (catalogId: string, catalogVersion: string, choices: Build, name: string) => Promise<void>;
  };
  /**
   * The catalog's compiled form as the server keeps it (compiled once per version), read instead of compiling
   * the catalog here; absent, or when it cannot be read, the catalog compiles in a Web Worker.
   */
  compiled?: CompiledSource;
  /**
   * How a session resumed from the server is announced (`date`: when it was saved); the shopper's "Welcome back…"
   * when absent. Staff continuing a customer's build are told whose it is instead.
   */
  resumedNotice?: (date: string) => string;
  /** What the marks are personalised on: the owner's preference weights and orders like theirs. */
  personal?: {
    weights: (catalogId: string, signal: AbortSignal) => Promise<OptionWeightsResponse>;
    similarBuilds: (catalogId: string, signal: AbortSignal) => Promise<SimilarBuildsResponse>;
  };
  /** Where the session's changes and the marks shown and taken are logged; absent: nothing is logged. */
  log?: { interactions: string; recommendations: string };
  /** A link that opens a build in a new session (e.g. one of "Builds like yours"). */
  buildHref: (catalogId: string, build: Build) => string;
  /** What a complete build leads to (review and order, save to the customer's account, publish…). */
  CompleteAction: ComponentType<{ catalogId: string; choices: Build }>;
  /**
   * Shown beside the options, e.g. the console's next best offers: the build as it stands and the one-step changes
   * it may send (each an ordinary, undoable choice of the session, as the option cards make).
   */
  Aside?: ComponentType<AsideProps>;
}

export interface AsideProps {
  catalog: Catalog;
  choices: Build;
  choose: (slot: string, option: string) => void;
  remove: (slot: string, option: string) => void;
}

/** The bytes of a catalog's compiled form (core/configurator/compiled-binary.ts), checked when read. */
export type CompiledSource = (catalogId: string) => Promise<Uint8Array>;

export const ConfigureHostContext = createContext<ConfigureHost | null>(null);

export function useConfigureHost(): ConfigureHost {
  const host = useContext(ConfigureHostContext);
  if (!host) throw new Error('useConfigureHost outside a configurator (give <Configure> a host)');
  return host;
}
