import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  meResponseSchema,
  signUpPendingSchema,
  type MeResponse,
  type SignInBody,
  type SignUpBody,
} from '../../contract/auth.schema.ts';
import { outboxListSchema } from '../../contract/outbox.schema.ts';
import { ApiError, getJson, sendJson } from '../api-client.ts';

export const authKeys = { me: ['auth', 'me'] as const };

/**
 * The roots of query keys whose data belongs to whoever is signed in (the customer's account, the staff console),
 * dropped when that changes. Catalogs and the like are the same for everyone and stay.
 */
export const identityKeys = {
  account: ['account'] as const,
  store: ['store'] as const,
  catalogAdmin: ['catalog-admin'] as const,
};

/** Who is signed in: the `/api/me` reply, or null for a guest (its 401 is an answer, not an error). */

/**
 * Who is signed in: the `/api/me` reply, or null for a guest (its 401 is an answer, not an error). Prefetched with
 * a configure page, whose configurator waits for it (it decides the host).
 */
export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: async ({ signal }): Promise<MeResponse | null> => {
      try {
        return await getJson('/api/me', meResponseSchema, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    // The session changes only through the mutations below, which write the answer themselves.
    staleTime: Infinity,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });

export function useMe() {
  return useQuery(meQuery());
}

/** After a sign-in or sign-out, nothing cached under the previous identity may show. */
function useSwitchIdentity() {
  const client = useQueryClient();
  return (me: MeResponse | null) => {
    for (const queryKey of Object.values(identityKeys)) client.removeQueries({ queryKey });
    client.setQueryData(authKeys.me, me);
  };
}

export function useSignIn() {
  const switchTo = useSwitchIdentity();
  return useMutation({
    mutationFn: (body: SignInBody) => sendJson('POST', '/api/auth/sign-in', body, meResponseSchema),
    onSuccess: switchTo,
  });
}

/**
 * Sends the sign-up form. The answer is a session (201: the address's own password, so it signed in) or, usually,
 * "check your e-mail" (202): the account exists once the mailed link is opened (useConfirmSignUp).
 */
export function useSignUp() {
  const switchTo = useSwitchIdentity();
  return useMutation({
    mutationFn: (body: SignUpBody) =>
      sendJson('POST', '/api/auth/sign-up', body, z.union([meResponseSchema, signUpPendingSchema])),
    onSuccess: (answer) => {
      if ('user' in answer) switchTo(answer);
    },
  });
}

/** Opens a mailed sign-up link: creates the account and signs this browser in. */
export function useConfirmSignUp() {
  const switchTo = useSwitchIdentity();
  return useMutation({
    mutationFn: (token: string) => sendJson('POST', '/api/auth/confirm', { token }, meResponseSchema),
    onSuccess: switchTo,
  });
}

/** The demo mailbox (MAILBOX_VIEW): every mail the server would have sent, newest first; 404 when it is off. */
export function useMailbox() {
  return useQuery({
    queryKey: ['mailbox'],
    queryFn: ({ signal }) => getJson('/api/dev/mailbox', outboxListSchema, signal),
    retry: false,
    // A mail arrives while the page is open in another tab: look again now and then.
    refetchInterval: 5_000,
  });
}

export function useSignOut() {
  const switchTo = useSwitchIdentity();
  return useMutation({
    mutationFn: () => sendJson('POST', '/api/auth/sign-out', undefined, z.null()),
    onSuccess: () => switchTo(null),
  });
}

/** Ends every session of the signed-in user, this browser's included. */
export function useSignOutEverywhere() {
  const switchTo = useSwitchIdentity();
  return useMutation({
    mutationFn: () => sendJson('POST', '/api/auth/sign-out-everywhere', undefined, z.null()),
    onSuccess: () => switchTo(null),
  });
}

/** Forgets the "we merged your guest builds" note once the customer has read it. */
export function useDismissMerged() {
  const client = useQueryClient();
  return () =>
    client.setQueryData<MeResponse | null>(authKeys.me, (me) => {
      if (!me) return me;
      const { merged: _merged, ...rest } = me;
      return rest;
    });
}
