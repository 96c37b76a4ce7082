/**
 * Command line for scripted checks of the constraint engine (issue 10):
 *   tsx src/cli/engine.ts <domains|count|explain|repair> --instance FILE [--assign a=x,b=y] [--queries FILE.jsonl]
 *                         [--value Var=X]
 * Exit status: 0 answered, 2 bad input (unknown variable or value, unreadable or unsupported file), 3 no valid
 * completion. Instances are XCSP3 (`.xml`), DIMACS CNF (`.cnf`, `.dimacs`) or product catalogs from configs/
 * (`.json`), which answer over their slots (and multi-slot options and quantities), not their auxiliary variables.
 * A model the MDD cannot hold is compiled to a d-DNNF (core/engine/compiled-form.ts), which answers every command the
 * same way. ENGINE_MAX_WORK bounds the MDD attempt (conjunction steps, default 200M).
 */
import { readFileSync } from 'node:fs';
import { CompileLimitError } from '../core/engine/compile.ts';
import {
  compileAny,
  conflict,
  count,
  domains,
  explainAny,
  formScratch,
  repairsAny,
  type CompiledForm,
  type FormScratch,
} from '../core/engine/compiled-form.ts';
import { namedDomains } from '../core/engine/domains.ts';
import { importDimacs } from '../core/engine/import/dimacs.ts';
import { ImportError, importXcsp } from '../core/engine/import/xcsp.ts';
import { indexModel, ModelError, toAssignment, type Assignment, type Model } from '../core/engine/model.ts';
import { CatalogError, parseCatalog } from '../core/catalog/index.ts';
import { CatalogCompileError, compileCatalog } from '../core/configurator/compile-catalog.ts';

class UsageError extends Error {}

interface Instance {
  model: Model;
  /** A variable order to compile with (catalogs know a good one). */
  order?: readonly number[];
  /** The variables answers show; all when absent. */
  visible?: ReadonlySet<number>;
  /** Price per variable value, for ranking repairs. */
  price?: (variable: number, value: number) => number;
}

/** Reads an instance file: XCSP3 (`.xml`), DIMACS CNF (`.cnf`, `.dimacs`) or a catalog (`.json`). */
export function loadInstance(file: string): Instance {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read instance file ${file}`);
  }
  if (/\.(cnf|dimacs)$/i.test(file)) return { model: importDimacs(text) };
  if (/\.json$/i.test(file)) {
    const cm = compileCatalog(parseCatalog(text, file));
    return {
      model: cm.model,
      order: cm.order,
      visible: new Set(cm.userVariables),
      price: (x, v) => cm.costs.get(x)?.[v] ?? 0,
    };
  }
  return { model: importXcsp(text) };
}

function parseArgs(argv: readonly string[]): { command: string; flags: Map<string, string> } {
  const [command, ...rest] = argv;
  if (!command || command.startsWith('--'))
    throw new UsageError('usage: engine <domains|count|explain|repair> --instance FILE ...');
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const f = rest[i] as string;
    if (!['--instance', '--assign', '--queries', '--value'].includes(f))
      throw new UsageError(`unknown option ${f}`);
    const v = rest[i + 1];
    if (v === undefined) throw new UsageError(`option ${f} needs a value`);
    flags.set(f.slice(2), v);
    i++;
  }
  return { command, flags };
}

function pairs(text: string): [string, string][] {
  return text
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => {
      const eq = s.indexOf('=');
      if (eq <= 0) throw new UsageError(`choice "${s}" is not of the form variable=value`);
      return [s.slice(0, eq).trim(), s.slice(eq + 1).trim()];
    });
}

const named = (m: Model, choices: Iterable<readonly [number, number]>): string[] =>
  [...choices].map(([x, v]) => `${m.variables[x]?.name}=${m.variables[x]?.values[v]}`);

function conflictLine(c: CompiledForm, a: Assignment): string {
  return JSON.stringify({ valid: null, conflict: named(c.model, conflict(c, a)) });
}

/** One domains answer: the JSON text and whether the assignment has a valid completion. */
function domainsAnswer(
  c: CompiledForm,
  a: Assignment,
  scratch: FormScratch,
  visible?: ReadonlySet<number>,
): { json: object | null; ok: boolean } {
  const r = domains(c, a, scratch);
  if (r.count === 0) return { json: null, ok: false };
  const all = namedDomains(c.model, r);
  if (!visible) return { json: all, ok: true };
  const shown = c.model.variables.filter((_, x) => visible.has(x)).map((v) => [v.name, all[v.name] ?? []]);
  return { json: Object.fromEntries(shown), ok: true };
}

function run(argv: readonly string[], out: (s: string) => void): number {
  const { command, flags } = parseArgs(argv);
  const file = flags.get('instance');
  if (!file) throw new UsageError('--instance FILE is required');
  if (!['domains', 'count', 'explain', 'repair'].includes(command))
    throw new UsageError(`unknown command ${command}`);
  const { model, order, visible, price } = loadInstance(file);
  const index = indexModel(model);
  const assignment = toAssignment(index, pairs(flags.get('assign') ?? ''));
  const queries = flags.get('queries');
  const parsedQueries =
    command === 'domains' && queries !== undefined
      ? readFileSync(queries, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l, i) => {
            let q: unknown;
            try {
              q = JSON.parse(l);
            } catch {
              throw new UsageError(`${queries} line ${i + 1}: not JSON`);
            }
            const assign = (q as { assign?: unknown }).assign;
            if (
              typeof assign !== 'object' ||
              assign === null ||
              Object.values(assign).some((v) => typeof v !== 'string')
            ) {
              throw new UsageError(`${queries} line ${i + 1}: expected {"assign":{"variable":"value",...}}`);
            }
            return toAssignment(index, Object.entries(assign as Record<string, string>));
          })
      : undefined;
  // A model too large for a diagram gets the d-DNNF (automotive01) after a bounded MDD attempt, or directly when it
  // is a large Boolean one; a model too large for both is refused in bounded time rather than compiled for hours.
  const maxWork = Number(process.env.ENGINE_MAX_WORK ?? 200_000_000);
  const d = compileAny(model, order ? { order, maxWork } : { maxWork });
  const scratch = formScratch(d);
  switch (command) {
    case 'domains': {
      if (parsedQueries) {
        for (const a of parsedQueries) {
          const { json, ok } = domainsAnswer(d, a, scratch, visible);
          out(ok ? JSON.stringify({ valid: json }) : conflictLine(d, a));
        }
        return 0;
      }
      const { json, ok } = domainsAnswer(d, assignment, scratch, visible);
      out(ok ? JSON.stringify(json) : conflictLine(d, assignment));
      return ok ? 0 : 3;
    }
    case 'count':
      out(count(d, assignment).toString());
      return 0;
    default: {
      const [target] = pairs(flags.get('value') ?? '');
      if (!target) throw new UsageError('--value variable=value is required');
      const [[x, v]] = [...toAssignment(index, [target])] as [[number, number]];
      const others = new Map(assignment);
      others.delete(x);
      if (domains(d, others, scratch).count === 0) {
        out(conflictLine(d, others));
        return 3;
      }
      const value = `${target[0]}=${target[1]}`;
      if (command === 'explain') {
        const e = explainAny(d, others, x, v);
        if (e === null) out(JSON.stringify({ value, available: true }));
        else {
          const rules = e.rules.map((i) => ({
            id: model.constraints[i]?.id,
            label: model.constraints[i]?.label,
          }));
          out(
            JSON.stringify({
              value,
              available: false,
              choices: named(model, e.choices),
              rules,
              rulesMinimal: e.rulesMinimal,
            }),
          );
        }
        return 0;
      }
      const rs = repairsAny(d, assignment, x, v, 3, price).map((r) => ({
        changes: r.changes.map((c) => ({
          variable: model.variables[c.variable]?.name,
          from: model.variables[c.variable]?.values[c.from],
          to: model.variables[c.variable]?.values[c.to],
        })),
        priceMoved: r.priceMoved,
      }));
      out(JSON.stringify({ value, repairs: rs }));
      return rs.length === 0 ? 3 : 0;
    }
  }
}

function main(): void {
  const lines: string[] = [];
  let status: number;
  try {
    status = run(process.argv.slice(2), (s) => lines.push(s));
  } catch (err) {
    if (
      err instanceof UsageError ||
      err instanceof ModelError ||
      err instanceof ImportError ||
      err instanceof CatalogError ||
      err instanceof CatalogCompileError ||
      err instanceof CompileLimitError
    ) {
      process.stderr.write(`engine: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  process.exitCode = status;
}

main();
