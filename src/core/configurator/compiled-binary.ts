import type { Catalog } from '../catalog/schema.ts';
import { decodeDiagram, encodeDiagram } from '../engine/diagram-binary.ts';
import { compileCatalog } from './compile-catalog.ts';
import type { CompiledConfiguration } from './configurator.ts';

/**
 * A compiled catalog as bytes (engine/diagram-binary.ts): the server compiles each catalog version once, browsers
 * read it instead of compiling. Only the diagram travels: the catalog's table model is rebuilt from the catalog
 * (milliseconds), and the bytes name the catalog version and fingerprint the model they were compiled from.
 */

/** What a compiled form is keyed on: the catalog's id and version. */
export function compiledKey(catalog: Catalog): string {
  return `${catalog.id}@${catalog.version}`;
}

/** The bytes of a compiled catalog. Post: {@link configurationFromBinary} with the same catalog reads them back. */
export function encodeConfiguration(compiled: CompiledConfiguration): Uint8Array {
  return encodeDiagram(compiled.diagram, compiledKey(compiled.compiled.catalog));
}

/**
 * The compiled form of `catalog` from bytes written by {@link encodeConfiguration}, without compiling its diagram.
 * Pre: none. Post: the same diagram as `compileConfiguration(catalog)` would give, or DiagramFormatError when the
 * bytes are damaged, of another format, or compiled from another catalog, version or model (an engine that
 * models catalogs differently); CatalogCompileError as compileCatalog.
 */
export function configurationFromBinary(catalog: Catalog, bytes: Uint8Array): CompiledConfiguration {
  const compiled = compileCatalog(catalog);
  return { compiled, diagram: decodeDiagram(bytes, compiled.model, compiledKey(catalog)) };
}
