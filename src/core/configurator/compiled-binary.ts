import type { Catalog } from '../catalog/schema.ts';
import type { CompiledForm } from '../engine/compiled-form.ts';
import { decodeDiagram, encodeDiagram } from '../engine/diagram-binary.ts';
import { decodeCircuit, encodeCircuit, isCircuitBytes } from '../engine/dnnf/circuit-binary.ts';
import { compileCatalog } from './compile-catalog.ts';
import type { CompiledConfiguration } from './configurator.ts';

/**
 * A compiled catalog as bytes, in whichever form holds it (engine/diagram-binary.ts for the MDD, "MDDB";
 * engine/dnnf/circuit-binary.ts for the d-DNNF, "DNNB"): the server compiles each catalog version once, browsers
 * read it instead of compiling. Only the compiled form travels: the catalog's table model is rebuilt from the
 * catalog (milliseconds), and the bytes name the catalog version and fingerprint the model they were compiled from.
 */

/** What a compiled form is keyed on: the catalog's id and version. */
export function compiledKey(catalog: Catalog): string {
  return `${catalog.id}@${catalog.version}`;
}

/** The bytes of a compiled catalog. Post: {@link configurationFromBinary} with the same catalog reads them back. */
export function encodeConfiguration(compiled: CompiledConfiguration): Uint8Array {
  const key = compiledKey(compiled.compiled.catalog);
  const { form } = compiled;
  return form.form === 'mdd' ? encodeDiagram(form.diagram, key) : encodeCircuit(form, key);
}

/**
 * The compiled form of `catalog` from bytes written by {@link encodeConfiguration}, without compiling it.
 * Pre: none. Post: the same form (MDD or d-DNNF, as the header says) as the compile that wrote them, or
 * DiagramFormatError (CircuitFormatError, a kind of it, for a circuit) when the bytes are damaged, of another
 * format, or compiled from another catalog, version or model (an engine that models catalogs differently);
 * CatalogCompileError as compileCatalog.
 */
export function configurationFromBinary(catalog: Catalog, bytes: Uint8Array): CompiledConfiguration {
  const compiled = compileCatalog(catalog);
  const key = compiledKey(catalog);
  const form: CompiledForm = isCircuitBytes(bytes)
    ? decodeCircuit(bytes, compiled.model, key)
    : { form: 'mdd', model: compiled.model, diagram: decodeDiagram(bytes, compiled.model, key) };
  return { compiled, form };
}
