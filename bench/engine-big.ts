/**
 * BR4CP big's compile against a C peer in the same sitting (issue 20: "within 2× the C probe's"). The peer,
 * bench/probe/mdd-probe.c, is built here with gcc -O2 into a temporary folder (skipped with a notice when gcc is
 * absent) and compiles the same diagram by the same algorithm under the order our compile chose. Each round times,
 * interleaved: our full compile (FORCE included), the peer, and our compile under that order; the line gives
 * every round's wall time, the medians of wall and CPU time, and the ratios of the medians (CPU time varies less on
 * a shared machine). Our times include extracting the query form (CSR arrays); the peer's only counts the result.
 * Node and edge counts must match the peer's, or the line says `fair: false` and the process fails.
 * Run: BENCH_DATA=../shared/bench-data npm run bench:engine-big [rounds, default 3]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileModel } from '../src/core/engine/compile.ts';
import { edgeCount, nodeCount } from '../src/core/engine/diagram.ts';
import { importXcsp } from '../src/core/engine/import/xcsp.ts';
import { benchDataNotice, benchDataPresent, benchFile } from '../test/fixtures/bench-data.ts';
import { buildProbe, exportForProbe, runProbe, type ProbeResult } from './mdd-probe.ts';
import { collectGarbage } from './engine-measure.ts';

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
    let order: readonly number[] | undefined;
    let nodes = 0;
    let edges = 0;
    for (let r = 0; r < rounds; r++) {
      const [d, ms] = timed(() => compileModel(model));
      full.push(ms);
      if (order === undefined) {
        order = Array.from(d.order);
        if (bin) exportForProbe(model, order, exported);
      } else if (d.order.some((x, l) => x !== order?.[l])) throw new Error('the order is not deterministic');
      if (bin) probe.push(runProbe(bin, exported));
      const fixed = order;
      const [e, ms2] = timed(() => compileModel(model, { order: fixed }));
      same.push(ms2);
      nodes = nodeCount(e);
      edges = edgeCount(e);
    }
    const probeTimes = probe.map((p) => ({ ms: p.ms, cpu: p.cpu_ms }));
    const fair = probe.every((p) => p.nodes === nodes && p.edges === edges);
    const ratio = (ts: Times, of: 'ms' | 'cpu') =>
      Number((median(ts.map((t) => t[of])) / median(probeTimes.map((t) => t[of]))).toFixed(2));
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
          probe_nodes: probe[0]?.nodes,
          probe_edges: probe[0]?.edges,
          probe_work: probe[0]?.work,
          fair,
          ratio_same_order: ratio(same, 'ms'),
          ratio_full: ratio(full, 'ms'),
          cpu_ratio_same_order: ratio(same, 'cpu'),
          cpu_ratio_full: ratio(full, 'cpu'),
        }),
      }),
    );
    if (!fair) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(Number(process.argv[2] ?? 3));
