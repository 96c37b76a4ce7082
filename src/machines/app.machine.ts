import { assign, fromPromise, setup } from 'xstate';
import type { Build } from '../core/catalog/index.ts';

/**
 * The shopper's flow through the app: choose a product, configure it step by step (the session machine), review
 * the finished build, then save it, ask for a quote or order it. The URL says where the shopper is (pages send
 * `product.pick`, `review.open` and `product.leave` as they open); this machine decides what may happen there and
 * owns the submission, so a second click while the server answers, a sign-in in the middle or a changed price are
 * handled in one place.
 */

export type SubmitKind = 'save' | 'quote' | 'order';

export interface SubmitInput {
  kind: SubmitKind;
  catalogId: string;
  catalogVersion: string;
  choices: Build;
  /** The total the shopper saw; the server refuses to charge another one. */
  expectedTotalCents: number;
  name: string;
}

export interface Submitted {
  kind: SubmitKind;
  id: string;
  totalCents: number;
  /** Saves only: the name the server stored. */
  name?: string;
  /** Quotes only. */
  validUntil?: string;
}

/** Why a submission failed, as the app's UI words it. */
export interface SubmitProblem {
  /** `sign_in_required` (the server answered 401), `price_changed` (409) or the server's code. */
  code: string;
  message: string;
}

/** What the submit actor rejects with; anything else is reported as a generic failure. */
export class SubmitError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SubmitError';
    this.code = code;
  }
}

export interface AppContext {
  catalogId: string | null;
  /** The build under review: complete by the review page's check, re-validated by the server on submit. */
  review: { catalogVersion: string; choices: Build; totalCents: number } | null;
  /** What the shopper asked for last; kept across a sign-in so it can be sent again. */
  request: { kind: SubmitKind; name: string } | null;
  result: Submitted | null;
  problem: SubmitProblem | null;
}

export type AppEvent =
  | { type: 'product.pick'; catalogId: string }
  | { type: 'product.leave' }
  | {
      type: 'review.open';
      catalogId: string;
      catalogVersion: string;
      choices: Build;
      totalCents: number;
      complete: boolean;
    }
  | { type: 'review.back' }
  | { type: 'build.save'; name: string }
  | { type: 'quote.request' }
  | { type: 'order.place' }
  | { type: 'auth.signedIn' }
  | { type: 'problem.dismiss' };

const sameChoices = (a: Build, b: Build) => JSON.stringify(a) === JSON.stringify(b);

const flow = setup({
  types: {} as {
    context: AppContext;
    events: AppEvent;
    tags: 'busy' | 'submitted';
  },
  actors: {
    // The app provides the real one (the API); without it nothing can be sent.
    submit: fromPromise<Submitted, SubmitInput>(() =>
      Promise.reject(new SubmitError('unavailable', 'Sending is not available here.')),
    ),
  },
  guards: {
    isOtherProduct: ({ context }, params: { catalogId: string }) => context.catalogId !== params.catalogId,
    isComplete: (_, params: { complete: boolean }) => params.complete,
    isIncomplete: (_, params: { complete: boolean }) => !params.complete,
    isSameReview: ({ context }, params: { catalogId: string; choices: Build }) =>
      context.catalogId === params.catalogId &&
      context.review !== null &&
      sameChoices(context.review.choices, params.choices),
    needsSignIn: (_, params: { error: unknown }) =>
      params.error instanceof SubmitError && params.error.code === 'sign_in_required',
    hasRequest: ({ context }) => context.request !== null,
  },
  actions: {
    pickProduct: assign((_, params: { catalogId: string }) => ({
      catalogId: params.catalogId,
      review: null,
      request: null,
      result: null,
      problem: null,
    })),
    leave: assign({ catalogId: null, review: null, request: null, result: null, problem: null }),
    openReview: assign(
      (_, params: { catalogId: string; catalogVersion: string; choices: Build; totalCents: number }) => ({
        catalogId: params.catalogId,
        review: {
          catalogVersion: params.catalogVersion,
          choices: params.choices,
          totalCents: params.totalCents,
        },
        request: null,
        result: null,
        problem: null,
      }),
    ),
    updateTotal: assign(({ context }, params: { totalCents: number }) => ({
      review: context.review && { ...context.review, totalCents: params.totalCents },
    })),
    remember: assign((_, params: { kind: SubmitKind; name: string }) => ({
      request: params,
      problem: null,
    })),
    succeed: assign((_, params: { result: Submitted }) => ({ result: params.result, request: null })),
    fail: assign((_, params: { error: unknown }) => ({
      problem:
        params.error instanceof SubmitError
          ? { code: params.error.code, message: params.error.message }
          : {
              code: 'failed',
              message: params.error instanceof Error ? params.error.message : String(params.error),
            },
    })),
    dismiss: assign({ problem: null }),
  },
});

/** The three requests a reviewed build can be sent with, from the idle and the submitted review alike. */
const submitting = {
  'build.save': {
    target: 'submitting',
    actions: {
      type: 'remember',
      params: ({ event }: { event: { name: string } }) => ({ kind: 'save' as const, name: event.name }),
    },
  },
  'quote.request': {
    target: 'submitting',
    actions: { type: 'remember', params: { kind: 'quote' as const, name: '' } },
  },
  'order.place': {
    target: 'submitting',
    actions: { type: 'remember', params: { kind: 'order' as const, name: '' } },
  },
} as const;

export const appMachine = flow.createMachine({
  id: 'app',
  context: { catalogId: null, review: null, request: null, result: null, problem: null },
  initial: 'choosing',
  on: {
    'product.leave': { target: '.choosing', actions: 'leave' },
    // Pages announce their product each time they open; the same product again (back from signing in) changes nothing.
    'product.pick': {
      guard: { type: 'isOtherProduct', params: ({ event }) => event },
      target: '.configuring',
      actions: { type: 'pickProduct', params: ({ event }) => event },
    },
  },
  states: {
    choosing: {},
    configuring: {
      on: {
        'review.open': {
          guard: { type: 'isComplete', params: ({ event }) => event },
          target: 'reviewing',
          actions: { type: 'openReview', params: ({ event }) => event },
        },
      },
    },
    reviewing: {
      initial: 'idle',
      on: {
        'review.back': { target: 'configuring' },
        'review.open': [
          // A build that is no longer complete (changed in another tab, a stale link) goes back to configuring.
          { guard: { type: 'isIncomplete', params: ({ event }) => event }, target: 'configuring' },
          // The same build again (a re-render, a return from signing in): keep what was sent and asked, at the price
          // now shown (a sign-in brings the customer's discounts).
          {
            guard: { type: 'isSameReview', params: ({ event }) => event },
            actions: { type: 'updateTotal', params: ({ event }) => event },
          },
          { target: '.idle', actions: { type: 'openReview', params: ({ event }) => event } },
        ],
      },
      states: {
        idle: {
          on: { ...submitting, 'problem.dismiss': { actions: 'dismiss' } },
        },
        submitting: {
          tags: ['busy'],
          invoke: {
            id: 'submit',
            src: 'submit',
            input: ({ context }): SubmitInput => ({
              kind: context.request?.kind ?? 'save',
              name: context.request?.name ?? '',
              catalogId: context.catalogId ?? '',
              catalogVersion: context.review?.catalogVersion ?? '',
              choices: context.review?.choices ?? {},
              expectedTotalCents: context.review?.totalCents ?? 0,
            }),
            onDone: {
              target: 'submitted',
              actions: { type: 'succeed', params: ({ event }) => ({ result: event.output }) },
            },
            onError: [
              {
                guard: { type: 'needsSignIn', params: ({ event }) => ({ error: event.error }) },
                target: 'signingIn',
                actions: { type: 'fail', params: ({ event }) => ({ error: event.error }) },
              },
              { target: 'idle', actions: { type: 'fail', params: ({ event }) => ({ error: event.error }) } },
            ],
          },
        },
        signingIn: {
          on: {
            'auth.signedIn': { guard: 'hasRequest', target: 'submitting' },
            'problem.dismiss': { target: 'idle', actions: 'dismiss' },
          },
        },
        submitted: {
          tags: ['submitted'],
          // Another action on the same build (save it, then ask for a quote).
          on: submitting,
        },
      },
    },
  },
});

export type AppMachine = typeof appMachine;
