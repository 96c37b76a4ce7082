/**
 * Explanations and repairs on automotive01 (issue 20), the model only the d-DNNF holds, through the engine facade as
 * the CLI runs them: ~50 clicks on a greyed-out value (a value of an open variable that the current choices exclude)
 * along engine-dnnf.ts's random walk, each explained (`explainAny`) and repaired (`repairsAny`, k = 3), every
 * answer checked on the circuit (the explanation excludes the value, each repair completes with it).
 *   BENCH_DATA=/work/shared/bench-data npx tsx bench/engine-dnnf-explain.ts
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  compileAny,
  count,
  domains,
  explainAny,
  formOracle,
  formScratch,
  repairsAny,
} from '../src/core/engine/compiled-form.ts';
import { minimalConflictWith } from '../src/core/engine/conflict.ts';
import { importDimacs } from '../src/core/engine/import/dimacs.ts';
import { benchFile } from '../test/fixtures/bench-data.ts';
import { walk } from './engine-dnnf.ts';
import { collectGarbage, generator, stats } from './engine-measure.ts';

const CLICKS = 50;

const model = importDimacs(readFileSync(benchFile('automotive01/automotive01.dimacs'), 'utf8'));
const c = compileAny(model, { maxWork: 200_000_000 });
const scratch = formScratch(c);
const rand = generator('automotive01-explain');
const { clicks } = walk((a) => domains(c, a, scratch).valid, model.variables.length, 6 * CLICKS, rand);
const questions = clicks
  .filter((_, i) => i % 6 === 5)
  .flatMap((a) => {
    const valid = domains(c, a, scratch).valid;
    const excluded: number[] = [];
    for (let x = 0; x < model.variables.length; x++)
      if (!a.has(x)) for (const v of [0, 1]) if (!valid[2 * x + v]) excluded.push(2 * x + v);
    const l = excluded[rand(excluded.length)];
    return l === undefined ? [] : [{ a, x: l >> 1, v: l & 1 }];
  });
const possible = (a: Map<number, number>): boolean => count(c, a) > 0n;

const oracle = formOracle(c);

/** One pass over the questions: times, and the answers' sizes and checks. */
function run() {
  const explainMs: number[] = [];
  const choicesMs: number[] = [];
  const repairMs: number[] = [];
  const sizes = { choices: [] as number[], rules: [] as number[], changes: [] as number[] };
  let notMinimal = 0;
  let dead = 0;
  let failed = 0;
  collectGarbage();
  for (const { a, x, v } of questions) {
    let t = performance.now();
    minimalConflictWith(oracle.consistent, a, new Map([[x, v]]));
    choicesMs.push(performance.now() - t);
    t = performance.now();
    const e = explainAny(c, a, x, v);
    explainMs.push(performance.now() - t);
    t = performance.now();
    const rs = repairsAny(c, a, x, v, 3);
    repairMs.push(performance.now() - t);
    if (e === null || possible(new Map([...e.choices, [x, v]]))) failed++;
    else {
      sizes.choices.push(e.choices.length);
      sizes.rules.push(e.rules.length);
      if (!e.rulesMinimal) notMinimal++;
      if (e.choices.length === 0) dead++;
    }
    for (const r of rs) {
      const fixed = new Map(a).set(x, v);
      for (const ch of r.changes) fixed.set(ch.variable, ch.to);
      if (!possible(fixed)) failed++;
    }
    if (rs.length > 0) sizes.changes.push(rs[0]?.changes.length ?? 0);
  }
  return {
    explain_ms: stats(explainMs),
    explain_choices_only_ms: stats(choicesMs),
    repair_ms: stats(repairMs),
    explanation_choices: stats(sizes.choices),
    explanation_rules: stats(sizes.rules),
    rules_not_minimal: notMinimal,
    dead_values: dead,
    best_repair_changes: stats(sizes.changes),
    failed_checks: failed,
  };
}

const load = loadavg()[0] as number;
// The first pass is the first clicks of a fresh process (code not yet optimised); the second, a worker warmed up.
const cold = run();
const warm = run();
console.log(
  JSON.stringify({
    instance: 'automotive01',
    form: c.form,
    clicks: questions.length,
    assigned: stats(questions.map((q) => q.a.size)),
    cold,
    warm,
    load_average: [Number(load.toFixed(2)), Number((loadavg()[0] as number).toFixed(2))],
  }),
);
