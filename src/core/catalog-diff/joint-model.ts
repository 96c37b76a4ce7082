import { NONE, type CatalogModel, type SlotVariables } from '../configurator/compile-catalog.ts';
import { WILDCARD, type Constraint, type Model, type Variable } from '../engine/model.ts';

/**
 * Two compiled catalogs over one variable space, so that the builds both allow are the solutions of one model.
 *
 * A build is the same build in both catalogs when every slot holds the same option ids with the same quantities.
 * The catalogs' user variables (`slot`, `slot#qty`, `slot/option`, see slot-variables.ts) are shared by name, their
 * domains united; each side then keeps the variables it lacks functionally determined by its own builds:
 * - a slot the side does not have is empty there (`slot` = NONE, `slot/option` = 0, `slot#qty` = 1);
 * - a slot without a quantity variable holds its option once (`slot#qty` = 1);
 * - a slot whose kind changed (one option at a time on one side, any options on the other) is linked: `slot/option`
 *   is the quantity of the option chosen in `slot`, and a multi slot holding two options has no `slot` value at
 *   all (no build of the other side equals it);
 * - a shared variable is restricted to the side's own values (the other side's options are not offered here).
 * Auxiliary variables stay each side's own (`A~or0`, `B~or0`): each is defined by its side's user variables. So a
 * solution of the side's part alone is exactly one of its builds, and of both parts one build valid in both.
 */

export interface SideMap {
  /** The side's variable index → the joint variable index. */
  readonly variable: Int32Array;
  /** Per side variable, its value index → the joint value index. */
  readonly value: readonly Int32Array[];
}

export interface JointModel {
  /** Both sides' constraints with the links: its solutions are the builds valid in both catalogs. */
  readonly model: Model;
  /** A diagram order: the first side's, the second side's other variables next to their neighbours there. */
  readonly order: number[];
  readonly sides: readonly [SideMap, SideMap];
}

type StringTable = { id: string; label: string; scope: string[]; rows: string[][] };

/** `slot`, `slot#qty` or `slot/option`, as slot-variables.ts names them. */
function parseName(name: string): { slot: string; kind: 'choice' | 'qty' | 'multi'; option?: string } {
  const slash = name.indexOf('/');
  if (slash >= 0) return { slot: name.slice(0, slash), kind: 'multi', option: name.slice(slash + 1) };
  if (name.endsWith('#qty')) return { slot: name.slice(0, -4), kind: 'qty' };
  return { slot: name, kind: 'choice' };
}

const nameOf = (cm: CatalogModel, x: number) => (cm.model.variables[x] as Variable).name;
const valuesOf = (cm: CatalogModel, x: number) => (cm.model.variables[x] as Variable).values;

/** What one option of a single/optional slot's variable stands for: option id (or none) and quantity. */
function choiceContents(cm: CatalogModel, vars: Extract<SlotVariables, { choice: number }>) {
  const out: { option: string | undefined; qty: number; cells: string[] }[] = [];
  for (const c of valuesOf(cm, vars.choice)) {
    const option = c === NONE ? undefined : c;
    if (vars.quantity === undefined) out.push({ option, qty: option ? 1 : 0, cells: [c] });
    else
      for (const q of valuesOf(cm, vars.quantity))
        out.push({ option, qty: option ? Number(q) : 0, cells: [c, q] });
  }
  return out;
}

/** The side's definition of the joint user variables it lacks (see the file comment). */
function definitions(cm: CatalogModel, side: string, missing: readonly string[]): StringTable[] {
  const tables: StringTable[] = [];
  const linkedMulti = new Set<string>();
  for (const name of missing) {
    const { slot, kind, option } = parseName(name);
    const vars = cm.slots.find((s) => s.slot.id === slot);
    const id = `${side}:def:${name}`;
    const sameShape = vars && (vars.kind === 'multi') === (kind === 'multi');
    if (!vars || (sameShape && kind !== 'choice')) {
      const fixed = kind === 'choice' ? NONE : kind === 'qty' ? '1' : '0';
      tables.push({ id, label: `${name} fixed`, scope: [name], rows: [[fixed]] });
    } else if (vars.kind !== 'multi') {
      // `slot/option` from the side's one-at-a-time choice.
      const scope = [nameOf(cm, vars.choice)];
      if (vars.quantity !== undefined) scope.push(nameOf(cm, vars.quantity));
      const rows = choiceContents(cm, vars).map((c) => [
        ...c.cells,
        c.option === option ? String(c.qty) : '0',
      ]);
      tables.push({ id, label: `${name} linked`, scope: [...scope, name], rows });
    } else if (!linkedMulti.has(slot)) {
      // `slot` (and `slot#qty`) from the side's per-option quantities: at most one option chosen.
      linkedMulti.add(slot);
      const withQty = missing.includes(`${slot}#qty`);
      const optionVars = [...vars.options.values()];
      const zero = optionVars.map(() => '0');
      const rows: string[][] = [[...zero, NONE, ...(withQty ? ['1'] : [])]];
      [...vars.options.keys()].forEach((o, i) => {
        const max = valuesOf(cm, optionVars[i] as number).length - 1;
        for (let q = 1; q <= (withQty ? max : Math.min(1, max)); q++) {
          const row = [...zero];
          row[i] = String(q);
          rows.push([...row, o, ...(withQty ? [String(q)] : [])]);
        }
      });
      const scope = [...optionVars.map((x) => nameOf(cm, x)), slot, ...(withQty ? [`${slot}#qty`] : [])];
      tables.push({ id: `${side}:def:${slot}`, label: `${slot} linked`, scope, rows });
    }
  }
  return tables;
}

/** Joint variables: names, values, lookups. */
class Space {
  readonly variables: { name: string; values: string[]; at: Map<string, number> }[] = [];
  readonly byName = new Map<string, number>();

  add(name: string, values: readonly string[] = []): number {
    let x = this.byName.get(name);
    if (x === undefined) {
      x = this.variables.length;
      this.variables.push({ name, values: [], at: new Map() });
      this.byName.set(name, x);
    }
    const v = this.variables[x] as Space['variables'][number];
    for (const value of values)
      if (!v.at.has(value)) {
        v.at.set(value, v.values.length);
        v.values.push(value);
      }
    return x;
  }

  value(x: number, value: string): number {
    return this.variables[x]?.at.get(value) ?? -1;
  }
}

/** A table over joint variables, as a key: equal keys, equal relations. */
function tableKey(scope: ArrayLike<number>, rows: Int32Array): string {
  return `${Array.from(scope).join(',')}|${rows.join(',')}`;
}

/** Its rows with every value mapped into the joint space (the last column left as is when `keepLast`). */
function mappedRows(c: Constraint, map: SideMap, keepLast = false): Int32Array {
  const arity = c.scope.length;
  return Int32Array.from(c.rows, (v, k) => {
    const x = c.scope[k % arity] as number;
    if (v === WILDCARD || (keepLast && k % arity === arity - 1)) return v;
    return map.value[x]?.[v] as number;
  });
}

/** A side variable's value indices → their joint value indices (by the values as written). */
const valueMap = (space: Space, cm: CatalogModel, variable: Int32Array, x: number) =>
  Int32Array.from(valuesOf(cm, x), (s) => space.value(variable[x] as number, s));

/**
 * Side `prefix` mapped into the space: user variables by name; an auxiliary variable defined by the same table over
 * the same joint variables as one of `known`'s is that variable (both sides' running totals of an unchanged rule are
 * one chain, so the joint diagram is hardly larger than either); other auxiliary variables are the side's own.
 */
function mapSide(
  space: Space,
  cm: CatalogModel,
  prefix: string,
  known: ReadonlyMap<string, number>,
): SideMap {
  const user = new Set(cm.userVariables);
  const variable = new Int32Array(cm.model.variables.length).fill(-1);
  const value: Int32Array[] = [];
  const set = (x: number, jx: number) => {
    variable[x] = jx;
    value[x] = valueMap(space, cm, variable, x);
  };
  for (const x of cm.userVariables) set(x, space.add(nameOf(cm, x)));
  const map = { variable, value };
  for (const c of cm.model.constraints) {
    const y = c.scope[c.scope.length - 1] as number;
    if (!cm.definitions.has(c.id) || variable[y] !== -1 || c.scope.some((x) => x !== y && variable[x] === -1))
      continue;
    const jx = known.get(definitionKey(cm, c, map));
    if (jx !== undefined) set(y, jx);
  }
  cm.model.variables.forEach((v, x) => {
    if (variable[x] === -1 && !user.has(x)) set(x, space.add(`${prefix}${v.name}`, v.values));
  });
  return map;
}

/** A definition's key: its scope and rows in the joint space, with the defined variable by its own values. */
function definitionKey(cm: CatalogModel, c: Constraint, map: SideMap): string {
  const y = c.scope[c.scope.length - 1] as number;
  const scope = c.scope.slice(0, -1).map((x) => map.variable[x] as number);
  return `${valuesOf(cm, y).join('\u0000')}#${tableKey(scope, mappedRows(c, map, true))}`;
}

/**
 * The joint model of two compiled catalogs (see the file comment).
 * Pre: `a` and `b` come from compileCatalog. Post: for each side S, S's constraints plus its definitions have exactly
 * one solution per build of S (the other variables determined); together, one per build valid in both.
 */
export function jointModel(a: CatalogModel, b: CatalogModel): JointModel {
  const space = new Space();
  const sides = [a, b] as const;
  const prefixes = ['A', 'B'] as const;
  for (const cm of sides) for (const x of cm.userVariables) space.add(nameOf(cm, x), valuesOf(cm, x));
  const ma = mapSide(space, a, 'A', new Map());
  const known = new Map(
    a.model.constraints
      .filter((c) => a.definitions.has(c.id))
      .map((c) => [definitionKey(a, c, ma), ma.variable[c.scope[c.scope.length - 1] as number] as number]),
  );
  const maps = [ma, mapSide(space, b, 'B', known)] as [SideMap, SideMap];
  const userNames = [...new Set(sides.flatMap((cm) => cm.userVariables.map((x) => nameOf(cm, x))))];
  const tables = sides.flatMap((cm, i) => {
    const own = new Set(cm.userVariables.map((x) => nameOf(cm, x)));
    return definitions(
      cm,
      prefixes[i] as string,
      userNames.filter((n) => !own.has(n)),
    );
  });
  for (const t of tables)
    t.scope.forEach((name, j) =>
      space.add(
        name,
        t.rows.map((r) => r[j] as string),
      ),
    );

  const constraints: Constraint[] = [];
  const seen = new Set<string>();
  const push = (c: Constraint) => {
    const key = tableKey(c.scope, c.rows);
    if (seen.has(key)) return; // the same table on both sides: once is enough
    seen.add(key);
    constraints.push(c);
  };
  sides.forEach((cm, i) => {
    const map = maps[i] as SideMap;
    for (const c of cm.model.constraints) {
      const scope = c.scope.map((x) => map.variable[x] as number);
      push({ id: `${prefixes[i]}:${c.id}`, label: c.label, scope, rows: mappedRows(c, map) });
    }
    // A shared variable whose joint domain grew: the side offers only its own values.
    for (const x of cm.userVariables) {
      const jx = map.variable[x] as number;
      const own = map.value[x] as Int32Array;
      if (own.length < (space.variables[jx]?.values.length ?? 0))
        push({ id: `${prefixes[i]}:own:${nameOf(cm, x)}`, label: 'own values', scope: [jx], rows: own });
    }
  });
  for (const t of tables) {
    const scope = t.scope.map((n) => space.byName.get(n) as number);
    const flat = t.rows.flatMap((r) => r.map((s, j) => space.value(scope[j] as number, s)));
    push({ id: t.id, label: t.label, scope, rows: Int32Array.from(flat) });
  }

  const variables: Variable[] = space.variables.map((v) => ({ name: v.name, values: v.values }));
  return { model: { variables, constraints }, order: mergedOrder(space, a, b, maps), sides: maps };
}

/** The first side's order, each variable only the second side has right after its predecessor there. */
function mergedOrder(space: Space, a: CatalogModel, b: CatalogModel, maps: readonly SideMap[]): number[] {
  const [ma, mb] = maps as [SideMap, SideMap];
  const after = new Map<number, number[]>();
  const placed = new Set(a.order.map((x) => ma.variable[x] as number));
  let anchor = -1;
  for (const x of b.order) {
    const jx = mb.variable[x] as number;
    if (placed.has(jx)) {
      anchor = jx;
      continue;
    }
    after.set(anchor, [...(after.get(anchor) ?? []), jx]);
    placed.add(jx);
  }
  const order = [...(after.get(-1) ?? [])];
  for (const x of a.order) {
    const jx = ma.variable[x] as number;
    order.push(jx, ...(after.get(jx) ?? []));
  }
  // Pre of compileModel: a permutation. Every joint variable is some side's, so none is expected here.
  for (let x = 0; x < space.variables.length; x++) if (!placed.has(x)) order.push(x);
  return order;
}
