/**
 * Command line for the recommender (issue 11):
 *   tsx src/cli/recommend.ts predict --instance FILE --train TRAIN.txt --queries Q.jsonl [--explain] [--sharpness B]
 *   tsx src/cli/recommend.ts eval --instance FILE --train TRAIN.txt --test TEST.txt --seed N [--sharpness B]
 * `predict` learns from TRAIN (a sales file: line 1 the variables, then one build per line) and answers each query
 * line {"assign":{"v3":"1",...},"variable":"v12"} with {"value":"4","ranked":["4","0",...]} (value null and ranked
 * empty when the assignment has no valid completion; --explain adds "why"). Both learn the combiner (combiner.ts)
 * unless --sharpness B asks for the plain vote with that β. `eval` replays TEST under the published
 * protocol and prints one JSON object. Instances: XCSP3 (`.xml`) or a catalog from configs/ (`.json`).
 * Exit status: 0 answered, 2 bad input (the message names the file and the line).
 */
import { readFileSync } from 'node:fs';
import { CatalogError, parseCatalog } from '../core/catalog/index.ts';
import { CatalogCompileError, compileCatalog } from '../core/configurator/compile-catalog.ts';
import { compileModel } from '../core/engine/compile.ts';
import type { Diagram } from '../core/engine/diagram.ts';
import { ImportError, importXcsp } from '../core/engine/import/xcsp.ts';
import { indexModel, type Model, type ModelIndex } from '../core/engine/model.ts';
import { evaluateSplit, summarize } from '../core/recommend/evaluate.ts';
import { learnRecommender, recommend, recommendScratch } from '../core/recommend/recommend.ts';
import { parseSales, SalesError, type SoldBuilds } from '../core/recommend/sales.ts';

class UsageError extends Error {}

const USAGE =
  'usage: recommend predict --instance FILE --train TRAIN.txt --queries Q.jsonl [--explain]\n' +
  '       recommend eval --instance FILE --train TRAIN.txt --test TEST.txt --seed N';
const FLAGS: Record<string, readonly string[]> = {
  predict: ['instance', 'train', 'queries', 'sharpness'],
  eval: ['instance', 'train', 'test', 'seed', 'sharpness'],
};

function parseArgs(argv: readonly string[]) {
  const [command, ...rest] = argv;
  const allowed = command === undefined ? undefined : FLAGS[command];
  if (!allowed) throw new UsageError(USAGE);
  const flags = new Map<string, string>();
  let explain = false;
  for (let i = 0; i < rest.length; i++) {
    const f = rest[i] as string;
    if (command === 'predict' && f === '--explain') {
      explain = true;
      continue;
    }
    if (!f.startsWith('--') || !allowed.includes(f.slice(2)))
      throw new UsageError(`unknown option ${f}\n${USAGE}`);
    const v = rest[i + 1];
    if (v === undefined) throw new UsageError(`option ${f} needs a value`);
    flags.set(f.slice(2), v);
    i++;
  }
  const need = (name: string): string => {
    const v = flags.get(name);
    if (v === undefined) throw new UsageError(`--${name} is required\n${USAGE}`);
    return v;
  };
  return { command, flags, need, explain };
}

function read(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${what} file ${file}`);
  }
}

function loadInstance(file: string): { model: Model; order?: readonly number[] } {
  const text = read(file, 'instance');
  try {
    if (/\.json$/i.test(file)) {
      const cm = compileCatalog(parseCatalog(text, file));
      return { model: cm.model, order: cm.order };
    }
    return { model: importXcsp(text) };
  } catch (err) {
    if (err instanceof ImportError || err instanceof CatalogCompileError)
      throw new UsageError(`${file} ${err.message}`);
    throw err;
  }
}

function loadSales(model: Model, index: ModelIndex, file: string): SoldBuilds {
  try {
    return parseSales(model, index, read(file, 'sales'));
  } catch (err) {
    if (err instanceof SalesError) throw new UsageError(`${file} ${err.message}`);
    throw err;
  }
}

function sharpnessOf(flags: ReadonlyMap<string, string>): { sharpness?: number } {
  const s = flags.get('sharpness');
  if (s === undefined) return {};
  const b = Number(s);
  if (!Number.isFinite(b) || b < 0) throw new UsageError(`--sharpness must be a number ≥ 0, not ${s}`);
  return { sharpness: b };
}

interface Query {
  assignment: Map<number, number>;
  variable: number;
}

function parseQueries(index: ModelIndex, file: string, text: string): Query[] {
  const out: Query[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file} line ${i + 1}`;
    let q: unknown;
    try {
      q = JSON.parse(line);
    } catch {
      throw new UsageError(`${where}: not JSON`);
    }
    const { assign, variable } = (q ?? {}) as { assign?: unknown; variable?: unknown };
    if (
      typeof assign !== 'object' ||
      assign === null ||
      Array.isArray(assign) ||
      typeof variable !== 'string'
    )
      throw new UsageError(`${where}: expected {"assign":{"variable":"value",...},"variable":"name"}`);
    const x = index.variable.get(variable);
    if (x === undefined) throw new UsageError(`${where}: unknown variable ${variable}`);
    const assignment = new Map<number, number>();
    for (const [name, raw] of Object.entries(assign as Record<string, unknown>)) {
      const y = index.variable.get(name);
      if (y === undefined) throw new UsageError(`${where}: unknown variable ${name}`);
      if (typeof raw !== 'string' && typeof raw !== 'number')
        throw new UsageError(`${where}: the value of ${name} must be a string`);
      const v = index.value[y]?.get(String(raw));
      if (v === undefined)
        throw new UsageError(`${where}: unknown value ${String(raw)} for variable ${name}`);
      assignment.set(y, v);
    }
    out.push({ assignment, variable: x });
  });
  return out;
}

function compile(model: Model, order?: readonly number[]): Diagram {
  return compileModel(model, order ? { order } : {});
}

function run(argv: readonly string[], out: (s: string) => void): void {
  const { command, flags, need, explain } = parseArgs(argv);
  const { model, order } = loadInstance(need('instance'));
  const index = indexModel(model);
  const train = loadSales(model, index, need('train'));
  const options = sharpnessOf(flags);
  if (command === 'predict') {
    const file = need('queries');
    const queries = parseQueries(index, file, read(file, 'queries'));
    const d = compile(model, order);
    // With the diagram the combiner is learned (seed 0), as in `eval` and the bench; --sharpness keeps the plain vote.
    const rec = learnRecommender(model, train, { ...options, diagram: d });
    const scratch = recommendScratch(rec, d);
    for (const q of queries) {
      const r = recommend(rec, d, q.assignment, q.variable, { scratch });
      const values = (model.variables[q.variable] as { values: readonly string[] }).values;
      const ranked = r?.ranked.map((x) => values[x.value] as string) ?? [];
      out(
        JSON.stringify({
          value: ranked[0] ?? null,
          ranked,
          ...(explain ? { why: r?.explanation ?? 'No value fits the other choices.' } : {}),
        }),
      );
    }
    return;
  }
  const testFile = need('test');
  const test = loadSales(model, index, testFile);
  if (test.variables.join() !== train.variables.join())
    throw new UsageError(`${testFile} line 1: the variables differ from those of ${need('train')}`);
  const seedText = need('seed');
  const seed = Number(seedText);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, not ${seedText}`);
  const d = compile(model, order);
  const { learn_ms, recommend_ms, ...rest } = summarize(evaluateSplit(d, train, test, { seed, ...options }));
  const { precision, precision_by_k, baseline_marginal, baseline_naive_bayes, ...more } = rest;
  out(
    JSON.stringify({
      precision,
      precision_by_k,
      baseline_marginal,
      baseline_naive_bayes,
      learn_ms,
      recommend_ms,
      ...more,
    }),
  );
}

function main(): void {
  const lines: string[] = [];
  try {
    run(process.argv.slice(2), (s) => lines.push(s));
  } catch (err) {
    if (err instanceof UsageError || err instanceof CatalogError) {
      process.stderr.write(`recommend: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
}

main();
