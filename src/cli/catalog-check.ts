/**
 * Anomaly checks from the command line (issue 18 §8):
 *   tsx src/cli/catalog-check.ts FILE_OR_DIR... [--json] [--redundancy-budget-ms N]
 * A catalog (`.json`, with its translations from `texts/<catalog>.<language>.json` beside it) or an XCSP3 instance
 * (`.xml`); a directory checks every catalog in it. Text by default; `--json`: one object per finding per line,
 * `{ "kind", "severity", "ids", "message" }`. Exit status: 2 bad input (unreadable file, a catalog that fails its
 * schema: each problem named by its JSON path), else 1 when any finding is an error, else 0.
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
import { checkCatalog, checkModel, hasErrors, type Finding } from '../core/catalog-check/index.ts';
import { CatalogCompileError } from '../core/configurator/compile-catalog.ts';
import { CompileLimitError, compileModel } from '../core/engine/compile.ts';
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

/** A directory's catalogs (not recursive, in name order); a file as it is. */
function expand(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  if (!isDir) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
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

function check(file: string, args: Args): Finding[] {
  const text = read(file);
  const options =
    args.redundancyBudgetMs === undefined ? {} : { redundancyBudgetMs: args.redundancyBudgetMs };
  if (/\.json$/i.test(file)) {
    const catalog = parseCatalog(text, file);
    return checkCatalog(catalog, textsBeside(file, catalog), options);
  }
  if (/\.xml$/i.test(file)) {
    const model = importXcsp(text);
    return checkModel(model, { ...options, diagram: compileModel(model, { maxWork: MAX_WORK }) });
  }
  throw new UsageError(`${file}: not a catalog (.json) or an XCSP3 instance (.xml)`);
}

function render(file: string, findings: readonly Finding[]): string[] {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const lines = findings.flatMap((f) => [
    `  ${f.severity} ${f.kind}: ${f.message}`,
    ...(f.explanation ?? []).map((e) => `      ${e}`),
  ]);
  return [`${basename(file)}: ${errors} error(s), ${findings.length - errors} warning(s)`, ...lines];
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
        const findings = check(file, args);
        errors ||= hasErrors(findings);
        const lines = args.json
          ? findings.map((f) =>
              JSON.stringify({ kind: f.kind, severity: f.severity, ids: f.ids, message: f.message }),
            )
          : render(file, findings);
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
