import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { validBuilds } from '../../../test/fixtures/brute-force.ts';
import pcFile from '../../../configs/catalogs/pc.json';
import carFile from '../../../configs/catalogs/car.json';
import { validateCatalog, type Build, type Catalog } from '../catalog/index.ts';
import { DiagramFormatError } from '../engine/diagram-binary.ts';
import type { Diagram } from '../engine/diagram.ts';
import { CircuitFormatError } from '../engine/dnnf/circuit-binary.ts';
import { configurationFromBinary, encodeConfiguration } from './compiled-binary.ts';
import { compileConfiguration, Configurator, type CompiledConfiguration } from './configurator.ts';

const files: Record<string, unknown> = { pc: pcFile, car: carFile };
const load = (name: string): Catalog => validateCatalog(files[name], `configs/catalogs/${name}.json`);

/** The diagram's arrays as one string: compared in one step (the PC's has 100,000 edges). */
const arrays = (d: Diagram | undefined) =>
  d ? [d.order, d.nodeLevel, d.edgeStart, d.edgeValue, d.edgeChild].map((a) => a.join()).join(' | ') : '';
/** The compiled form's arrays as one string, either form. */
const formArrays = ({ form }: CompiledConfiguration) =>
  form.form === 'mdd'
    ? arrays(form.diagram)
    : [form.circuit.kind, form.circuit.label, form.circuit.childStart, form.circuit.children]
        .map((a) => a.join())
        .join(' | ');

/** Some partial builds: none, each valid build's first slots, every valid build. */
function someBuilds(catalog: Catalog): Build[] {
  const valid = validBuilds(catalog).slice(0, 20);
  const partial = valid.map((b) => Object.fromEntries(Object.entries(b).slice(0, 1)));
  return [{}, ...partial, ...valid];
}

describe('a catalog compiled elsewhere, read from bytes', () => {
  it('gives a configurator that answers as one compiled here', () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        const here = new Configurator(catalog);
        const read = new Configurator(
          catalog,
          configurationFromBinary(catalog, encodeConfiguration(compileConfiguration(catalog))),
        );
        expect(arrays(read.diagram)).toEqual(arrays(here.diagram));
        for (const build of someBuilds(catalog)) {
          expect(read.state(build)).toEqual(here.state(build));
          expect(read.countExact(build)).toBe(here.countExact(build));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('as a d-DNNF too: the bytes say which form, and the configurator read answers as the one compiled', () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        const compiled = compileConfiguration(catalog, { forceDnnf: true });
        const bytes = encodeConfiguration(compiled);
        const read = configurationFromBinary(catalog, bytes);
        expect(read.form.form).toBe('dnnf');
        expect(formArrays(read)).toEqual(formArrays(compiled));
        const here = new Configurator(catalog, compiled);
        const there = new Configurator(catalog, read);
        for (const build of someBuilds(catalog)) {
          expect(there.state(build)).toEqual(here.state(build));
          expect(there.countExact(build)).toBe(here.countExact(build));
        }
        const other = { ...catalog, version: `${catalog.version}-next` };
        expect(() => configurationFromBinary(other, bytes)).toThrow(CircuitFormatError);
      }),
      { numRuns: 40 },
    );
  });

  it('reads the shipped catalogs back exactly, a fraction of the diagram arrays in size', () => {
    for (const catalog of [load('pc'), load('car')]) {
      const compiled = compileConfiguration(catalog);
      const bytes = encodeConfiguration(compiled);
      const read = configurationFromBinary(catalog, bytes);
      expect(formArrays(read)).toEqual(formArrays(compiled));
      const d = compiled.form.form === 'mdd' ? compiled.form.diagram : undefined;
      expect(d).toBeDefined();
      const arrayBytes = (d?.edgeChild.byteLength ?? 0) * 2 + (d?.nodeLevel.byteLength ?? 0) * 2;
      expect(bytes.length).toBeLessThan(arrayBytes / 3);
    }
  });

  it('is refused for another catalog, another version, or the same version with other rules', () => {
    const pc = load('pc');
    const car = load('car');
    const bytes = encodeConfiguration(compileConfiguration(car));
    expect(() => configurationFromBinary(pc, bytes)).toThrow(DiagramFormatError);
    expect(() => configurationFromBinary(pc, bytes)).toThrow(`compiled for "car@${car.version}"`);
    expect(() => configurationFromBinary({ ...car, version: `${car.version}-next` }, bytes)).toThrow(
      `not "car@${car.version}-next"`,
    );
    const fewerRules = { ...car, rules: car.rules.slice(1) };
    expect(() => configurationFromBinary(fewerRules, bytes)).toThrow(/compiled from another model/);
  });
});
