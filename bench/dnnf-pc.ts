/**
 * The PC catalog as a d-DNNF (issue 20), not part of CI: one JSON line with the forced d-DNNF's compile time (as the
 * configurator compiles it, in the catalog's diagram order), its size and the compiler's figures, beside the MDD's
 * compile time; `same_count` and `same_domains` check it against the MDD (exact count, valid values with no choice).
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
import { circuitEdges } from '../src/core/engine/dnnf/circuit.ts';

const file = process.argv[2] ?? 'configs/catalogs/pc.json';
const catalog = parseCatalog(readFileSync(file, 'utf8'), file);
const round = (x: number): number => Number(x.toFixed(1));
const loadStart = round(loadavg()[0] as number);

const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const out = f();
  return [out, round(performance.now() - t)];
};
const [mdd, mddMs] = timed(() => compileConfiguration(catalog).form);
const [dnnf, dnnfMs] = timed(() => compileConfiguration(catalog, { forceDnnf: true }).form);
const valid = (f: CompiledForm) => [...domains(f, new Map(), formScratch(f)).valid].join('');

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
    same_count: count(dnnf) === count(mdd),
    same_domains: valid(dnnf) === valid(mdd),
    count_digits: count(mdd).toString().length,
    load_average: [loadStart, round(loadavg()[0] as number)],
  }),
);
