/**
 * The top-down compiler's explicit stack (compile.ts): a deep elimination tree would overflow a worker's call stack.
 */
import type { Component } from './components.ts';

/** A component deciding its variable: stage 0 starts the x=1 branch, 1 the x=0 branch, 2 makes the decision node. */
export interface DecisionFrame {
  readonly conj: false;
  /** Null for a group's next value (not cached). */
  readonly comp: Component | null;
  readonly x: number;
  readonly vars: Int32Array;
  stage: number;
  hi: number;
}

/** A branch's conjunction: its implied literals, then its components' nodes in `order`; `next` = Infinity once FALSE. */
export interface ConjunctionFrame {
  readonly conj: true;
  /** Null: the group's next value, to decide over `vars`. */
  readonly comps: (Component | null)[];
  readonly vars?: Int32Array;
  readonly picks: number[];
  readonly order: number[];
  next: number;
  readonly parts: number[];
  /** Trail size to return to when done. */
  readonly mark: number;
  /** A component's frame is above, its node due in `result`. */
  waiting: boolean;
}

export type Frame = DecisionFrame | ConjunctionFrame;
