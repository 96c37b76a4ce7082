import { describe, expect, it } from 'vitest';
import { indexModel, type Model } from '../engine/model.ts';
import { parseSales, SalesError, selectBuilds } from './sales.ts';

const model: Model = {
  variables: [
    { name: 'fuel', values: ['diesel', 'petrol'] },
    { name: 'body', values: ['estate', 'hatch', 'suv'] },
  ],
  constraints: [],
};
const index = indexModel(model);
const fault = (text: string): SalesError => {
  try {
    parseSales(model, index, text);
  } catch (e) {
    if (e instanceof SalesError) return e;
  }
  throw new Error('expected a SalesError');
};

describe('sales files', () => {
  it('read the header and one row of value indices per sold build', () => {
    const b = parseSales(model, index, 'body fuel\nestate diesel\n\nsuv petrol\n');
    expect([...b.variables]).toEqual([1, 0]);
    expect([...b.rows]).toEqual([0, 0, 2, 1]);
    expect(b.count).toBe(2);
    expect([...selectBuilds(b, [1]).rows]).toEqual([2, 1]);
  });

  it('name the line of an unknown variable, a wrong width or an unknown value', () => {
    expect(fault('body colour\n')).toMatchObject({ line: 1, message: 'line 1: unknown variable colour' });
    expect(fault('body fuel\nestate diesel\nsuv\n').message).toBe('line 3: expected 2 values, found 1');
    expect(fault('\nbody fuel\nvan diesel\n').message).toBe('line 3: value van is not in the domain of body');
    expect(fault('  \n').line).toBe(0);
  });
});
