/**
 * Anomaly-check benchmark (issue 18 §11): one JSON line per public instance (BENCH_DATA) and per catalog of
 * configs/catalogs, with the time of each check and, measured in the same run on the same input, two baselines: the
 * plain compile (what any query costs first) and the valid domains by the search baseline (bench/engine-baseline-
 * search.ts, no diagram), the other way to find dead and forced values. Without the public instances only the
 * catalogs run, after a one-line notice on stderr.
 * Run: npx tsx bench/catalog-check.ts [instance-name ...]; BENCH_REDUNDANCY_BUDGET_MS bounds redundancy (10 s).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCatalog, checkModel, type Finding } from '../src/core/catalog-check/index.ts';
import {
  parseCatalog,
  parseCatalogTexts,
  translationLanguages,
  type Translations,
} from '../src/core/catalog/index.ts';
import { compileConfiguration } from '../src/core/configurator/configurator.ts';
import { compileModel } from '../src/core/engine/compile.ts';
import { nodeCount, type Diagram } from '../src/core/engine/diagram.ts';
import { importXcsp } from '../src/core/engine/import/xcsp.ts';
import type { Model } from '../src/core/engine/model.ts';
import { benchDataNotice, benchDataPresent, benchFile } from '../test/fixtures/bench-data.ts';
import { searchBaseline } from './engine-baseline-search.ts';

const CATALOGS = fileURLToPath(new URL('../configs/catalogs/', import.meta.url));
const REDUNDANCY_BUDGET_MS = Number(process.env.BENCH_REDUNDANCY_BUDGET_MS ?? 10_000);

interface Instance {
  name: string;
  /** Read from the public instances (BENCH_DATA). */
  public?: true;
  /** The model, its diagram compiled as the checks compile it (the baseline), and the checks on it. */
  run: (onTime: (check: string, ms: number) => void) => {
    model: Model;
    diagram: Diagram;
    compileMs: number;
    findings: Finding[];
  };
}

function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const result = f();
  return [result, performance.now() - start];
}

const xcsp = (name: string, file: string): Instance => ({
  name,
  public: true,
  run: (onTime) => {
    const model = importXcsp(readFileSync(benchFile(file), 'utf8'));
    const [diagram, compileMs] = time(() => compileModel(model));
    const findings = checkModel(model, { diagram, redundancyBudgetMs: REDUNDANCY_BUDGET_MS, onTime });
    return { model, compileMs, findings, diagram };
  },
});

const catalog = (file: string): Instance => ({
  name: `catalog-${file.replace(/\.json$/, '')}`,
  run: (onTime) => {
    const parsed = parseCatalog(readFileSync(CATALOGS + file, 'utf8'), file);
    const texts: Translations = {};
    for (const language of translationLanguages) {
      const path = `${CATALOGS}texts/${parsed.id}.${language}.json`;
      texts[language] = parseCatalogTexts(readFileSync(path, 'utf8'), path, parsed);
    }
    const [configuration, compileMs] = time(() => compileConfiguration(parsed));
    if (configuration.form.form !== 'mdd') throw new Error(`${file}: not compiled as a diagram`);
    const diagram = configuration.form.diagram;
    const findings = checkCatalog(parsed, texts, {
      configuration,
      redundancyBudgetMs: REDUNDANCY_BUDGET_MS,
      onTime,
    });
    return { model: diagram.model, compileMs, findings, diagram };
  },
});

const INSTANCES: Instance[] = [
  xcsp('renault-megane-113', 'renault-megane/renault-megane-113.xml'),
  xcsp('br4cp-medium', 'renault-br4cp/medium.xml'),
  xcsp('pc-clib', 'pc-clib/pc-clib.xml'),
  xcsp('br4cp-big', 'renault-br4cp/big.xml'),
  catalog('pc.json'),
  catalog('car.json'),
];

function bench(inst: Instance): void {
  const checks: Record<string, number> = {};
  const onTime = (check: string, ms: number) => (checks[check] = Math.round(ms));
  const [{ model, compileMs, findings, diagram }, totalMs] = time(() => inst.run(onTime));
  const [, searchMs] = time(() => searchBaseline(model)(new Map()));
  const kinds: Record<string, number> = {};
  for (const f of findings) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  const unchecked = findings.find(
    (f) => f.kind === 'redundant' && f.message.startsWith('redundancy not checked'),
  );
  console.log(
    JSON.stringify({
      instance: inst.name,
      variables: model.variables.length,
      constraints: model.constraints.length,
      diagram_nodes: nodeCount(diagram),
      baseline_ms: { compile: Math.round(compileMs), search_valid_domains: Math.round(searchMs) },
      checks_ms: checks,
      total_ms: Math.round(totalMs - compileMs),
      redundancy_budget_ms: REDUNDANCY_BUDGET_MS,
      redundancy_unchecked: unchecked?.ids.length ?? 0,
      findings: kinds,
    }),
  );
}

const names = process.argv.slice(2);
const wanted = (name: string) => names.length === 0 || names.includes(name);
if (!benchDataPresent) console.error(benchDataNotice('public instances'));
for (const inst of INSTANCES) if (wanted(inst.name) && (benchDataPresent || !inst.public)) bench(inst);
