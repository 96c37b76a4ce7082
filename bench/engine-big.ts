/**
 * BR4CP big's compile against a C peer in the same sitting (issue 20: "within 2× the C probe's"). The peer,
 * bench/probe/mdd-probe.c, is built here with gcc -O2 into a temporary folder (skipped with a notice when gcc is
 * absent) and compiles the same diagram by the same algorithm under the order our compile chose. Each round times,
 * interleaved: our full compile (order search included), the peer, and our compile under that order; the line gives
 * every round's wall time, the medians of wall and CPU time, and the ratios of the medians (CPU time varies less on
 * a shared machine). Our times include extracting the query form (CSR arrays); the peer's only counts the result.
 * Node and edge counts must match the peer's, or the line says `fair: false` and the process fails.
 * Run: BENCH_DATA=../shared/bench-data npm run bench:engine-big [rounds, default 3]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidateOrders, compileModel, ORDER_SEARCH } from '../src/core/engine/compile.ts';
import { edgeCount, nodeCount } from '../src/core/engine/diagram.ts';
import { importXcsp } from '../src/core/engine/import/xcsp.ts';
import { benchDataNotice, benchDataPresent, benchFile } from '../test/fixtures/bench-data.ts';
import { buildProbe, exportForProbe, runProbe, type ProbeResult } from './mdd-probe.ts';
import { collectGarbage } from './engine-measure.ts';

/**
 * Our order search (compileModel without an order) replayed by the peer: the same candidate orders in turn, each
 * stopped past the same fraction of the best work so far, until a diagram is small enough. The peer gets the orders
 * ready-made (FORCE takes ours a few milliseconds) and is timed without reading its input.
 */
function probeSearch(bin: string, exports: readonly string[]): { ms: number; cpu: number; tried: number } {
  let best: { nodes: number; work: number } | undefined;
  let ms = 0;
  let cpu = 0;
  let tried = 0;
  for (const file of exports) {
    const r = runProbe(bin, file, best && best.work * ORDER_SEARCH.budgetFactor);
    ms += r.ms;
    cpu += r.cpu_ms;
    tried++;
    if (!r.exceeded && (!best || r.nodes < best.nodes)) best = r;
    if (best && best.nodes <= ORDER_SEARCH.tryMoreAbove) break;
  }
  return { ms, cpu, tried };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** Wall and CPU milliseconds (the whole process, so V8's compiler and collector threads count too). */
const timed = <T>(f: () => T): [T, { ms: number; cpu: number }] => {
  collectGarbage();
  const t = performance.now();
  const c = process.cpuUsage();
  const r = f();
  const u = process.cpuUsage(c);
  return [r, { ms: performance.now() - t, cpu: (u.user + u.system) / 1000 }];
};
type Times = { ms: number; cpu: number }[];
const summary = (ts: Times) => ({
  median: Math.round(median(ts.map((t) => t.ms))),
  runs: ts.map((t) => Math.round(t.ms)),
  cpu_median: Math.round(median(ts.map((t) => t.cpu))),
});

function main(rounds: number): void {
  if (!benchDataPresent) {
    console.error(benchDataNotice('engine-big'));
    return;
  }
  const model = importXcsp(readFileSync(benchFile('renault-br4cp/big.xml'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'mdd-probe-'));
  try {
    const bin = buildProbe(dir);
    if (!bin) console.error('engine-big: gcc not found; the C peer is skipped, our compile alone is timed');
    const exported = join(dir, 'big.txt');
    const full: Times = [];
    const same: Times = [];
    const probe: ProbeResult[] = [];
    const searched: Times = [];
    const candidates = [...candidateOrders(model)];
    const exports = candidates.map((o, i) => {
      const file = join(dir, `candidate-${i}.txt`);
      if (bin) exportForProbe(model, o, file);
      return file;
    });
    let tried = 0;
    let order: readonly number[] | undefined;
    let nodes = 0;
    let edges = 0;
    for (let r = 0; r < rounds; r++) {
      const [d, ms] = timed(() => compileModel(model));
      full.push(ms);
      if (order === undefined) {
        order = Array.from(d.order);
        if (bin) exportForProbe(model, order, exported);
      } else if (d.order.some((x, l) => x !== order?.[l]))
        throw new Error('the order search is not deterministic');
      if (bin) {
        probe.push(runProbe(bin, exported));
        const search = probeSearch(bin, exports);
        searched.push({ ms: search.ms, cpu: search.cpu });
        tried = search.tried;
      }
      const fixed = order;
      const [e, ms2] = timed(() => compileModel(model, { order: fixed }));
      same.push(ms2);
      nodes = nodeCount(e);
      edges = edgeCount(e);
    }
    const probeTimes = probe.map((p) => ({ ms: p.ms, cpu: p.cpu_ms }));
    const fair = probe.every((p) => !p.exceeded && p.nodes === nodes && p.edges === edges);
    const ratio = (ts: Times, of: 'ms' | 'cpu', peer: Times = probeTimes) =>
      Number((median(ts.map((t) => t[of])) / median(peer.map((t) => t[of]))).toFixed(2));
    console.log(
      JSON.stringify({
        instance: 'br4cp-big compile vs C peer',
        rounds,
        nodes,
        edges,
        ours_full_ms: summary(full),
        ours_same_order_ms: summary(same),
        ...(bin && {
          probe_ms: summary(probeTimes),
          probe_nodes: probe[0] && !probe[0].exceeded ? probe[0].nodes : undefined,
          probe_edges: probe[0] && !probe[0].exceeded ? probe[0].edges : undefined,
          probe_work: probe[0]?.work,
          probe_search_ms: summary(searched),
          probe_search_orders: tried,
          fair,
          ratio_same_order: ratio(same, 'ms'),
          ratio_full: ratio(full, 'ms'),
          ratio_full_vs_probe_search: ratio(full, 'ms', searched),
          cpu_ratio_same_order: ratio(same, 'cpu'),
          cpu_ratio_full: ratio(full, 'cpu'),
          cpu_ratio_full_vs_probe_search: ratio(full, 'cpu', searched),
        }),
      }),
    );
    if (!fair) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(Number(process.argv[2] ?? 3));
