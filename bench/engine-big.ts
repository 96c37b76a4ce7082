/**
 * BR4CP big's compile against a C peer in the same sitting (issue 20: "within 2× the C probe's"). The peer,
 * bench/probe/mdd-probe.c, is built here with gcc -O2 into a temporary folder (skipped with a notice when gcc is
 * absent) and compiles the same diagram by the same algorithm under the order our compile chose. Each round times,
 * interleaved: our full compile (order search included), the peer, and our compile under that order; the line gives
 * every round, the medians and the ratios of the medians. Node and edge counts must match the peer's, or the line
 * says `fair: false` and the process fails.
 * Run: BENCH_DATA=../shared/bench-data npm run bench:engine-big [rounds, default 3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModel } from '../src/core/engine/compile.ts';
import { edgeCount, nodeCount } from '../src/core/engine/diagram.ts';
import { importXcsp } from '../src/core/engine/import/xcsp.ts';
import { benchDataNotice, benchDataPresent, benchFile } from '../test/fixtures/bench-data.ts';
import { exportForProbe } from './engine-big-export.ts';
import { collectGarbage } from './engine-measure.ts';

const SOURCE = fileURLToPath(new URL('./probe/mdd-probe.c', import.meta.url));

interface ProbeResult {
  ms: number;
  nodes: number;
  edges: number;
  work: number;
  store: number;
}

/** The probe built with gcc -O2 in `dir`, or undefined (after a notice) when gcc is not there. */
function buildProbe(dir: string): string | undefined {
  const bin = join(dir, 'mdd-probe');
  try {
    execFileSync('gcc', ['-O2', '-o', bin, SOURCE], { stdio: ['ignore', 'ignore', 'inherit'] });
    return bin;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    console.error('engine-big: gcc not found; the C peer is skipped, our compile alone is timed');
    return undefined;
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const timed = <T>(f: () => T): [T, number] => {
  collectGarbage();
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

function main(rounds: number): void {
  if (!benchDataPresent) {
    console.error(benchDataNotice('engine-big'));
    return;
  }
  const model = importXcsp(readFileSync(benchFile('renault-br4cp/big.xml'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'mdd-probe-'));
  try {
    const bin = buildProbe(dir);
    const exported = join(dir, 'big.txt');
    const full: number[] = [];
    const same: number[] = [];
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
      } else if (d.order.some((x, l) => x !== order?.[l]))
        throw new Error('the order search is not deterministic');
      if (bin) probe.push(JSON.parse(execFileSync(bin, [exported], { encoding: 'utf8' })) as ProbeResult);
      const fixed = order;
      const [e, ms2] = timed(() => compileModel(model, { order: fixed }));
      same.push(ms2);
      nodes = nodeCount(e);
      edges = edgeCount(e);
    }
    const probeMs = probe.map((p) => p.ms);
    const fair = probe.every((p) => p.nodes === nodes && p.edges === edges);
    const ratio = (a: number[]) => (bin ? Number((median(a) / median(probeMs)).toFixed(2)) : undefined);
    console.log(
      JSON.stringify({
        instance: 'br4cp-big compile vs C peer',
        rounds,
        nodes,
        edges,
        ours_full_ms: { median: Math.round(median(full)), runs: full.map(Math.round) },
        ours_same_order_ms: { median: Math.round(median(same)), runs: same.map(Math.round) },
        ...(bin && {
          probe_ms: { median: Math.round(median(probeMs)), runs: probeMs.map(Math.round) },
          probe_nodes: probe[0]?.nodes,
          probe_edges: probe[0]?.edges,
          probe_work: probe[0]?.work,
          fair,
          ratio_same_order: ratio(same),
          ratio_full: ratio(full),
        }),
      }),
    );
    if (!fair) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(Number(process.argv[2] ?? 3));
