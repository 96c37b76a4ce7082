/**
 * Engine benchmark (issue 10): one JSON line per public instance (BENCH_DATA) and per product catalog of
 * configs/catalogs, then one line for explanations and repairs on Megane-113. Without the public instances only the
 * catalogs run, after a one-line notice on stderr. Last, automotive01 on the second compiled form (engine-dnnf.ts).
 * Run: npx tsx bench/engine.ts [instance-name ... | explain | automotive01]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCatalog } from '../src/core/catalog/index.ts';
import { compileCatalog } from '../src/core/configurator/compile-catalog.ts';
import { compileModel } from '../src/core/engine/compile.ts';
import { exactCount } from '../src/core/engine/count.ts';
import { diagramBytes, edgeCount, nodeCount, type Diagram } from '../src/core/engine/diagram.ts';
import { domainsScratch, validDomains } from '../src/core/engine/domains.ts';
import { explain } from '../src/core/engine/explain.ts';
import { importXcsp } from '../src/core/engine/import/xcsp.ts';
import { indexModel, toAssignment, type Model } from '../src/core/engine/model.ts';
import { repairs } from '../src/core/engine/repair.ts';
import { benchDataNotice, benchDataPresent, benchFile } from '../test/fixtures/bench-data.ts';
import { logicSolverBaseline } from './engine-baseline.ts';
import { searchBaseline } from './engine-baseline-search.ts';
import { benchAutomotive01 } from './engine-dnnf.ts';
import { collectGarbage, compare, generator, stats } from './engine-measure.ts';

const CATALOGS = fileURLToPath(new URL('../configs/catalogs/', import.meta.url));
/** Wall-clock budget of each baseline per instance; clicks past it are not compared (`baseline_clicks`). */
const BUDGET_MS = Number(process.env.BENCH_BASELINE_BUDGET_MS ?? 120_000);

interface Loaded {
  model: Model;
  /** Diagram variable order (catalogs know a good one). */
  order?: readonly number[];
  /** Variables a shopper clicks; all when absent. */
  clickable?: readonly number[];
  /** The model logic-solver gets, when logic-solver holds it (else the search baseline runs). */
  satModel?: Model;
}
interface Instance {
  name: string;
  load: () => Loaded;
  sales?: string;
  /** Read from the public instances (BENCH_DATA), not from configs/catalogs. */
  public?: true;
}

const xcsp = (file: string): Model => importXcsp(readFileSync(benchFile(file), 'utf8'));
const catalog = (file: string): Loaded => {
  const cm = compileCatalog(parseCatalog(readFileSync(CATALOGS + file, 'utf8'), file));
  return { model: cm.model, order: cm.order, clickable: cm.userVariables, satModel: cm.model };
};
const INSTANCES: Instance[] = [
  {
    name: 'renault-megane-113',
    load: () => ({ model: xcsp('renault-megane/renault-megane-113.xml') }),
    public: true,
  },
  {
    name: 'br4cp-medium',
    load: () => {
      const model = xcsp('renault-br4cp/medium.xml');
      return { model, satModel: model };
    },
    sales: 'renault-br4cp/config_medium_filtered.txt',
    public: true,
  },
  {
    name: 'pc-clib',
    load: () => ({ model: xcsp('pc-clib/pc-clib.xml'), satModel: xcsp('pc-clib/pc-clib-tables.xml') }),
    public: true,
  },
  {
    name: 'br4cp-big',
    load: () => ({ model: xcsp('renault-br4cp/big.xml') }),
    sales: 'renault-br4cp/config_big_filtered.txt',
    public: true,
  },
  { name: 'catalog-pc', load: () => catalog('pc.json') },
  { name: 'catalog-car', load: () => catalog('car.json') },
];

/** `count` random valid clicks on `clickable` variables with ~15% un-choices; a complete build starts a new one. */
function randomClicks(
  d: Diagram,
  clickable: readonly number[],
  count: number,
  rand: (n: number) => number,
): Map<number, number>[] {
  const out: Map<number, number>[] = [];
  let a = new Map<number, number>();
  const scratch = domainsScratch(d);
  while (out.length < count) {
    let free = clickable.filter((x) => !a.has(x));
    if (free.length === 0) {
      a = new Map();
      free = [...clickable];
    }
    if (a.size > 0 && rand(100) < 15) {
      a = new Map(a);
      a.delete([...a.keys()][rand(a.size)] as number);
    } else {
      const r = validDomains(d, a, scratch);
      const x = free[rand(free.length)] as number;
      const vals = (d.model.variables[x] as { values: readonly string[] }).values
        .map((_, i) => i)
        .filter((i) => r.valid[(r.valueOffset[x] as number) + i]);
      a = new Map(a).set(x, vals[rand(vals.length)] as number);
    }
    out.push(a);
  }
  return out;
}

/** `cars` sold cars of a BR4CP sales file, each replayed click by click in shuffled order. */
function salesClicks(model: Model, file: string, cars: number, rand: (n: number) => number) {
  const lines = readFileSync(benchFile(file), 'utf8').trim().split('\n');
  const names = (lines[0] as string).trim().split(/\s+/);
  const index = indexModel(model);
  const out: Map<number, number>[] = [];
  for (let k = 0; k < cars; k++) {
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
  return out;
}

function benchInstance(inst: Instance): void {
  const rand = generator(inst.name);
  const t0 = performance.now();
  const { model, order, clickable, satModel } = inst.load();
  const d = compileModel(model, order ? { order } : {});
  const compileMs = performance.now() - t0;
  const rss = process.memoryUsage().rss / 2 ** 20;
  const count = exactCount(d).toString();
  const clicks = randomClicks(d, clickable ?? model.variables.map((_, x) => x), 200, rand);
  if (inst.sales) clicks.push(...salesClicks(model, inst.sales, 2, rand));
  const scratch = domainsScratch(d);
  const times: number[] = [];
  const answers: Uint8Array[] = [];
  collectGarbage();
  for (const a of clicks) {
    const s = performance.now();
    const r = validDomains(d, a, scratch);
    times.push(performance.now() - s);
    answers.push(r.valid);
  }
  // logic-solver where its fixed heap holds the instance, else the search, which checks every instance anyway.
  const search = compare(searchBaseline(model), clicks, answers, BUDGET_MS);
  let restarts = 0;
  const sat = satModel
    ? compare(
        logicSolverBaseline(satModel, () => restarts++),
        clicks,
        answers,
        BUDGET_MS,
      )
    : undefined;
  const satRuns = sat !== undefined && sat.gaveUp === 0;
  const base = satRuns ? sat : search;
  const click = stats(times);
  const baseMs = stats(base.times);
  console.log(
    JSON.stringify({
      instance: inst.name,
      compile_ms: Math.round(compileMs),
      rss_mb: Math.round(rss),
      diagram_nodes: nodeCount(d),
      diagram_edges: edgeCount(d),
      diagram_mb: Number((diagramBytes(d) / 2 ** 20).toFixed(2)),
      count,
      clicks: clicks.length,
      click_ms: click,
      baseline: satRuns
        ? 'logic-solver covering loop'
        : 'search: STR arc consistency, dom/wdeg, solution reuse',
      baseline_clicks: base.times.length,
      baseline_click_ms: baseMs,
      baseline_gave_up: base.gaveUp,
      speedup_p95: Number((baseMs.p95 / Math.max(click.p95, 1e-3)).toFixed(1)),
      wrong: base.wrong,
      ...(sat && {
        logic_solver: {
          clicks: sat.times.length,
          click_ms: stats(sat.times),
          restarts,
          gave_up: sat.gaveUp,
          wrong: sat.wrong,
        },
      }),
      ...(satRuns && {
        search: { clicks: search.times.length, click_ms: stats(search.times), wrong: search.wrong },
      }),
    }),
  );
}

/** Explain and repair every unavailable value after each of `sequences` random 10-click sequences on Megane-113. */
function benchExplainRepair(sequences = 5): void {
  const d = compileModel(xcsp('renault-megane/renault-megane-113.xml'));
  const rand = generator('explain');
  const explainMs: number[] = [];
  const repairMs: number[] = [];
  const scratch = domainsScratch(d);
  const all = d.model.variables.map((_, x) => x);
  for (let s = 0; s < sequences; s++) {
    const a = randomClicks(d, all, 10, rand).at(-1) as Map<number, number>;
    collectGarbage();
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
      explain_ms: stats(explainMs),
      repair_ms: stats(repairMs),
      values: explainMs.length,
      sequences,
    }),
  );
}

const only = process.argv.slice(2);
const wanted = (name: string): boolean => only.length === 0 || only.includes(name);
const wantsData =
  INSTANCES.some((i) => i.public && wanted(i.name)) || wanted('explain') || wanted('automotive01');
if (wantsData && !benchDataPresent)
  console.error(benchDataNotice('public instances, explain+repair and automotive01'));
for (const inst of INSTANCES)
  if (wanted(inst.name) && (benchDataPresent || !inst.public)) benchInstance(inst);
if (benchDataPresent && wanted('explain')) benchExplainRepair();
if (benchDataPresent && wanted('automotive01')) benchAutomotive01(BUDGET_MS);
