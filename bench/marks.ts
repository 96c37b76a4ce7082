/**
 * The recommender in the product (issue 11): learned from the demo store's orders as the browser does it, then the
 * "Popular" marks recomputed after every click of simulated shoppers. Baseline in the same process: the click's
 * own engine update (`Configurator.state`), which the page pays anyway. One JSON line per catalog.
 * Run: npx tsx bench/marks.ts
 */
import { loadCatalogRegistry } from '../src/server/catalogs/registry.ts';
import { soldConfigurations } from '../src/server/catalogs/sales.ts';
import { createStore } from '../src/server/store/database.ts';
import { migrateToLatest } from '../src/server/store/migrate.ts';
import { recordLoadedCatalogs, seedDemoData } from '../src/server/store/seed.ts';
import { indexCatalog, type Build } from '../src/core/catalog/index.ts';
import { Configurator } from '../src/core/configurator/configurator.ts';
import { soldBuildsOf } from '../src/core/configurator/sold-builds.ts';
import { learnRecommender } from '../src/core/recommend/index.ts';
import { seededRandom } from '../src/core/recommend/random.ts';
import { COMBINER_STEPS } from '../src/configure/session/learn-recommender.ts';
import { PopularAdvisor } from '../src/core/configurator/popular-marks.ts';

const SHOPPERS = 100;

function percentiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(3));
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

const store = createStore({ dialect: 'sqlite', file: ':memory:' });
await migrateToLatest(store);
const registry = await loadCatalogRegistry('configs/catalogs');
await recordLoadedCatalogs(store.db, registry);
await seedDemoData(
  store.db,
  registry.list().map((e) => e.catalog),
);

for (const { catalog } of registry.list()) {
  const configurator = new Configurator(catalog);
  const sales = await soldConfigurations(store.db, indexCatalog(catalog));
  const { builds } = soldBuildsOf(configurator.compiled, sales.builds);
  const t0 = performance.now();
  const rec = learnRecommender(configurator.compiled.model, builds, {
    diagram: configurator.diagram,
    seed: 0,
    combinerSteps: COMBINER_STEPS,
  });
  const learnMs = performance.now() - t0;
  const advisor = new PopularAdvisor(configurator, rec, null);
  const random = seededRandom(1);
  const click: number[] = [];
  const marks: number[] = [];
  let shown = 0;
  for (let s = 0; s < SHOPPERS; s++) {
    let choices: Build = {};
    for (;;) {
      const view = configurator.state(choices);
      const open = view.slots.filter(
        (slot) => Object.keys(choices[slot.slot] ?? {}).length === 0 && slot.options.some((o) => o.available),
      );
      const slot = open[Math.floor(random() * open.length)];
      if (!slot) break;
      const options = slot.options.filter((o) => o.available);
      const option = options[Math.floor(random() * options.length)];
      if (!option) break;
      choices = { ...choices, [slot.slot]: { [option.id]: 1 } };
      const c0 = performance.now();
      const next = configurator.state(choices);
      const c1 = performance.now();
      const step = catalog.slots.find((x) => x.id === slot.slot)?.group ?? '';
      shown += advisor.marks(choices, next, step).size;
      marks.push(performance.now() - c1);
      click.push(c1 - c0);
    }
  }
  const m = percentiles(marks);
  const c = percentiles(click);
  console.log(
    JSON.stringify({
      catalog: catalog.id,
      sold_builds: builds.count,
      distinct_builds: sales.builds.length,
      learn_ms: Math.round(learnMs),
      clicks: click.length,
      marks_per_click: Number((shown / Math.max(1, click.length)).toFixed(2)),
      marks_ms: m,
      baseline_click_state_ms: c,
      marks_over_click_p95: Number((m.p95 / Math.max(1e-9, c.p95)).toFixed(2)),
    }),
  );
}
