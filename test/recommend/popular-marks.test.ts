import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCatalog, type Build } from '../../src/core/catalog/index.ts';
import { compileConfiguration, Configurator } from '../../src/core/configurator/configurator.ts';
import { soldBuildsOf } from '../../src/core/configurator/sold-builds.ts';
import { learnRecommender } from '../../src/core/recommend/index.ts';
import { miniCatalog } from '../fixtures/mini-catalog.ts';
import { PopularAdvisor, sameMarks } from '../../src/core/configurator/popular-marks.ts';

const car = new Configurator(
  validateCatalog(JSON.parse(readFileSync('configs/catalogs/car.json', 'utf8')), 'car.json'),
);

/** A complete valid car with these choices (the engine's cheapest completion). */
function sold(configurator: Configurator, choices: Build, count: number) {
  const selections = configurator.complete(choices);
  if (!selections) throw new Error(`no valid completion of ${JSON.stringify(choices)}`);
  return { selections, count };
}

function learned(configurator: Configurator, sales: ReturnType<typeof sold>[]) {
  const { builds } = soldBuildsOf(configurator.compiled, sales);
  return learnRecommender(configurator.compiled.model, builds, {
    diagram: configurator.diagram,
    seed: 1,
    combinerSteps: 300,
  });
}

describe('the recommender’s marks in the configurator', () => {
  const rec = learned(car, [
    sold(car, { model: { 'model-lumo-sportwagon': 1 }, paint: { 'paint-signal-red': 1 } }, 24),
    sold(car, { model: { 'model-lumo-sportwagon': 1 }, paint: { 'paint-polar-white': 1 } }, 4),
    sold(car, { model: { 'model-lumo-cross': 1 }, paint: { 'paint-polar-white': 1 } }, 14),
    sold(car, { model: { 'model-lumo-cross': 1 }, paint: { 'paint-phantom-black': 1 } }, 6),
  ]);
  const advisor = new PopularAdvisor(car, rec, null);
  const marksFor = (choices: Build, step: string) => advisor.marks(choices, car.state(choices), step);

  it('names what buyers of the chosen model picked, and follows the choice', () => {
    const wagon = marksFor({ model: { 'model-lumo-sportwagon': 1 } }, 'exterior').get('paint');
    expect(wagon).toMatchObject({ optionId: 'paint-signal-red', source: 'population' });
    // The evidence in catalog terms: buyers of the chosen model, by slot and option (no engine variables).
    expect(wagon?.reason).toMatchObject({
      kind: 'buyers',
      cars: 28,
      given: [{ slot: 'model', option: 'model-lumo-sportwagon', quantity: 1 }],
    });
    expect(wagon?.reason.kind === 'buyers' && wagon.reason.share).toBeCloseTo(24 / 28);
    const cross = marksFor({ model: { 'model-lumo-cross': 1 } }, 'exterior').get('paint');
    expect(cross).toMatchObject({ optionId: 'paint-polar-white' });
  });

  it('marks only open slots of the step shown, and only options the engine offers', () => {
    const choices: Build = { model: { 'model-lumo-sportwagon': 1 }, paint: { 'paint-fjord-blue': 1 } };
    const marks = marksFor(choices, 'exterior');
    expect(marks.has('paint')).toBe(false);
    expect(marks.has('model')).toBe(false);
    const view = car.state({ model: { 'model-lumo-cross': 1 } });
    for (const [slot, mark] of marksFor({ model: { 'model-lumo-cross': 1 } }, 'model')) {
      const state = view.slots.find((s) => s.slot === slot);
      expect(state?.options.find((o) => o.id === mark.optionId)?.available).toBe(true);
    }
  });

  it('leaves an optional slot unmarked when most buyers leave it empty', () => {
    const mini = new Configurator(validateCatalog(miniCatalog(), 'mini.json'));
    const base = { cpu: { 'cpu-amd': 1 }, board: { 'mb-b650': 1 }, psu: { 'psu-850': 1 } };
    const withGpu = (n: number) => sold(mini, { ...base, gpu: { 'gpu-4070': 1 } }, n);
    const marks = (gpuBuyers: number) => {
      const r = learned(mini, [sold(mini, base, 30), withGpu(gpuBuyers)]);
      return new PopularAdvisor(mini, r, null).marks({}, mini.state({}), 'core');
    };
    expect(marks(3).has('gpu')).toBe(false);
    expect(marks(90).get('gpu')?.optionId).toBe('gpu-4070');
  });

  it('gives no personal evidence without weights, and compares marks by option and reason', () => {
    expect(advisor.personal).toBe(false);
    expect(new PopularAdvisor(car, rec, { 'paint-signal-red': 1 }).personal).toBe(true);
    const a = marksFor({ model: { 'model-lumo-sportwagon': 1 } }, 'exterior');
    expect(sameMarks(a, marksFor({ model: { 'model-lumo-sportwagon': 1 } }, 'exterior'))).toBe(true);
    expect(sameMarks(a, marksFor({ model: { 'model-lumo-cross': 1 } }, 'exterior'))).toBe(false);
  });

  it('finishes like most buyers: the engine’s best completion under the population’s scores', () => {
    const choices: Build = { model: { 'model-lumo-sportwagon': 1 } };
    const scores = advisor.finishScores(choices, car.state(choices));
    expect(scores).not.toBeNull();
    const finished = car.complete(choices, new Map(Object.entries(scores ?? {})));
    expect(finished?.paint).toEqual({ 'paint-signal-red': 1 });
    expect(finished && car.state(finished).complete).toBe(true);
    const cross: Build = { model: { 'model-lumo-cross': 1 } };
    const crossScores = advisor.finishScores(cross, car.state(cross)) ?? {};
    expect(car.complete(cross, new Map(Object.entries(crossScores)))?.paint).toEqual({
      'paint-polar-white': 1,
    });
  });

  it('leaves an optional slot empty in the popular finish when most buyers do, and fills it when most do not', () => {
    const mini = new Configurator(validateCatalog(miniCatalog(), 'mini.json'));
    const base = { cpu: { 'cpu-amd': 1 }, board: { 'mb-b650': 1 }, psu: { 'psu-850': 1 } };
    const finish = (gpuBuyers: number) => {
      const r = learned(mini, [
        sold(mini, base, 30),
        sold(mini, { ...base, gpu: { 'gpu-4070': 1 } }, gpuBuyers),
      ]);
      const scores = new PopularAdvisor(mini, r, null).finishScores({}, mini.state({})) ?? {};
      return mini.complete({}, new Map(Object.entries(scores)));
    };
    expect(finish(3)?.gpu).toBeUndefined();
    expect(finish(90)?.gpu).toEqual({ 'gpu-4070': 1 });
  });

  it('fills an optional slot most buyers fill, even when “none” is its single most common value', () => {
    const pc = new Configurator(
      validateCatalog(JSON.parse(readFileSync('configs/catalogs/pc.json', 'utf8')), 'pc.json'),
    );
    const gpus = ['gpu-nvidia-rtx5070-fe', 'gpu-sapphire-pulse-rx9070', 'gpu-asus-dual-rtx5060ti-16g'];
    const sales = (none: number, each: number) => [
      sold(pc, {}, none),
      ...gpus.map((id) => sold(pc, { gpu: { [id]: 1 } }, each)),
    ];
    const outcome = (none: number, each: number) => {
      const r = learned(pc, sales(none, each));
      const a = new PopularAdvisor(pc, r, null);
      const view = pc.state({});
      const step = pc.catalog.slots.find((x) => x.id === 'gpu')?.group ?? '';
      const scores = a.finishScores({}, view) ?? {};
      return {
        mark: a.marks({}, view, step).get('gpu')?.optionId,
        finished: pc.complete({}, new Map(Object.entries(scores)))?.gpu,
      };
    };
    // 12 of 30 buyers take no card (the most common single value), 18 take one of three.
    const most = outcome(12, 6);
    expect(gpus).toContain(most.mark);
    expect(gpus).toContain(Object.keys(most.finished ?? {})[0]);
    // 24 of 30 take none: no mark, and the popular finish stays without a card.
    const few = outcome(24, 2);
    expect(few.mark).toBeUndefined();
    expect(few.finished).toBeUndefined();
  });

  it('marks and finishes the same on a catalog held as a d-DNNF (no diagram: the plain vote, the view’s values)', () => {
    const circuitCar = new Configurator(car.catalog, compileConfiguration(car.catalog, { forceDnnf: true }));
    expect(circuitCar.diagram).toBeUndefined();
    const sales = [
      sold(car, { model: { 'model-lumo-sportwagon': 1 }, paint: { 'paint-signal-red': 1 } }, 24),
      sold(car, { model: { 'model-lumo-cross': 1 }, paint: { 'paint-polar-white': 1 } }, 14),
    ];
    const { builds } = soldBuildsOf(car.compiled, sales);
    const vote = learnRecommender(car.compiled.model, builds, { diagram: circuitCar.diagram });
    expect(vote.combiner).toBeNull();
    const choices: Build = { model: { 'model-lumo-sportwagon': 1 } };
    const [onMdd, onDnnf] = [car, circuitCar].map((c) => {
      const a = new PopularAdvisor(c, vote, null);
      const view = c.state(choices);
      return { marks: a.marks(choices, view, 'exterior'), scores: a.finishScores(choices, view) };
    });
    expect(onDnnf?.marks.get('paint')).toMatchObject({ optionId: 'paint-signal-red' });
    expect(sameMarks(onDnnf?.marks ?? new Map(), onMdd?.marks ?? new Map())).toBe(true);
    expect(onDnnf?.scores).toEqual(onMdd?.scores);
  });
});
