import { createContext, useContext } from 'react';
import type { Actor } from 'xstate';
import type { Configurator } from '../../core/configurator/configurator.ts';
import type { SessionMachine } from '../../machines/session.machine.ts';

/** The running session and its configurator, for the components of one configure page. */
export interface SessionHandle {
  actor: Actor<SessionMachine>;
  configurator: Configurator;
}

export const SessionContext = createContext<SessionHandle | null>(null);

export function useSession(): SessionHandle {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a configure page');
  return session;
}
