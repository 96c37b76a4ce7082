/**
 * Anomaly checks from the command line (issue 18 §8):
 *   tsx src/cli/catalog-check.ts FILE_OR_DIR... [--json] [--redundancy-budget-ms N]
 * A catalog (`.json`, with its translations from `texts/<catalog>.<language>.json` beside it) or an engine instance:
 * XCSP3 (`.xml`) or DIMACS CNF (`.cnf`, `.dimacs`), compiled to an MDD or, when that cannot hold it, a d-DNNF
 * (issue 20); a directory checks every such file in it. Text by default; `--json`: one object per finding per line,
 * `{ "kind", "severity", "ids", "message" }`, and before an instance's findings its summary line (`instanceSummarySchema`:
 * form, compile time, exact count, dead values, fixed variables, dead and core features). Exit status: 2 bad input
 * (unreadable file, a catalog that fails its schema: each problem named by its JSON path), else 1 when any finding is
 * an error (a void model), else 0 (dead values and features are warnings).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  CatalogError,
  parseCatalog,
  parseCatalogTexts,
  translationLanguages,
  type Translations,
} from '../core/catalog/index.ts';
import {
  checkCatalog,
  checkInstance,
  hasErrors,
  type Finding,
  type InstanceSummary,
} from '../core/catalog-check/index.ts';
import { CatalogCompileError } from '../core/configurator/compile-catalog.ts';
import { compileConfiguration } from '../core/configurator/configurator.ts';
import { CompileLimitError } from '../core/engine/compile.ts';
import { importDimacs } from '../core/engine/import/dimacs.ts';
import { ImportError, importXcsp } from '../core/engine/import/xcsp.ts';
import { ModelError } from '../core/engine/model.ts';

class UsageError extends Error {}

interface Args {
  files: string[];
  json: boolean;
  redundancyBudgetMs?: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { files: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') args.json = true;
    else if (a === '--redundancy-budget-ms') {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < 0)
        throw new UsageError('--redundancy-budget-ms needs a number of milliseconds');
      args.redundancyBudgetMs = n;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.files.push(a);
  }
  if (args.files.length === 0)
    throw new UsageError('usage: catalog-check FILE_OR_DIR... [--json] [--redundancy-budget-ms N]');
  return args;
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

const CHECKED = /\.(json|xml|cnf|dimacs)$/i;

/** A directory's catalogs and instances (not recursive, in name order); a file as it is. */
function expand(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  if (!isDir) return [path];
  return readdirSync(path)
    .filter((name) => CHECKED.test(name))
    .sort()
    .map((name) => join(path, name));
}

/** The catalog's translations from `texts/<catalog>.<language>.json` beside it, as the server loads them. */
function textsBeside(file: string, catalog: ReturnType<typeof parseCatalog>): Translations {
  const texts: Translations = {};
  for (const language of translationLanguages) {
    const path = join(dirname(file), 'texts', `${catalog.id}.${language}.json`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    texts[language] = parseCatalogTexts(text, path, catalog);
  }
  return texts;
}

/** Compile steps allowed before an instance is refused as too large for the diagram (as the engine CLI). */
const MAX_WORK = Number(process.env.ENGINE_MAX_WORK ?? 200_000_000);

/** What one file's check gives: an instance's summary, the findings, and a line on what a d-DNNF left unchecked. */
interface Checked {
  summary?: InstanceSummary;
  findings: Finding[];
  note?: string;
}

function check(file: string, args: Args): Checked {
  const text = read(file);
  const options =
    args.redundancyBudgetMs === undefined ? {} : { redundancyBudgetMs: args.redundancyBudgetMs };
  if (/\.json$/i.test(file)) {
    const catalog = parseCatalog(text, file);
    const configuration = compileConfiguration(catalog, { mddMaxWork: MAX_WORK });
    const findings = checkCatalog(catalog, textsBeside(file, catalog), { ...options, configuration });
    if (configuration.form.form === 'mdd') return { findings };
    const note = '  d-DNNF (the MDD passed its bound): slot quantities and redundant rules are not checked';
    return { findings, note };
  }
  const model = /\.xml$/i.test(file)
    ? importXcsp(text)
    : /\.(cnf|dimacs)$/i.test(file)
      ? importDimacs(text)
      : undefined;
  if (!model)
    throw new UsageError(
      `${file}: not a catalog (.json), an XCSP3 instance (.xml) or a DIMACS CNF (.cnf, .dimacs)`,
    );
  return checkInstance(basename(file), model, { ...options, compile: { maxWork: MAX_WORK } });
}

const forms = { mdd: 'MDD', dnnf: 'd-DNNF' } as const;

/** The summary in words: which form, how long, how many builds, and what is dead or fixed. */
function describe(s: InstanceSummary): string {
  const why =
    s.reason === undefined
      ? ''
      : ` (${s.reason === 'mdd-limit' ? 'the MDD passed its bound' : 'too many Boolean variables for the MDD'})`;
  const values =
    s.count === '0'
      ? 'void'
      : `${s.deadValues} dead value(s), ${s.fixed} fixed variable(s) of ${s.variables}` +
        (s.features > 0
          ? `; ${s.deadFeatures} dead and ${s.coreFeatures} core feature(s) of ${s.features}`
          : '');
  return `  ${forms[s.form]}${why}, compiled in ${Math.round(s.compileMs)} ms; ${s.count} valid build(s); ${values}`;
}

function render(file: string, { findings, summary, note }: Checked): string[] {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const lines = findings.flatMap((f) => [
    `  ${f.severity} ${f.kind}: ${f.message}`,
    ...(f.explanation ?? []).map((e) => `      ${e}`),
  ]);
  return [
    `${basename(file)}: ${errors} error(s), ${findings.length - errors} warning(s)`,
    ...(summary ? [describe(summary)] : []),
    ...(note ? [note] : []),
    ...lines,
  ];
}

const badInput = (err: unknown): err is Error =>
  err instanceof UsageError ||
  err instanceof CatalogError ||
  err instanceof ImportError ||
  err instanceof ModelError ||
  err instanceof CatalogCompileError ||
  err instanceof CompileLimitError;

function main(): void {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!badInput(err)) throw err;
    process.stderr.write(`catalog-check: ${err.message}\n`);
    process.exitCode = 2;
    return;
  }
  let bad = false;
  let errors = false;
  for (const path of args.files) {
    let files: string[];
    try {
      files = expand(path);
    } catch (err) {
      if (!badInput(err)) throw err;
      process.stderr.write(`catalog-check: ${err.message}\n`);
      bad = true;
      continue;
    }
    for (const file of files) {
      try {
        const checked = check(file, args);
        const { summary, findings } = checked;
        errors ||= hasErrors(findings);
        const lines = args.json
          ? [
              ...(summary ? [JSON.stringify(summary)] : []),
              ...findings.map((f) =>
                JSON.stringify({ kind: f.kind, severity: f.severity, ids: f.ids, message: f.message }),
              ),
            ]
          : render(file, checked);
        if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
      } catch (err) {
        if (!badInput(err)) throw err;
        process.stderr.write(`catalog-check: ${err.message}\n`);
        bad = true;
      }
    }
  }
  process.exitCode = bad ? 2 : errors ? 1 : 0;
}

main();
