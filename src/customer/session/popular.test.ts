import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCatalog, type Build } from '../../core/catalog/index.ts';
import { Configurator } from '../../core/configurator/configurator.ts';
import { soldBuildsOf } from '../../core/configurator/sold-builds.ts';
import { learnRecommender, recommendScratch } from '../../core/recommend/index.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { customerHistory, popularMarks, sameMarks } from './popular.ts';

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
  const scratch = recommendScratch(rec, car.diagram);
  const marksFor = (choices: Build, step: string) =>
    popularMarks(rec, car, choices, car.state(choices), step, undefined, scratch);

  it('names what buyers of the chosen model picked, and follows the choice', () => {
    const wagon = marksFor({ model: { 'model-lumo-sportwagon': 1 } }, 'exterior').get('paint');
    expect(wagon).toMatchObject({ optionId: 'paint-signal-red', source: 'population' });
    expect(wagon?.reason).toMatchObject({ kind: 'buyers', cars: 28 });
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
      return popularMarks(r, mini, {}, mini.state({}), 'core', undefined, recommendScratch(r, mini.diagram));
    };
    expect(marks(3).has('gpu')).toBe(false);
    expect(marks(90).get('gpu')?.optionId).toBe('gpu-4070');
  });

  it('gives no personal evidence without weights, and compares marks by option and reason', () => {
    expect(customerHistory(car, null)).toBeUndefined();
    expect(customerHistory(car, { 'paint-signal-red': 1 })?.preferences?.size).toBe(1);
    const a = marksFor({ model: { 'model-lumo-sportwagon': 1 } }, 'exterior');
    expect(sameMarks(a, marksFor({ model: { 'model-lumo-sportwagon': 1 } }, 'exterior'))).toBe(true);
    expect(sameMarks(a, marksFor({ model: { 'model-lumo-cross': 1 } }, 'exterior'))).toBe(false);
  });
});
