import { useMemo, type ReactNode } from 'react';
import { createActorContext } from '@xstate/react';
import { useQueryClient } from '@tanstack/react-query';
import { fromPromise } from 'xstate';
import { appMachine, type SubmitInput } from '../../machines/app.machine.ts';
import { accountKeys } from '../api/account.ts';
import { submitBuild } from '../api/checkout.ts';

/** The shopper's flow (product → configure → review → save/quote/order), one actor for the whole app. */
export const AppFlow = createActorContext(appMachine);

export function AppFlowProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const logic = useMemo(
    () =>
      appMachine.provide({
        actors: {
          submit: fromPromise(async ({ input }: { input: SubmitInput }) => {
            const result = await submitBuild(input);
            // The account's builds, quotes and orders (and the timeline) now hold one more entry.
            await client.invalidateQueries({ queryKey: accountKeys.all });
            return result;
          }),
        },
      }),
    [client],
  );
  return <AppFlow.Provider logic={logic}>{children}</AppFlow.Provider>;
}
