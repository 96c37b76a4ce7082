import type { AttrRef, Catalog, Comparison, Condition, Option, Rule, Slot } from '../catalog/schema.ts';
import { describeRule, compare } from '../catalog/evaluate.ts';
import { indexCatalog, quantityBounds, type CatalogIndex } from '../catalog/build.ts';
import { toCents } from '../pricing/price.ts';
import { type Constraint, type Model, type Variable } from '../engine/model.ts';

/**
 * Compiles a catalog into the engine's constraint model (finite domains + positive tables).
 *
 * Variables: a single or optional slot is one variable over its option ids (optional adds {@link NONE}); a single
 * slot with a quantity adds `slot#qty`; a multi slot is one quantity variable per option, `slot/option` over
 * "0".."maxQuantity". Everything else is auxiliary (names start with `~`) and functionally determined by those, so
 * solution counts are counts of builds:
 * - sums (resources, multi-slot totals) are chains of running totals, each link a small table, whose values are
 *   classes of totals that the rest of the sum cannot tell apart (see ModelBuilder.linear);
 * - a condition on a multi slot ("some chosen option matches") is a chain of partial ORs;
 * - price rules and package discounts get a 0/1 variable each, so that the price is a sum of per-value costs
 *   (`costs`), which makes cheapest completion a shortest path.
 * Rule semantics are exactly those of core/catalog/evaluate.ts; the tests compare both on every build.
 */

export const NONE = '(none)';

export type SlotVariables =
  | { slot: Slot; kind: 'single' | 'optional'; choice: number; quantity?: number }
  | { slot: Slot; kind: 'multi'; options: ReadonlyMap<string, number> };

export interface CatalogModel {
  catalog: Catalog;
  index: CatalogIndex;
  model: Model;
  slots: SlotVariables[];
  /** Variables a user sets (slot choices and quantities), in slot order. */
  userVariables: number[];
  /** Per variable, the price in cents each value adds; the build's price is `baseCents` + the sum over variables. */
  costs: ReadonlyMap<number, Float64Array>;
  baseCents: number;
  /** Constraint id → the catalog rule (or `package:<id>`, `slot:<id>`, `price:<id>`) it comes from. */
  origin: ReadonlyMap<string, string>;
  /**
   * Ids of the constraints that only define an auxiliary variable (their last) as a function of the others: running
   * totals, partial ORs, quantity lines, price flags. They hold for every build; the rules are the others.
   */
  definitions: ReadonlySet<string>;
  /** A good diagram variable order (position → variable) for the engine's compiler. */
  order: number[];
}

/** Thrown when a catalog rule would need a table larger than {@link MAX_ROWS}; names the rule. */
export class CatalogCompileError extends Error {
  override readonly name = 'CatalogCompileError';
}

const MAX_ROWS = 2_000_000;

/** A test on one variable: holds when its value index is in `accept`. */
interface Literal {
  variable: number;
  accept: ReadonlySet<number>;
}

/** A summand over some variables (e.g. an option's watts times the chosen quantity). */
interface Term {
  vars: number[];
  weight: (values: readonly number[]) => number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

class ModelBuilder {
  readonly variables: Variable[] = [];
  readonly constraints: Constraint[] = [];
  readonly origin = new Map<string, string>();
  readonly definitions = new Set<string>();
  readonly costs = new Map<number, Float64Array>();
  /** Position of each user variable in the intended diagram order. */
  readonly rank = new Map<number, number>();
  private readonly counters = new Map<string, number>();
  private readonly memo = new Map<string, Literal>();

  variable(name: string, values: string[]): number {
    this.variables.push({ name, values });
    return this.variables.length - 1;
  }

  aux(kind: string, values: string[]): number {
    const n = this.counters.get(kind) ?? 0;
    this.counters.set(kind, n + 1);
    return this.variable(`~${kind}${n}`, values);
  }

  domain(v: number): number {
    return this.variables[v]?.values.length ?? 0;
  }

  /** `defines`: the table gives its last variable as a function of the others (see CatalogModel.definitions). */
  table(origin: string, label: string, scope: number[], rows: number[][], defines = false): void {
    const id = `${origin}#${this.constraints.length}`;
    const flat = new Int32Array(rows.length * scope.length);
    rows.forEach((row, r) => flat.set(row, r * scope.length));
    this.constraints.push({ id, label, scope, rows: flat });
    this.origin.set(id, origin);
    if (defines) this.definitions.add(id);
  }

  /** A table over the distinct `scope` of every combination satisfying `holds`; skipped when all combinations do. */
  enumerate(
    origin: string,
    label: string,
    scope: number[],
    holds: (values: readonly number[]) => boolean,
    defines = false,
  ): void {
    const sizes = scope.map((v) => this.domain(v));
    const total = sizes.reduce((a, b) => a * b, 1);
    if (total > MAX_ROWS)
      throw new CatalogCompileError(`rule ${origin} spans ${total} combinations (limit ${MAX_ROWS})`);
    const rows: number[][] = [];
    const values = new Array<number>(scope.length).fill(0);
    for (let n = 0; n < total; n++) {
      let rest = n;
      for (let i = scope.length - 1; i >= 0; i--) {
        const size = sizes[i] ?? 1;
        values[i] = rest % size;
        rest = Math.floor(rest / size);
      }
      if (holds(values)) rows.push([...values]);
    }
    if (rows.length < total) this.table(origin, label, scope, rows, defines);
  }

  addCost(v: number, value: number, cents: number): void {
    let costs = this.costs.get(v);
    if (!costs) {
      costs = new Float64Array(this.domain(v));
      this.costs.set(v, costs);
    }
    costs[value] = (costs[value] ?? 0) + cents;
  }

  /** An auxiliary 0/1 variable equal to the OR of `literals`, built as a chain of partial ORs. */
  or(literals: Literal[], key: string, origin: string): Literal {
    const known = this.memo.get(key);
    if (known) return known;
    let acc: Literal | undefined;
    for (const literal of literals) {
      if (!acc) {
        acc = literal;
        continue;
      }
      const prev = acc;
      const next = this.aux('or', ['0', '1']);
      this.enumerate(
        origin,
        'either',
        [prev.variable, literal.variable, next],
        ([p, x, o]) => {
          const value = prev.accept.has(p ?? -1) || literal.accept.has(x ?? -1);
          return o === (value ? 1 : 0);
        },
        true,
      );
      acc = { variable: next, accept: new Set([1]) };
    }
    if (!acc) throw new CatalogCompileError(`empty disjunction in ${origin}`);
    this.memo.set(key, acc);
    return acc;
  }

  /** Every value combination of `vars` (last variable fastest) with the term's weight for it. */
  combos(term: Term): { values: number[][]; weights: number[] } {
    const sizes = term.vars.map((v) => this.domain(v));
    const total = sizes.reduce((x, y) => x * y, 1);
    const values: number[][] = [];
    const weights: number[] = [];
    for (let n = 0; n < total; n++) {
      let rest = n;
      const combo = new Array<number>(term.vars.length);
      for (let i = term.vars.length - 1; i >= 0; i--) {
        const size = sizes[i] ?? 1;
        combo[i] = rest % size;
        rest = Math.floor(rest / size);
      }
      values.push(combo);
      weights.push(round(term.weight(combo)));
    }
    return { values, weights };
  }

  /** Σ terms as a chain of running totals with every distinct total a value (used for limits over many variables). */
  sum(terms: Term[], origin: string): { variable: number; values: number[] } | undefined {
    let prev: { variable: number; values: number[] } | undefined;
    for (const term of terms) {
      const { values, weights } = this.combos(term);
      const base = prev ? prev.values : [0];
      const sums = [...new Set(base.flatMap((x) => weights.map((w) => round(x + w))))].sort((x, y) => x - y);
      const next = this.aux('sum', sums.map(String));
      const position = new Map(sums.map((t, i) => [t, i]));
      const rows: number[][] = [];
      base.forEach((x, bi) =>
        values.forEach((combo, n) => {
          const at = position.get(round(x + (weights[n] ?? 0))) ?? 0;
          rows.push(prev ? [bi, ...combo, at] : [...combo, at]);
        }),
      );
      this.table(
        origin,
        'running total',
        prev ? [prev.variable, ...term.vars, next] : [...term.vars, next],
        rows,
        true,
      );
      prev = { variable: next, values: sums };
    }
    return prev;
  }

  /**
   * `Σ terms test limit` as a chain of running totals whose values are not the totals themselves but their classes
   * under "no remaining summand and no limit value can tell them apart": the minimal automaton of the sum, computed
   * backward from the limit. A power budget over seven slots has about a thousand distinct running totals but only
   * a few dozen classes, which keeps the diagram narrow; the result is exact for any weights and any test.
   */
  linear(origin: string, label: string, terms: Term[], test: (total: number) => boolean): void {
    // Summands in variable order, so each link of the chain sits next to its variables in the diagram.
    const rankOf = (t: Term) => Math.min(...t.vars.map((v) => this.rank.get(v) ?? Infinity));
    terms = [...terms].sort((x, y) => rankOf(x) - rankOf(y));
    const steps = terms.map((term) => this.combos(term));
    const reach: number[][] = [[0]];
    for (const step of steps) {
      const last = reach[reach.length - 1] ?? [0];
      reach.push([...new Set(last.flatMap((x) => step.weights.map((w) => round(x + w))))]);
    }
    // classes[i]: running total after i summands → class id; equal ids behave the same for the rest of the sum.
    const classes: Map<number, number>[] = new Array<Map<number, number>>(steps.length + 1);
    const classify = (totals: number[], key: (total: number) => string): Map<number, number> => {
      const ids = new Map<string, number>();
      const out = new Map<number, number>();
      for (const t of totals) {
        const k = key(t);
        let id = ids.get(k);
        if (id === undefined) {
          id = ids.size;
          ids.set(k, id);
        }
        out.set(t, id);
      }
      return out;
    };
    classes[steps.length] = classify(reach[steps.length] ?? [], (t) => (test(t) ? '1' : '0'));
    for (let i = steps.length - 1; i >= 0; i--) {
      const next = classes[i + 1] as Map<number, number>;
      const weights = steps[i]?.weights ?? [];
      classes[i] = classify(reach[i] ?? [], (t) => weights.map((w) => next.get(round(t + w))).join(','));
    }
    /** One total per class, and a readable name per class: the range of totals it holds. */
    const representatives = (cls: Map<number, number>) => {
      const reps: number[] = [];
      const lo: number[] = [];
      const hi: number[] = [];
      for (const [t, id] of cls) {
        reps[id] ??= t;
        lo[id] = Math.min(lo[id] ?? t, t);
        hi[id] = Math.max(hi[id] ?? t, t);
      }
      return { reps, names: reps.map((_, id) => (lo[id] === hi[id] ? `${lo[id]}` : `${lo[id]}..${hi[id]}`)) };
    };
    let prev: { variable: number; reps: number[] } | undefined;
    steps.forEach((step, i) => {
      const cls = classes[i + 1] as Map<number, number>;
      const { reps, names } = representatives(cls);
      const variable = this.aux('sum', names);
      const term = terms[i] as Term;
      const rows: number[][] = [];
      for (const [pc, base] of (prev?.reps ?? [0]).entries())
        step.values.forEach((combo, n) => {
          const to = cls.get(round(base + (step.weights[n] ?? 0))) ?? 0;
          rows.push(prev ? [pc, ...combo, to] : [...combo, to]);
        });
      this.table(
        origin,
        'running total',
        prev ? [prev.variable, ...term.vars, variable] : [...term.vars, variable],
        rows,
        true,
      );
      prev = { variable, reps };
    });
    const accept = (prev?.reps ?? [0]).flatMap((t, tc) => (test(t) ? [[tc]] : []));
    if (prev) this.table(origin, label, [prev.variable], accept);
    else if (accept.length === 0) this.table(origin, label, [this.aux('const', ['0'])], []);
  }
}

/**
 * The order of slots in the diagram: the catalog's, except that the slots of the widest resource rule are re-seated
 * among their own positions: the limit slot first (the PSU), then the summed slots from the widest contribution
 * (GPU watts) to the narrowest. The chain then carries a remaining budget that the summands still to come bound to
 * a few values; with the limit last it would have to tell apart hundreds of running totals.
 */
export function slotSequence(catalog: Catalog): string[] {
  const ids = catalog.slots.map((s) => s.id);
  const widest = catalog.rules
    .flatMap((r) => (r.kind === 'resource' ? [r] : []))
    .sort((x, y) => new Set(y.sum.map((t) => t.slot)).size - new Set(x.sum.map((t) => t.slot)).size)[0];
  if (!widest) return ids;
  const spread = (slotId: string) => {
    const slot = catalog.slots.find((s) => s.id === slotId);
    if (!slot) return 0;
    const attrs = widest.sum.filter((t) => t.slot === slotId).map((t) => t.attr);
    const weight = (o: Option) => attrs.reduce((sum, a) => sum + attrNumber(o, a), 0);
    const weights = slot.options.map(weight);
    const { max } = quantityBounds(slot);
    if (slot.kind === 'multi')
      return Math.min(
        max * Math.max(0, ...weights),
        slot.options.reduce((t, o) => t + Math.max(0, weight(o)) * o.maxQuantity, 0),
      );
    return Math.max(0, ...weights) * max - Math.min(0, ...weights);
  };
  const summed = [...new Set(widest.sum.map((t) => t.slot))].sort((x, y) => spread(y) - spread(x));
  const limit = typeof widest.limit === 'number' ? [] : [widest.limit.slot];
  const members = [...new Set([...limit, ...summed])];
  const seats = members.map((id) => ids.indexOf(id)).sort((x, y) => x - y);
  members.forEach((id, i) => (ids[seats[i] ?? 0] = id));
  return ids;
}

/**
 * The diagram order: user variables by slot sequence, each auxiliary variable right after the last variable of the
 * table that defines it (its first table), so every chain link spans a few adjacent levels.
 */
function diagramOrder(model: Model, rank: ReadonlyMap<number, number>): number[] {
  const order = [...rank.keys()].sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0));
  const position = new Map(order.map((x, i) => [x, i]));
  for (const c of model.constraints)
    for (const x of c.scope) {
      if (position.has(x)) continue;
      const after = Math.max(-1, ...c.scope.map((y) => position.get(y) ?? -1));
      order.splice(after + 1, 0, x);
      order.forEach((y, i) => position.set(y, i));
    }
  for (let x = 0; x < model.variables.length; x++) if (!position.has(x)) order.push(x);
  return order;
}

function attrNumber(option: Option | undefined, attr: string): number {
  const value = option?.attributes[attr];
  return typeof value === 'number' ? value : 0;
}

/** Compiles a checked catalog. @throws CatalogCompileError when a rule is too large to tabulate. */
export function compileCatalog(
  catalog: Catalog,
  options: { sequence?: readonly string[] } = {},
): CatalogModel {
  const index = indexCatalog(catalog);
  const b = new ModelBuilder();
  const slots: SlotVariables[] = [];
  const bySlot = new Map<string, SlotVariables>();
  const userVariables: number[] = [];
  const sequence = options.sequence ?? slotSequence(catalog);
  const rankOfSlot = (id: string) => sequence.indexOf(id);

  for (const slot of catalog.slots) {
    let vars: SlotVariables;
    if (slot.kind === 'multi') {
      const options = new Map<string, number>();
      for (const option of slot.options) {
        const v = b.variable(
          `${slot.id}/${option.id}`,
          Array.from({ length: option.maxQuantity + 1 }, (_, q) => String(q)),
        );
        options.set(option.id, v);
        userVariables.push(v);
        b.rank.set(v, rankOfSlot(slot.id) * 1000 + options.size);
        for (let q = 1; q <= option.maxQuantity; q++) b.addCost(v, q, toCents(option.price) * q);
      }
      vars = { slot, kind: 'multi', options };
    } else {
      const values = slot.options.map((o) => o.id);
      if (slot.kind === 'optional') values.unshift(NONE);
      const choice = b.variable(slot.id, values);
      userVariables.push(choice);
      b.rank.set(choice, rankOfSlot(slot.id) * 1000);
      const offset = slot.kind === 'optional' ? 1 : 0;
      let quantity: number | undefined;
      const { min, max } = quantityBounds(slot);
      if (slot.kind === 'single' && slot.quantity && max > 1) {
        const low = Math.max(1, min);
        quantity = b.variable(
          `${slot.id}#qty`,
          Array.from({ length: max - low + 1 }, (_, i) => String(low + i)),
        );
        userVariables.push(quantity);
        b.rank.set(quantity, rankOfSlot(slot.id) * 1000 + 1);
        // price × quantity is not a sum of per-variable costs: a line variable carries it.
        const qty = quantity;
        const line = b.aux(
          'line',
          values.flatMap((o) => b.variables[qty]?.values.map((q) => `${o}×${q}`) ?? []),
        );
        const qtys = max - low + 1;
        const rows: number[][] = [];
        slot.options.forEach((option, o) => {
          for (let q = 0; q < qtys; q++) {
            rows.push([o + offset, q, (o + offset) * qtys + q]);
            b.addCost(line, (o + offset) * qtys + q, toCents(option.price) * (low + q));
          }
        });
        b.table(`slot:${slot.id}`, `${slot.name} quantity`, [choice, quantity, line], rows, true);
      } else {
        slot.options.forEach((option, o) => b.addCost(choice, o + offset, toCents(option.price)));
      }
      vars =
        quantity === undefined
          ? { slot, kind: slot.kind, choice }
          : { slot, kind: slot.kind, choice, quantity };
    }
    slots.push(vars);
    bySlot.set(slot.id, vars);
  }

  const slotVars = (id: string): SlotVariables => {
    const vars = bySlot.get(id);
    if (!vars) throw new CatalogCompileError(`unknown slot ${id}`);
    return vars;
  };
  const label = (rule: Rule) => rule.message ?? describeRule(index, rule);

  /** Option of a single/optional slot at a value index, or undefined for NONE. */
  const optionAt = (vars: SlotVariables, value: number): Option | undefined =>
    vars.kind === 'multi' ? undefined : vars.slot.options[value - (vars.kind === 'optional' ? 1 : 0)];

  const optionMatches = (option: Option, c: Condition): boolean => {
    if ('option' in c) return option.id === c.option;
    if ('anyOf' in c) return c.anyOf.includes(option.id);
    if ('empty' in c) return true;
    const value = option.attributes[c.attr];
    return value !== undefined && compare(value, c.op, c.value);
  };

  const literal = (c: Condition, origin: string): Literal => {
    const vars = slotVars(c.slot);
    if (vars.kind !== 'multi') {
      const accept = new Set<number>();
      const size = b.domain(vars.choice);
      for (let value = 0; value < size; value++) {
        const option = optionAt(vars, value);
        const holds =
          'empty' in c ? (option === undefined) === c.empty : !!option && optionMatches(option, c);
        if (holds) accept.add(value);
      }
      return { variable: vars.choice, accept };
    }
    const matching = vars.slot.options.filter((o) => optionMatches(o, c));
    const chosen = matching.map((o) => {
      const v = vars.options.get(o.id) ?? -1;
      return { variable: v, accept: new Set(Array.from({ length: o.maxQuantity }, (_, q) => q + 1)) };
    });
    if (chosen.length === 0) {
      // Nothing can match: a constant literal, expressed on a fresh 1-value variable.
      const never = b.aux('const', ['0']);
      return { variable: never, accept: new Set('empty' in c && c.empty ? [0] : []) };
    }
    const some = b.or(chosen, `${c.slot}:${matching.map((o) => o.id).join(',')}`, origin);
    if ('empty' in c && c.empty) {
      const size = b.domain(some.variable);
      const accept = new Set<number>();
      for (let v = 0; v < size; v++) if (!some.accept.has(v)) accept.add(v);
      return { variable: some.variable, accept };
    }
    return some;
  };

  /** A table over the literals' distinct variables where `holds(truths)` is true. */
  const logic = (
    origin: string,
    text: string,
    literals: Literal[],
    holds: (truths: boolean[]) => boolean,
  ) => {
    const scope = [...new Set(literals.map((l) => l.variable))];
    b.enumerate(origin, text, scope, (values) => {
      const truths = literals.map((l) => l.accept.has(values[scope.indexOf(l.variable)] ?? -1));
      return holds(truths);
    });
  };

  /** Summands for Σ attr × quantity over a slot's chosen options. */
  const termsOf = (ref: AttrRef): Term[] => {
    const vars = slotVars(ref.slot);
    if (vars.kind === 'multi')
      return vars.slot.options.map((o) => ({
        vars: [vars.options.get(o.id) ?? -1],
        weight: ([q]) => attrNumber(o, ref.attr) * (q ?? 0),
      }));
    const { quantity } = vars;
    if (quantity !== undefined) {
      const low = Number(b.variables[quantity]?.values[0] ?? 1);
      return [
        {
          vars: [vars.choice, quantity],
          weight: ([o, q]) => attrNumber(optionAt(vars, o ?? 0), ref.attr) * (low + (q ?? 0)),
        },
      ];
    }
    return [{ vars: [vars.choice], weight: ([o]) => attrNumber(optionAt(vars, o ?? 0), ref.attr) }];
  };

  /** Merges summands over the same variables so each variable enters a chain once. */
  const merge = (terms: Term[]): Term[] => {
    const byVars = new Map<string, Term>();
    for (const t of terms) {
      const key = t.vars.join(',');
      const known = byVars.get(key);
      byVars.set(key, known ? { vars: t.vars, weight: (v) => known.weight(v) + t.weight(v) } : t);
    }
    return [...byVars.values()];
  };

  /**
   * Σ terms `op` limit. A limit over slots joins the sum with negated weights (Σ terms − limit `op` 0), so the
   * chain can start from the limit: with the limit slot early in the diagram, the running value is a remaining
   * budget that the few summands still to come keep small.
   */
  const checkTotal = (
    origin: string,
    text: string,
    terms: Term[],
    holds: (difference: number) => boolean,
    limit: Term[] | number,
  ) => {
    const negated = (typeof limit === 'number' ? [] : limit).map((t) => ({
      vars: t.vars,
      weight: (v: readonly number[]) => -t.weight(v),
    }));
    const constant = typeof limit === 'number' ? limit : 0;
    b.linear(origin, text, merge([...terms, ...negated]), (t) => holds(round(t - constant)));
  };

  // Total quantity of multi slots.
  for (const vars of slots) {
    if (vars.kind !== 'multi') continue;
    const { min, max } = quantityBounds(vars.slot);
    const all = vars.slot.options.reduce((s, o) => s + o.maxQuantity, 0);
    if (min <= 0 && max >= all) continue;
    const terms = vars.slot.options.map((o) => ({
      vars: [vars.options.get(o.id) ?? -1],
      weight: ([q]: readonly number[]) => q ?? 0,
    }));
    const text = `${vars.slot.name}: ${min}–${max} in all`;
    checkTotal(`slot:${vars.slot.id}`, text, terms, (total) => total >= min && total <= max, 0);
  }

  for (const rule of catalog.rules) {
    const text = label(rule);
    switch (rule.kind) {
      case 'requires': {
        const when = rule.when.map((c) => literal(c, rule.id));
        const then = literal(rule.then, rule.id);
        logic(
          rule.id,
          text,
          [...when, then],
          (t) => !t.slice(0, -1).every(Boolean) || t[t.length - 1] === true,
        );
        break;
      }
      case 'excludes':
        logic(
          rule.id,
          text,
          rule.all.map((c) => literal(c, rule.id)),
          (t) => !t.every(Boolean),
        );
        break;
      case 'compatible':
        compileCompatible(
          rule.id,
          text,
          slotVars(rule.left.slot),
          rule.left.attr,
          rule.op,
          slotVars(rule.right.slot),
          rule.right.attr,
        );
        break;
      case 'resource': {
        const terms = rule.sum.flatMap(termsOf);
        if (typeof rule.limit === 'number')
          checkTotal(rule.id, text, terms, (d) => compare(d, rule.op, 0), rule.limit);
        else {
          const { factor } = rule.limit;
          const limitTerms = termsOf(rule.limit).map((t) => ({
            vars: t.vars,
            weight: (v: readonly number[]) => t.weight(v) * factor,
          }));
          checkTotal(rule.id, text, terms, (d) => compare(d, rule.op, 0), limitTerms);
        }
        break;
      }
    }
  }

  function compileCompatible(
    origin: string,
    text: string,
    left: SlotVariables,
    leftAttr: string,
    op: Comparison,
    right: SlotVariables,
    rightAttr: string,
  ) {
    // Pairs of (variable, option at a value) on each side; a multi slot contributes one variable per option.
    const sides = (vars: SlotVariables) =>
      vars.kind === 'multi'
        ? vars.slot.options.map((o) => ({
            variable: vars.options.get(o.id) ?? -1,
            option: (v: number) => (v > 0 ? o : undefined),
          }))
        : [{ variable: vars.choice, option: (v: number) => optionAt(vars, v) }];
    for (const l of sides(left))
      for (const r of sides(right))
        b.enumerate(origin, text, [l.variable, r.variable], ([lv, rv]) => {
          const a = l.option(lv ?? 0)?.attributes[leftAttr];
          const c = r.option(rv ?? 0)?.attributes[rightAttr];
          return a === undefined || c === undefined || compare(a, op, c);
        });
  }

  // Packages force their contents and price one unit of each at zero.
  const freeUnits = new Map<string, Literal[]>();
  for (const pkg of catalog.packages) {
    const origin = `package:${pkg.id}`;
    const chosen = literal(pkg.option, origin);
    for (const inc of pkg.includes) {
      logic(
        origin,
        `${index.option.get(pkg.option.option)?.option.name ?? pkg.id} includes ${index.option.get(inc.option)?.option.name ?? inc.option}`,
        [chosen, literal(inc, origin)],
        ([p, i]) => !p || !!i,
      );
      freeUnits.set(inc.option, [...(freeUnits.get(inc.option) ?? []), chosen]);
    }
  }
  for (const [optionId, packages] of freeUnits) {
    const anyPackage = b.or(packages, `free:${optionId}`, `price:${optionId}`);
    const refund = -toCents(index.option.get(optionId)?.option.price ?? 0);
    for (const value of anyPackage.accept) b.addCost(anyPackage.variable, value, refund);
  }
  for (const pr of catalog.priceRules) {
    const literals = pr.when.map((c) => literal(c, `price:${pr.id}`));
    const flag = b.aux('price', ['0', '1']);
    const scope = [...new Set(literals.map((l) => l.variable)), flag];
    b.enumerate(
      `price:${pr.id}`,
      pr.label,
      scope,
      (values) => {
        const all = literals.every((l) => l.accept.has(values[scope.indexOf(l.variable)] ?? -1));
        return values[values.length - 1] === (all ? 1 : 0);
      },
      true,
    );
    b.addCost(flag, 1, toCents(pr.amount));
  }

  const model: Model = { variables: b.variables, constraints: b.constraints };
  return {
    catalog,
    index,
    model,
    slots,
    userVariables,
    costs: b.costs,
    baseCents: toCents(catalog.basePrice),
    origin: b.origin,
    definitions: b.definitions,
    order: diagramOrder(model, b.rank),
  };
}
