/**
 * Engine benchmark (issue 10): one JSON line per instance of ../shared/bench-data, plus one line for explanations
 * and repairs on Megane-113. Run: npx tsx bench/engine.ts [instance-name ...]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileModel } from '../src/core/engine/compile.ts';
import { exactCount } from '../src/core/engine/count.ts';
import { diagramBytes, nodeCount, type Diagram } from '../src/core/engine/diagram.ts';
import { domainsScratch, validDomains } from '../src/core/engine/domains.ts';
import { explain } from '../src/core/engine/explain.ts';
import { importXcsp } from '../src/core/engine/import/xcsp.ts';
import { indexModel, toAssignment, type Model } from '../src/core/engine/model.ts';
import { repairs } from '../src/core/engine/repair.ts';
import { backtrackingBaseline, logicSolverBaseline, type Baseline } from './engine-baseline.ts';

const DATA = fileURLToPath(new URL('../../shared/bench-data/', import.meta.url));
const INSTANCES = [
  { name: 'renault-megane-113', file: 'renault-megane/renault-megane-113.xml', sat: false },
  {
    name: 'br4cp-medium',
    file: 'renault-br4cp/medium.xml',
    sales: 'renault-br4cp/config_medium_filtered.txt',
    sat: true,
  },
  { name: 'pc-clib', file: 'pc-clib/pc-clib.xml', satFile: 'pc-clib/pc-clib-tables.xml', sat: true },
  {
    name: 'br4cp-big',
    file: 'renault-br4cp/big.xml',
    sales: 'renault-br4cp/config_big_filtered.txt',
    sat: false,
  },
];

let seed = 20261125;
const rand = (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number =>
    Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(3));
  return { p50: at(0.5), p95: at(0.95), max: Number((s[s.length - 1] ?? 0).toFixed(3)) };
};

/** Random valid clicks with ~15% un-choices; then shuffled sold cars when a sales file exists. */
function clickSequence(d: Diagram, salesFile: string | undefined, random: number): Map<number, number>[] {
  const model = d.model;
  const out: Map<number, number>[] = [];
  let a = new Map<number, number>();
  const scratch = domainsScratch(d);
  while (out.length < random) {
    const free = model.variables.map((_, x) => x).filter((x) => !a.has(x));
    if (a.size > 0 && (rand(100) < 15 || free.length === 0)) {
      a = new Map(a);
      a.delete([...a.keys()][rand(a.size)] as number);
    } else {
      const r = validDomains(d, a, scratch);
      const x = free[rand(free.length)] as number;
      const vals = (model.variables[x] as { values: readonly string[] }).values
        .map((_, i) => i)
        .filter((i) => r.valid[(r.valueOffset[x] as number) + i]);
      a = new Map(a).set(x, vals[rand(vals.length)] as number);
    }
    out.push(a);
  }
  if (salesFile) {
    const lines = readFileSync(DATA + salesFile, 'utf8')
      .trim()
      .split('\n');
    const names = (lines[0] as string).trim().split(/\s+/);
    const index = indexModel(model);
    for (let k = 0; k < 2; k++) {
      const car = (lines[1 + rand(lines.length - 1)] as string).trim().split(/\s+/);
      const picks = [
        ...toAssignment(
          index,
          names.map((nm, i) => [nm, car[i] as string] as const),
        ),
      ];
      for (let i = picks.length - 1; i > 0; i--) {
        const j = rand(i + 1);
        [picks[i], picks[j]] = [picks[j] as [number, number], picks[i] as [number, number]];
      }
      let c = new Map<number, number>();
      for (const [x, v] of picks) out.push((c = new Map(c).set(x, v)));
    }
  }
  return out;
}

function benchInstance(inst: (typeof INSTANCES)[number]): void {
  const text = readFileSync(DATA + inst.file, 'utf8');
  const t0 = performance.now();
  const model = importXcsp(text);
  const d = compileModel(model);
  const compileMs = performance.now() - t0;
  const rss = process.memoryUsage().rss / 2 ** 20;
  const count = exactCount(d).toString();
  const clicks = clickSequence(d, inst.sales, 160);
  const scratch = domainsScratch(d);
  const times: number[] = [];
  const answers: Uint8Array[] = [];
  for (const a of clicks) {
    const s = performance.now();
    const r = validDomains(d, a, scratch);
    times.push(performance.now() - s);
    answers.push(r.valid);
  }
  let baseline: Baseline;
  let baselineName: string;
  let baseClicks = clicks;
  if (inst.sat) {
    const satModel: Model = inst.satFile ? importXcsp(readFileSync(DATA + inst.satFile, 'utf8')) : model;
    baseline = logicSolverBaseline(satModel);
    baselineName = 'logic-solver covering loop';
  } else {
    baseline = backtrackingBaseline(model, [...d.order]);
    baselineName = 'backtracking per value, first 20 clicks';
    baseClicks = clicks.slice(0, Number(process.env.BENCH_BASELINE_CLICKS ?? 20));
  }
  const baseTimes: number[] = [];
  let wrong = 0;
  let gaveUp = 0;
  baseClicks.forEach((a, i) => {
    const s = performance.now();
    const v = baseline(a);
    baseTimes.push(performance.now() - s);
    if (v === undefined) gaveUp++;
    else if (v.some((b, k) => b !== answers[i]?.[k])) wrong++;
  });
  const click = stats(times);
  const base = stats(baseTimes);
  console.log(
    JSON.stringify({
      instance: inst.name,
      compile_ms: Math.round(compileMs),
      rss_mb: Math.round(rss),
      diagram_nodes: nodeCount(d),
      diagram_mb: Number((diagramBytes(d) / 2 ** 20).toFixed(2)),
      count,
      clicks: clicks.length,
      click_ms: click,
      baseline: baselineName,
      baseline_clicks: baseClicks.length,
      baseline_click_ms: base,
      baseline_gave_up: gaveUp,
      speedup_p95: Number((base.p95 / Math.max(click.p95, 1e-3)).toFixed(1)),
      wrong,
    }),
  );
}

function benchExplainRepair(): void {
  const d = compileModel(importXcsp(readFileSync(DATA + 'renault-megane/renault-megane-113.xml', 'utf8')));
  const explainMs: number[] = [];
  const repairMs: number[] = [];
  const scratch = domainsScratch(d);
  for (let s = 0; s < 3; s++) {
    const a = clickSequence(d, undefined, 10).at(-1) as Map<number, number>;
    const r = validDomains(d, a, scratch);
    d.model.variables.forEach((v, x) =>
      v.values.forEach((_, i) => {
        if (a.has(x) || r.valid[(r.valueOffset[x] as number) + i]) return;
        let t = performance.now();
        explain(d, a, x, i);
        explainMs.push(performance.now() - t);
        t = performance.now();
        repairs(d, a, x, i);
        repairMs.push(performance.now() - t);
      }),
    );
  }
  console.log(
    JSON.stringify({
      instance: 'renault-megane-113 explain+repair',
      unavailable_values: explainMs.length,
      explain_ms: stats(explainMs),
      repair_ms: stats(repairMs),
    }),
  );
}

if (!existsSync(DATA)) {
  console.error(`bench data not found at ${DATA}`);
  process.exitCode = 2;
} else {
  const only = process.argv.slice(2);
  for (const inst of INSTANCES) if (only.length === 0 || only.includes(inst.name)) benchInstance(inst);
  if (only.length === 0 || only.includes('explain')) benchExplainRepair();
}
