import { assign, enqueueActions, setup } from 'xstate';
import type { Build } from '../core/catalog/index.ts';
import {
  optionStateOf,
  type ConfigurationState,
  type Configurator,
  type Explanation,
  type Repair,
} from '../core/configurator/configurator.ts';
import { SESSION_HISTORY } from '../contract/session.schema.ts';
import { changeEvents, type ChangeCause, type SessionEmitted } from './session-events.ts';

/**
 * One configuration session: the shopper's choices over one catalog version. Every transition asks the
 * configurator (the engine) first, so the session never holds a build that cannot be completed; an unavailable
 * option leads to the repair offer instead of into the build.
 */

export interface PendingRepair {
  slot: string;
  option: string;
  explanation: Explanation | null;
  repairs: Repair[];
}

export interface SessionContext {
  catalogId: string;
  catalogVersion: string;
  choices: Build;
  /** What the engine says about `choices`; derived, recomputed on every change. */
  view: ConfigurationState;
  past: Build[];
  future: Build[];
  /** The step (slot group) on screen. */
  step: string;
  pending: PendingRepair | null;
}

export type SessionEvent =
  | { type: 'option.choose'; slot: string; option: string }
  | { type: 'option.remove'; slot: string; option: string }
  | { type: 'quantity.set'; slot: string; option: string; quantity: number }
  | { type: 'repair.accept'; index: number }
  | { type: 'repair.cancel' }
  | { type: 'build.complete'; scores?: Record<string, number> }
  | { type: 'build.reset' }
  | { type: 'history.undo' }
  | { type: 'history.redo' }
  | { type: 'step.go'; step: string };

export interface SessionInput {
  choices?: Build;
  step?: string;
}

/** Whether two builds choose the same options in the same quantities. */
function sameBuild(a: Build, b: Build): boolean {
  const flat = (build: Build) =>
    Object.entries(build)
      .flatMap(([slot, chosen]) => Object.entries(chosen).map(([option, qty]) => `${slot}/${option}*${qty}`))
      .sort()
      .join(',');
  return flat(a) === flat(b);
}

/**
 * The view offers this quantity for a chosen option: a multi slot lists it for the option, a single slot with a
 * quantity for the slot (the other list is empty).
 */
function offersQuantity(context: SessionContext, slot: string, option: string, quantity: number): boolean {
  if (context.choices[slot]?.[option] === undefined) return false;
  const own = optionStateOf(context.view, slot, option)?.quantities ?? [];
  const slots = context.view.slots.find((s) => s.slot === slot)?.quantities ?? [];
  return own.includes(quantity) || slots.includes(quantity);
}

/** Undo history kept per session; older steps fall off (and a persisted session holds no more). */
const HISTORY = SESSION_HISTORY;

export function createSessionMachine(configurator: Configurator) {
  const { catalog } = configurator;
  const firstStep = catalog.groups[0]?.id ?? '';
  const slotOrder = catalog.slots.map((s) => s.id);
  /** A context change that records history and recomputes the view; re-choosing what is chosen changes nothing. */
  const commit = (
    context: SessionContext,
    choices: Build,
    view: ConfigurationState,
  ): Partial<SessionContext> =>
    sameBuild(context.choices, choices)
      ? { pending: null }
      : {
          choices,
          view,
          past: [...context.past, context.choices].slice(-HISTORY),
          future: [],
          pending: null,
        };
  /**
   * The one way a build changes: assigns the new context and emits what changed (for the interaction log), so
   * listeners never have to diff snapshots. `history` is the past/future the change leaves (undo and redo move
   * along it instead of recording a new step).
   */
  const change = (
    enqueue: { assign: (update: Partial<SessionContext>) => void; emit: (event: SessionEmitted) => void },
    context: SessionContext,
    choices: Build,
    cause: ChangeCause,
    history?: Pick<SessionContext, 'past' | 'future'>,
  ) => {
    const view = sameBuild(context.choices, choices) ? context.view : configurator.state(choices);
    enqueue.assign(history ? { choices, view, ...history, pending: null } : commit(context, choices, view));
    const completed = { before: context.view.complete, after: view.complete };
    for (const event of changeEvents(slotOrder, context.choices, choices, cause, completed))
      enqueue.emit(event);
  };

  return setup({
    types: {} as {
      context: SessionContext;
      events: SessionEvent;
      emitted: SessionEmitted;
      input: SessionInput;
    },
    /*
     * Guards read the view, which is the engine's answer for the current choices: a click asks the engine once, in
     * its action, for the new build (then once for its view), never again in a guard to decide the same thing.
     */
    guards: {
      canChoose: ({ context }, params: { slot: string; option: string }) =>
        optionStateOf(context.view, params.slot, params.option)?.available === true,
      canSetQuantity: ({ context }, params: { slot: string; option: string; quantity: number }) =>
        offersQuantity(context, params.slot, params.option, params.quantity),
      hasRepair: ({ context }, params: { index: number }) =>
        context.pending?.repairs[params.index] !== undefined,
      canComplete: ({ context }) => context.view.consistent,
      canUndo: ({ context }) => context.past.length > 0,
      canRedo: ({ context }) => context.future.length > 0,
      isStep: (_, params: { step: string }) => catalog.groups.some((g) => g.id === params.step),
    },
    actions: {
      choose: enqueueActions(({ context, enqueue }, params: { slot: string; option: string }) =>
        change(
          enqueue,
          context,
          configurator.choose(context.choices, params.slot, params.option) ?? context.choices,
          'edit',
        ),
      ),
      remove: enqueueActions(({ context, enqueue }, params: { slot: string; option: string }) =>
        change(enqueue, context, configurator.remove(context.choices, params.slot, params.option), 'edit'),
      ),
      setQuantity: enqueueActions(
        ({ context, enqueue }, params: { slot: string; option: string; quantity: number }) =>
          change(
            enqueue,
            context,
            configurator.setQuantity(context.choices, params.slot, params.option, params.quantity) ??
              context.choices,
            'edit',
          ),
      ),
      offerRepair: assign(({ context }, params: { slot: string; option: string }) => ({
        pending: {
          slot: params.slot,
          option: params.option,
          explanation: configurator.explain(context.choices, params.slot, params.option),
          repairs: configurator.repairs(context.choices, params.slot, params.option),
        },
      })),
      acceptRepair: enqueueActions(({ context, enqueue }, params: { index: number }) => {
        const repair = context.pending?.repairs[params.index];
        if (repair) change(enqueue, context, repair.build, 'repair');
      }),
      dropRepair: assign({ pending: null }),
      complete: enqueueActions(({ context, enqueue }, params: { scores?: Record<string, number> }) => {
        const scores = params.scores ? new Map(Object.entries(params.scores)) : undefined;
        change(enqueue, context, configurator.complete(context.choices, scores) ?? context.choices, 'edit');
      }),
      reset: enqueueActions(({ context, enqueue }) => change(enqueue, context, {}, 'edit')),
      undo: enqueueActions(({ context, enqueue }) =>
        change(enqueue, context, context.past.at(-1) ?? context.choices, 'edit', {
          past: context.past.slice(0, -1),
          future: [context.choices, ...context.future],
        }),
      ),
      redo: enqueueActions(({ context, enqueue }) => {
        const [next = context.choices, ...rest] = context.future;
        change(enqueue, context, next, 'edit', { past: [...context.past, context.choices], future: rest });
      }),
      goToStep: assign((_, params: { step: string }) => ({ step: params.step })),
    },
  }).createMachine({
    id: 'session',
    context: ({ input }) => {
      const choices = input.choices ?? {};
      return {
        catalogId: catalog.id,
        catalogVersion: catalog.version,
        choices,
        view: configurator.state(choices),
        past: [],
        future: [],
        step: input.step && catalog.groups.some((g) => g.id === input.step) ? input.step : firstStep,
        pending: null,
      };
    },
    initial: 'editing',
    states: {
      editing: {
        on: {
          'option.choose': [
            {
              guard: { type: 'canChoose', params: ({ event }) => event },
              actions: { type: 'choose', params: ({ event }) => event },
            },
            { target: 'repairing', actions: { type: 'offerRepair', params: ({ event }) => event } },
          ],
          'option.remove': { actions: { type: 'remove', params: ({ event }) => event } },
          'quantity.set': {
            guard: { type: 'canSetQuantity', params: ({ event }) => event },
            actions: { type: 'setQuantity', params: ({ event }) => event },
          },
          'build.complete': {
            guard: 'canComplete',
            actions: { type: 'complete', params: ({ event }) => ({ scores: event.scores }) },
          },
          'build.reset': { actions: 'reset' },
          'history.undo': { guard: 'canUndo', actions: 'undo' },
          'history.redo': { guard: 'canRedo', actions: 'redo' },
          'step.go': {
            guard: { type: 'isStep', params: ({ event }) => event },
            actions: { type: 'goToStep', params: ({ event }) => event },
          },
        },
      },
      repairing: {
        on: {
          'repair.accept': {
            guard: { type: 'hasRepair', params: ({ event }) => event },
            target: 'editing',
            actions: { type: 'acceptRepair', params: ({ event }) => event },
          },
          'repair.cancel': { target: 'editing', actions: 'dropRepair' },
        },
      },
    },
  });
}

export type SessionMachine = ReturnType<typeof createSessionMachine>;
