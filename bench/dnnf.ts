/**
 * Decision-DNNF measurement on automotive01 (issue 20), not part of CI: one JSON object with the compile time, the
 * circuit's size, the exact count, memory, and click timings — each click is a random still-valid value chosen
 * (sometimes a choice withdrawn), then valid domains of every variable and the exact count. Every click is checked:
 * the count must be the sum of the counts of the two values of an open variable, and a few valid values are each
 * completed to a build that is checked clause by clause against the CNF itself (`witness_failed` must be 0).
 * Run: BENCH_DATA=/work/shared/bench-data npx tsx bench/dnnf.ts [file.dimacs] [clicks]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { circuitBytes, circuitEdges, circuitNodes } from '../src/core/engine/dnnf/circuit.ts';
import { cnfOfModel, type Cnf } from '../src/core/engine/dnnf/cnf.ts';
import { compileDnnf } from '../src/core/engine/dnnf/compile.ts';
import { dnnfComplete } from '../src/core/engine/dnnf/complete.ts';
import { dnnfCount } from '../src/core/engine/dnnf/count.ts';
import { decompose } from '../src/core/engine/dnnf/decomposition.ts';
import { dnnfDomains, dnnfScratch } from '../src/core/engine/dnnf/domains.ts';
import { importDimacs } from '../src/core/engine/import/dimacs.ts';
import { benchFile } from '../test/fixtures/bench-data.ts';

const file = process.argv[2] ?? benchFile('automotive01/automotive01.dimacs');
const CLICKS = Number(process.argv[3] ?? 300);
const round = (x: number, d = 1): number => Number(x.toFixed(d));
const load = (): number[] => loadavg().map((x) => round(x, 2));
const loadStart = load();

/** Deterministic PRNG (mulberry32) so runs click the same way. */
let seed = 20;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

function satisfiesCnf(cnf: Cnf, build: Int32Array): boolean {
  for (let c = 0; c + 1 < cnf.clauseStart.length; c++) {
    let ok = false;
    for (let k = cnf.clauseStart[c] as number; k < (cnf.clauseStart[c + 1] as number) && !ok; k++) {
      const l = cnf.literals[k] as number;
      ok = build[l >> 1] === (l & 1);
    }
    if (!ok) return false;
  }
  return true;
}

function percentiles(xs: number[]): { p50: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0, 2);
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

let t = performance.now();
const model = importDimacs(readFileSync(file, 'utf8'));
const cnf = cnfOfModel(model);
const importMs = performance.now() - t;
t = performance.now();
const width = decompose(cnf).width;
const decomposeMs = performance.now() - t;
t = performance.now();
const { circuit, stats } = compileDnnf(cnf);
const compileMs = performance.now() - t;
t = performance.now();
const count = dnnfCount(circuit);
const countMs = performance.now() - t;
t = performance.now();
compileDnnf(cnf);
const compileWarmMs = performance.now() - t;
const memory = process.memoryUsage();

const n = cnf.variables;
const scratch = dnnfScratch(circuit);
const choices = new Map<number, number>();
const clickMs: number[] = [];
const domainsMs: number[] = [];
const countClickMs: number[] = [];
let witnesses = 0;
let witnessFailed = 0;
let sumFailed = 0;
let resets = 0;
let valid = dnnfDomains(circuit, choices, scratch);
for (let click = 0; click < CLICKS; click++) {
  if (choices.size > 0 && random() < 0.15) choices.delete(pick([...choices.keys()]));
  else {
    const open: number[] = [];
    for (let x = 0; x < n; x++) if (!choices.has(x) && valid[2 * x] && valid[2 * x + 1]) open.push(x);
    if (open.length === 0) {
      choices.clear();
      resets++;
    } else choices.set(pick(open), random() < 0.5 ? 0 : 1);
  }
  const t0 = performance.now();
  valid = dnnfDomains(circuit, choices, scratch);
  const t1 = performance.now();
  const exact = dnnfCount(circuit, choices);
  const t2 = performance.now();
  domainsMs.push(t1 - t0);
  countClickMs.push(t2 - t1);
  clickMs.push(t2 - t0);
  // Checks, untimed.
  const open: number[] = [];
  for (let x = 0; x < n; x++) if (!choices.has(x) && valid[2 * x] && valid[2 * x + 1]) open.push(x);
  if (open.length > 0) {
    const x = pick(open);
    const split = [0, 1].map((v) => dnnfCount(circuit, new Map([...choices, [x, v]])));
    if ((split[0] as bigint) + (split[1] as bigint) !== exact || exact === 0n) sumFailed++;
    for (let i = 0; i < 3; i++) {
      const y = pick(open);
      const v = random() < 0.5 ? 0 : 1;
      const c = dnnfComplete(circuit, new Map([...choices, [y, v]]), () => random());
      witnesses++;
      if (c === null || c.build[y] !== v || !satisfiesCnf(cnf, c.build)) witnessFailed++;
      else for (const [z, w] of choices) if (c.build[z] !== w) witnessFailed++;
    }
  }
}

console.log(
  JSON.stringify({
    instance: file.split('/').pop(),
    variables: n,
    clauses: cnf.clauseStart.length - 1,
    import_ms: round(importMs),
    decomposition: { width, ms: round(decomposeMs) },
    compile_ms: round(compileMs),
    compile_warm_ms: round(compileWarmMs),
    nodes: circuitNodes(circuit),
    edges: circuitEdges(circuit),
    circuit_mb: round(circuitBytes(circuit) / 2 ** 20, 2),
    stats,
    count: count.toString(),
    count_ms: round(countMs),
    rss_mb: round(memory.rss / 2 ** 20),
    heap_mb: round(memory.heapUsed / 2 ** 20),
    clicks: clickMs.length,
    resets,
    click_ms: percentiles(clickMs),
    domains_ms: percentiles(domainsMs),
    exact_count_ms: percentiles(countClickMs),
    checks: { sum_failed: sumFailed, witnesses, witness_failed: witnessFailed },
    load_average: { start: loadStart, end: load() },
  }),
);
