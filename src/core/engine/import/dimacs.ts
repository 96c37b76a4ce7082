/**
 * DIMACS CNF importer: each variable becomes a Boolean variable with values "0" and "1" (named by a
 * `c <n> <name>` comment when the file has one), each clause a table of k starred rows
 * (l1 true) | (l1 false, l2 true) | ... — exactly the clause's models, without enumerating 2^k − 1 tuples.
 */
import { WILDCARD, validateModel, type Constraint, type Model } from '../model.ts';
import { ImportError } from './xml.ts';

/**
 * The header's variable count is allocated up front, so a hostile or mistyped `p cnf 10000000 0` would eat memory
 * before any clause is read; beyond this many variables the header is refused (raise with `maxVariables`).
 */
export const MAX_DIMACS_VARIABLES = 100_000;
/**
 * A clause of k literals becomes a k×k table, so the cells grow with the square of clause length; beyond this many
 * cells over all clauses (128 MiB of Int32) the file is refused (raise with `maxTableCells`).
 */
export const MAX_DIMACS_TABLE_CELLS = 1 << 25;

export interface DimacsLimits {
  readonly maxVariables?: number;
  readonly maxTableCells?: number;
}

/**
 * Reads a DIMACS CNF text.
 * Pre: none. Post: a valid model with one variable per declared variable and one constraint per non-tautological
 * clause (id `clause<k>`, labelled with its literals); throws {@link ImportError} with the line of a malformed header,
 * literal or out-of-range variable, or of the header or clause that passes a limit.
 */
export function importDimacs(
  text: string,
  { maxVariables = MAX_DIMACS_VARIABLES, maxTableCells = MAX_DIMACS_TABLE_CELLS }: DimacsLimits = {},
): Model {
  const lines = text.split('\n');
  let declared = -1;
  const names = new Map<number, string>();
  const clauses: { lits: number[]; line: number }[] = [];
  let current: number[] = [];
  let currentLine = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const at = i + 1;
    if (line === '' || line.startsWith('%')) return;
    if (line.startsWith('c')) {
      const m = /^c\s+(\d+)\s+(\S.*)$/.exec(line);
      if (m) names.set(Number(m[1]), (m[2] as string).trim());
      return;
    }
    if (line.startsWith('p')) {
      const m = /^p\s+cnf\s+(\d+)\s+(\d+)$/.exec(line);
      if (!m || declared >= 0) throw new ImportError('malformed or repeated "p cnf" header', at);
      declared = Number(m[1]);
      if (declared > maxVariables)
        throw new ImportError(
          `"p cnf" declares ${m[1]} variables, more than the limit of ${maxVariables}`,
          at,
        );
      return;
    }
    if (declared < 0) throw new ImportError('clause before the "p cnf" header', at);
    for (const tok of line.split(/\s+/)) {
      if (!/^-?\d+$/.test(tok)) throw new ImportError(`bad literal "${tok}"`, at);
      const lit = Number(tok);
      if (Math.abs(lit) > declared) throw new ImportError(`literal ${lit} names an undeclared variable`, at);
      if (current.length === 0) currentLine = at;
      if (lit === 0) {
        clauses.push({ lits: current, line: currentLine });
        current = [];
      } else current.push(lit);
    }
  });
  if (declared < 0) throw new ImportError('no "p cnf" header', 1);
  if (current.length > 0) clauses.push({ lits: current, line: currentLine });
  let cells = 0;
  for (const { lits, line } of clauses) {
    cells += lits.length * lits.length;
    if (cells > maxTableCells)
      throw new ImportError(
        `clauses need more than ${maxTableCells} table cells (a clause of k literals takes k²)`,
        line,
      );
  }
  const used = new Set<string>();
  const variables = Array.from({ length: declared }, (_, i) => {
    let name = names.get(i + 1) ?? `x${i + 1}`;
    if (used.has(name)) name = `${name}#${i + 1}`;
    used.add(name);
    return { name, values: ['0', '1'] };
  });
  const constraints: Constraint[] = [];
  clauses.forEach(({ lits }, k) => {
    const sign = new Map<number, number>();
    let tautology = false;
    for (const l of lits) {
      const x = Math.abs(l) - 1;
      const s = l > 0 ? 1 : 0;
      if (sign.has(x) && sign.get(x) !== s) tautology = true;
      sign.set(x, s);
    }
    if (tautology) return;
    const scope = [...sign.keys()];
    const arity = scope.length;
    const rows = new Int32Array(arity * arity).fill(WILDCARD);
    scope.forEach((x, r) => {
      for (let j = 0; j < r; j++) rows[r * arity + j] = 1 - (sign.get(scope[j] as number) as number);
      rows[r * arity + r] = sign.get(x) as number;
    });
    const label = lits.map((l) => `${l < 0 ? 'not ' : ''}${variables[Math.abs(l) - 1]?.name}`).join(' or ');
    constraints.push({ id: `clause${k + 1}`, label: label || 'empty clause', scope, rows });
  });
  const model: Model = { variables, constraints };
  validateModel(model);
  return model;
}
