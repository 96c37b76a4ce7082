/**
 * The PC catalog as a d-DNNF (issue 20), not part of CI: one JSON line with the forced d-DNNF's compile time (as the
 * configurator compiles it, in the catalog's diagram order), its size and the compiler's figures, beside the MDD's
 * compile time; `same_count` and `same_domains` check it against the MDD (exact count, valid values with no choice);
 * then 200 clicks on each (a random valid value, valid domains and the count), p50 and p95.
 * Run: npx tsx bench/dnnf-pc.ts [catalog file]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseCatalog } from '../src/core/catalog/index.ts';
import { compileConfiguration } from '../src/core/configurator/configurator.ts';
import {
  count,
  domains,
  formNodes,
  formScratch,
  type CompiledForm,
} from '../src/core/engine/compiled-form.ts';
import { circuitBytes, circuitEdges } from '../src/core/engine/dnnf/circuit.ts';

const file = process.argv[2] ?? 'configs/catalogs/pc.json';
const catalog = parseCatalog(readFileSync(file, 'utf8'), file);
const round = (x: number): number => Number(x.toFixed(2));
const loadStart = round(loadavg()[0] as number);

const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const out = f();
  return [out, round(performance.now() - t)];
};
const [mdd, mddMs] = timed(() => compileConfiguration(catalog).form);
const [dnnf, dnnfMs] = timed(() => compileConfiguration(catalog, { forceDnnf: true }).form);
const valid = (f: CompiledForm) => [...domains(f, new Map(), formScratch(f)).valid].join('');

/** Clicks as on the page: a random valid value of a random open variable (restart when none), then valid domains. */
function clicks(f: CompiledForm, n: number): number[] {
  const scratch = formScratch(f);
  const out: number[] = [];
  let seed = 20;
  const rand = (k: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % k;
  let a = new Map<number, number>();
  while (out.length < n) {
    const t = performance.now();
    const r = domains(f, a, scratch);
    out.push(performance.now() - t);
    const open = f.model.variables.flatMap((_, x) => (a.has(x) ? [] : [x]));
    if (open.length === 0) a = new Map();
    else {
      const x = open[rand(open.length)] as number;
      const size = (f.model.variables[x] as { values: readonly string[] }).values.length;
      const ok = Array.from({ length: size }, (_, v) => v).filter(
        (v) => r.valid[(r.valueOffset[x] as number) + v] === 1,
      );
      a = new Map(a).set(x, ok[rand(ok.length)] as number);
    }
  }
  return out.sort((p, q) => p - q);
}
const pct = (xs: number[], q: number) =>
  round(xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] as number);
const [mddClicks, dnnfClicks] = [clicks(mdd, 200), clicks(dnnf, 200)];

console.log(
  JSON.stringify({
    catalog: file,
    mdd_form: mdd.form,
    mdd_compile_ms: mddMs,
    dnnf_form: dnnf.form,
    dnnf_compile_ms: dnnfMs,
    dnnf_nodes: formNodes(dnnf),
    dnnf_edges: dnnf.form === 'dnnf' ? circuitEdges(dnnf.circuit) : null,
    dnnf_stats: dnnf.form === 'dnnf' ? dnnf.stats : null,
    dnnf_mb: dnnf.form === 'dnnf' ? round(circuitBytes(dnnf.circuit) / 2 ** 20) : null,
    click_ms_p50_p95: {
      mdd: [pct(mddClicks, 0.5), pct(mddClicks, 0.95)],
      dnnf: [pct(dnnfClicks, 0.5), pct(dnnfClicks, 0.95)],
    },
    same_count: count(dnnf) === count(mdd),
    same_domains: valid(dnnf) === valid(mdd),
    count_digits: count(mdd).toString().length,
    load_average: [loadStart, round(loadavg()[0] as number)],
  }),
);
