/**
 * XCSP3 importer for the subset the bench-data README lists (see ../README.md): `<var>` (symbolic or integer),
 * `<extension>` with `<supports>` (incl. `*` and unary tables), and `<intension>` / `<sum>` forms that are enumerated
 * into tables. Anything else is refused with an {@link ImportError} naming the element and its line.
 */
import { WILDCARD, validateModel, type Constraint, type Model, type Variable } from '../model.ts';
import { enumerate, enumerateSum, isCmpOp, parseIntension, type IntVar } from './intension.ts';
import { ImportError, parseXml, type XmlElement } from './xml.ts';

export { ImportError } from './xml.ts';

interface VarInfo {
  readonly index: number;
  readonly name: string;
  readonly values: string[];
  /** Value token → index; integer tokens are keyed by their canonical decimal form. */
  readonly lookup: Map<string, number>;
  /** Integer meaning of each value, or undefined for a symbolic variable. */
  readonly ints: number[] | undefined;
}

const INT = /^[+-]?\d+$/;
const RANGE = /^([+-]?\d+)\.\.([+-]?\d+)$/;

/**
 * A range such as `0..1000000000` is a few bytes of text but one value (and its name) per integer in memory, so the
 * values of all domains together are capped; a file passing it is refused at the `<var>` that does (raise with
 * `maxValues`).
 */
export const MAX_XCSP_VALUES = 1_000_000;

export interface XcspLimits {
  readonly maxValues?: number;
}

/** The integer a token means, refused beyond ±2^53 where `v + 1 === v` and ranges would never end. */
function safeInt(tok: string, what: string, line: number): number {
  const v = Number(tok);
  if (!Number.isSafeInteger(v)) throw new ImportError(`${what}: ${tok} is not a safe integer`, line);
  return v;
}
const canonical = (tok: string): string => (INT.test(tok) ? String(Number(tok)) : tok);

function onlyChildren(el: XmlElement, allowed: readonly string[]): void {
  for (const c of el.children) {
    if (!allowed.includes(c.name)) {
      throw new ImportError(`unsupported element <${c.name}> inside <${el.name}>`, c.line);
    }
  }
  if (el.name !== 'list' && el.children.length > 0 && el.text.trim() !== '' && el.name !== 'supports') {
    throw new ImportError(`unexpected text inside <${el.name}>`, el.line);
  }
}

function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new ImportError(`<${el.name}> needs exactly one <${name}>`, el.line);
  return found[0] as XmlElement;
}

function noAttributesBut(el: XmlElement, allowed: readonly string[]): void {
  for (const a of el.attributes.keys()) {
    if (!allowed.includes(a)) throw new ImportError(`unsupported attribute ${a} on <${el.name}>`, el.line);
  }
}

function readVariable(el: XmlElement, index: number, budget: { left: number; max: number }): VarInfo {
  noAttributesBut(el, ['id', 'type', 'note']);
  onlyChildren(el, []);
  const name = el.attributes.get('id');
  if (!name) throw new ImportError('<var> without id', el.line);
  const type = el.attributes.get('type') ?? 'integer';
  if (type !== 'integer' && type !== 'symbolic')
    throw new ImportError(`<var> of type ${type} is not supported`, el.line);
  const tokens = el.text.trim().split(/\s+/).filter(Boolean);
  const values: string[] = [];
  const ints: number[] = [];
  const spend = (n: number, t: string): void => {
    budget.left -= Math.max(0, n);
    if (budget.left < 0)
      throw new ImportError(
        `${t} in the domain of ${name} takes the domains past ${budget.max} values`,
        el.line,
      );
  };
  for (const t of tokens) {
    const range = RANGE.exec(t);
    if (type === 'integer' && range) {
      const lo = safeInt(range[1] as string, `domain of ${name}`, el.line);
      const hi = safeInt(range[2] as string, `domain of ${name}`, el.line);
      spend(hi - lo + 1, t);
      for (let v = lo; v <= hi; v++) {
        values.push(String(v));
        ints.push(v);
      }
    } else if (type === 'integer') {
      if (!INT.test(t)) throw new ImportError(`integer variable ${name} has non-integer value ${t}`, el.line);
      spend(1, t);
      values.push(t);
      ints.push(safeInt(t, `domain of ${name}`, el.line));
    } else {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t))
        throw new ImportError(`bad symbolic value ${t} of ${name}`, el.line);
      spend(1, t);
      values.push(t);
    }
  }
  if (values.length === 0) throw new ImportError(`variable ${name} has an empty domain`, el.line);
  const lookup = new Map<string, number>();
  values.forEach((v, i) => {
    const key = canonical(v);
    if (lookup.has(key)) throw new ImportError(`variable ${name} repeats value ${v}`, el.line);
    lookup.set(key, i);
  });
  return { index, name, values, lookup, ints: type === 'integer' ? ints : undefined };
}

function readList(el: XmlElement, vars: ReadonlyMap<string, VarInfo>): VarInfo[] {
  noAttributesBut(el, []);
  onlyChildren(el, []);
  const names = el.text.trim().split(/\s+/).filter(Boolean);
  if (names.length === 0) throw new ImportError('empty <list>', el.line);
  const scope = names.map((n) => {
    const v = vars.get(n);
    if (!v) throw new ImportError(`unknown variable ${n} in <list>`, el.line);
    return v;
  });
  if (new Set(scope).size !== scope.length)
    throw new ImportError('a variable appears twice in <list>', el.line);
  return scope;
}

/** The value indices of an integer variable (of a symbolic one: none), in ascending order of their integers. */
function byValue(v: VarInfo): number[] {
  const ints = v.ints ?? [];
  return ints.map((_, i) => i).sort((a, b) => (ints[a] as number) - (ints[b] as number));
}

/** Parses `(a,b,*)(c,d,e)` (or bare values for a unary table); tuples naming a value outside a domain are dropped. */
function readSupports(el: XmlElement, scope: readonly VarInfo[]): Int32Array {
  noAttributesBut(el, []);
  onlyChildren(el, []);
  const text = el.text;
  const arity = scope.length;
  const out: number[] = [];
  const row = new Int32Array(arity);
  if (arity === 1 && !text.includes('(')) {
    const v = scope[0] as VarInfo;
    for (const t of text.trim().split(/\s+/).filter(Boolean)) {
      const range = RANGE.exec(t);
      if (range) {
        // Over the domain, not the range: `0..1000000000` must not loop a billion times for a few values.
        const lo = Number(range[1]);
        const hi = Number(range[2]);
        for (const i of byValue(v)) {
          const x = (v.ints as number[])[i] as number;
          if (lo <= x && x <= hi) out.push(i);
        }
      } else if (t === '*') out.push(WILDCARD);
      else {
        const i = v.lookup.get(canonical(t));
        if (i !== undefined) out.push(i);
      }
    }
    return Int32Array.from(out);
  }
  const n = text.length;
  let p = 0;
  for (;;) {
    while (p < n && text.charCodeAt(p) <= 32) p++;
    if (p >= n) break;
    if (text[p] !== '(') throw new ImportError(`<supports>: expected "(" but found "${text[p]}"`, el.line);
    const close = text.indexOf(')', p);
    if (close < 0) throw new ImportError('<supports>: unterminated tuple', el.line);
    const parts = text.slice(p + 1, close).split(',');
    if (parts.length !== arity) {
      throw new ImportError(
        `<supports>: tuple (${parts.join(',')}) has ${parts.length} values, scope has ${arity}`,
        el.line,
      );
    }
    let keep = true;
    for (let j = 0; j < arity; j++) {
      const t = (parts[j] as string).trim();
      if (t === '*') {
        row[j] = WILDCARD;
        continue;
      }
      const i = (scope[j] as VarInfo).lookup.get(canonical(t));
      if (i === undefined) {
        if (t === '' || /[\s()]/.test(t))
          throw new ImportError(`<supports>: malformed value "${t}"`, el.line);
        keep = false; // XCSP3: a tuple with a value outside the domain is simply irrelevant
        break;
      }
      row[j] = i;
    }
    if (keep) for (let j = 0; j < arity; j++) out.push(row[j] as number);
    p = close + 1;
  }
  return Int32Array.from(out);
}

function intVar(v: VarInfo, line: number): IntVar {
  if (!v.ints) throw new ImportError(`symbolic variable ${v.name} cannot be used in arithmetic`, line);
  return { index: v.index, name: v.name, ints: v.ints };
}

function readConstraint(el: XmlElement, vars: ReadonlyMap<string, VarInfo>, ordinal: number): Constraint {
  const id = el.attributes.get('id') ?? `${el.name}${ordinal}`;
  const note = el.attributes.get('note');
  switch (el.name) {
    case 'extension': {
      noAttributesBut(el, ['id', 'note']);
      onlyChildren(el, ['list', 'supports']);
      const scope = readList(child(el, 'list'), vars);
      const rows = readSupports(child(el, 'supports'), scope);
      const names = scope.map((v) => v.name).join(', ');
      return {
        id,
        label: note ? `${note} (${id})` : `rule ${id} on ${names}`,
        scope: scope.map((v) => v.index),
        rows,
      };
    }
    case 'intension': {
      noAttributesBut(el, ['id', 'note']);
      onlyChildren(el, []);
      const text = el.text.trim();
      const pred = parseIntension(
        text,
        (n) => {
          const v = vars.get(n);
          return v ? intVar(v, el.line) : undefined;
        },
        el.line,
      );
      const rows = enumerate(pred, el.line);
      return {
        id,
        label: note ? `${note} (${id})` : `${id}: ${text}`,
        scope: pred.scope.map((v) => v.index),
        rows,
      };
    }
    case 'sum': {
      noAttributesBut(el, ['id', 'note']);
      onlyChildren(el, ['list', 'condition']);
      const xs = readList(child(el, 'list'), vars).map((v) => intVar(v, el.line));
      const cond = child(el, 'condition');
      onlyChildren(cond, []);
      const m = /^\(\s*([a-z]+)\s*,\s*([^\s,()]+)\s*\)$/.exec(cond.text.trim());
      if (!m) throw new ImportError(`<condition> "${cond.text.trim()}" is not of the form (op,y)`, cond.line);
      const op = m[1] as string;
      if (!isCmpOp(op)) throw new ImportError(`<condition> operator ${op} is not supported`, cond.line);
      const yTok = m[2] as string;
      let y: IntVar | number;
      if (INT.test(yTok)) y = Number(yTok);
      else {
        const v = vars.get(yTok);
        if (!v) throw new ImportError(`unknown variable ${yTok} in <condition>`, cond.line);
        if (xs.some((x) => x.index === v.index))
          throw new ImportError(`${yTok} is both summed and compared`, cond.line);
        y = intVar(v, cond.line);
      }
      const { scope, rows } = enumerateSum(xs, op, y, el.line);
      const text = `${xs.map((x) => x.name).join(' + ')} ${op} ${typeof y === 'number' ? y : y.name}`;
      return {
        id,
        label: note ? `${note} (${id}: ${text})` : `${id}: ${text}`,
        scope: scope.map((v) => v.index),
        rows,
      };
    }
    default:
      throw new ImportError(`unsupported constraint element <${el.name}>`, el.line);
  }
}

/**
 * Reads an XCSP3 instance of the supported subset.
 * Pre: `text` is the file's content. Post: a valid {@link Model} whose variables are the `<var>`s in file order
 * (values as written) and whose constraints are the file's constraints in order, each a positive table with the
 * same solutions; throws {@link ImportError} naming the element and line of anything unsupported or malformed.
 */
export function importXcsp(text: string, { maxValues = MAX_XCSP_VALUES }: XcspLimits = {}): Model {
  const root = parseXml(text);
  if (root.name !== 'instance')
    throw new ImportError(`root element is <${root.name}>, expected <instance>`, root.line);
  noAttributesBut(root, ['format', 'type']);
  const format = root.attributes.get('format');
  if (format !== undefined && format !== 'XCSP3')
    throw new ImportError(`format ${format} is not supported`, root.line);
  const type = root.attributes.get('type');
  if (type !== undefined && type !== 'CSP')
    throw new ImportError(`instance type ${type} is not supported`, root.line);
  onlyChildren(root, ['variables', 'constraints']);
  const varsEl = child(root, 'variables');
  onlyChildren(varsEl, ['var']);
  const budget = { left: maxValues, max: maxValues };
  const infos = varsEl.children.map((el, i) => readVariable(el, i, budget));
  const vars = new Map<string, VarInfo>();
  for (const v of infos) {
    if (vars.has(v.name)) throw new ImportError(`variable ${v.name} is declared twice`, varsEl.line);
    vars.set(v.name, v);
  }
  const consEls = root.children.filter((c) => c.name === 'constraints');
  if (consEls.length > 1)
    throw new ImportError('more than one <constraints>', (consEls[1] as XmlElement).line);
  const ids = new Set<string>();
  const constraints = (consEls[0]?.children ?? []).map((el, i) => {
    const c = readConstraint(el, vars, i + 1);
    // The model refuses a repeated id too, but without a line; an explicit id may also repeat a generated one.
    if (ids.has(c.id)) throw new ImportError(`constraint id ${c.id} is used twice`, el.line);
    ids.add(c.id);
    return c;
  });
  const variables: Variable[] = infos.map((v) => ({ name: v.name, values: v.values }));
  const model: Model = { variables, constraints };
  validateModel(model);
  return model;
}
