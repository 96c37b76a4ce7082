/**
 * A {@link Diagram} as bytes, so that a server compiles each model once and a browser only reads the result (the
 * PC catalog's diagram takes about a second to compile and a few milliseconds to read).
 *
 * The model itself is not in the bytes: the reader rebuilds it (a catalog compiles to its model in milliseconds)
 * and the bytes carry its fingerprint, so a diagram is never read against another model. Compact without a
 * compressor of its own: nodes are numbered by level, so levels are counts per level and edge lists are degrees;
 * a child is stored as the difference to the previous child (the node itself for the first), which keeps most
 * numbers below 128: one byte each. The PC's diagram is 1.2 MB as arrays, 0.33 MB here, 64 KB gzip.
 *
 * Layout, format 1: bytes 0–3 "MDDB"; 4–5 the format (u16 LE); 6–7 zero; 8–15 {@link hash64} of the bytes from
 * 16 on (two u32 LE); then varints: the key (UTF-8, length first), the model's fingerprint (two u32), the number
 * of levels n, of decision nodes, of edges, root + 1; the order (n variables); nodes per level (n); degree per
 * node; value per edge; child per edge as a zigzag difference.
 */
import { ByteFormatError, ByteReader, ByteWriter, hash64, openSeal, seal, type Seal } from './bytes.ts';
import type { Diagram } from './diagram.ts';
import { WILDCARD, type Model } from './model.ts';

export const DIAGRAM_FORMAT = 1;
const SEAL: Seal = { tag: 'MDDB', format: DIAGRAM_FORMAT, what: 'compiled diagram' };

/** Bytes that are not a diagram of this format, this model and this key; the message says which check failed. */
export class DiagramFormatError extends Error {
  override readonly name: string = 'DiagramFormatError';
}

/**
 * 64 bits identifying the model's variables (names, values) and tables (scopes, rows), the parts a diagram is
 * made of; labels and ids are left out. Same model, same fingerprint, on every platform.
 */
export function modelFingerprint(model: Model): [number, number] {
  const w = new ByteWriter();
  w.varint(model.variables.length);
  for (const v of model.variables) {
    w.text(v.name);
    w.varint(v.values.length);
    for (const value of v.values) w.text(value);
  }
  w.varint(model.constraints.length);
  for (const c of model.constraints) {
    w.varint(c.scope.length);
    for (const x of c.scope) w.varint(x);
    w.varint(c.rows.length);
    for (const v of c.rows) w.varint(v === WILDCARD ? 0 : v + 1);
  }
  return hash64(w.result());
}

/**
 * Writes the diagram with a `key` saying what it was compiled from (e.g. a catalog's id and version).
 * Pre: `d` came from compileModel (nodes numbered by level, the root first). Post: {@link decodeDiagram} of the
 * result with `d.model` and `key` gives back equal arrays.
 */
export function encodeDiagram(d: Diagram, key: string): Uint8Array {
  const n = d.order.length;
  const nodes = d.terminal;
  const edges = d.edgeValue.length;
  const w = new ByteWriter();
  w.text(key);
  const [f1, f2] = modelFingerprint(d.model);
  w.varint(f1);
  w.varint(f2);
  w.varint(n);
  w.varint(nodes);
  w.varint(edges);
  w.varint(d.root + 1);
  for (const x of d.order) w.varint(x);
  const perLevel = new Int32Array(n);
  for (let k = 0; k < nodes; k++) {
    const l = d.nodeLevel[k] as number;
    perLevel[l] = (perLevel[l] as number) + 1;
  }
  for (const count of perLevel) w.varint(count);
  for (let k = 0; k < nodes; k++) w.varint((d.edgeStart[k + 1] as number) - (d.edgeStart[k] as number));
  for (const v of d.edgeValue) w.varint(v);
  for (let k = 0; k < nodes; k++) {
    let previous = k;
    for (let e = d.edgeStart[k] as number; e < (d.edgeStart[k + 1] as number); e++) {
      const child = d.edgeChild[e] as number;
      w.signed(child - previous);
      previous = child;
    }
  }
  return seal(SEAL, w.result());
}

const fail = (message: string): never => {
  throw new DiagramFormatError(message);
};

function readBody(r: ByteReader, model: Model, key: string): Diagram {
  const found = r.text();
  if (found !== key) fail(`compiled for "${found}", not "${key}"`);
  const [f1, f2] = modelFingerprint(model);
  if (r.varint() !== f1 || r.varint() !== f2) fail(`compiled from another model than "${key}"'s`);
  const n = r.varint();
  if (n !== model.variables.length) fail(`${n} levels for ${model.variables.length} variables`);
  const nodes = r.varint();
  const edges = r.varint();
  const root = r.varint() - 1;
  // Every node takes at least a byte (its degree), every edge two: a count beyond that is not worth allocating.
  if (nodes > r.remaining || edges > r.remaining)
    fail(`${nodes} nodes and ${edges} edges in ${r.remaining} bytes`);
  if (nodes > 0 ? root !== 0 : root !== 0 && root !== -1) fail(`root ${root} for ${nodes} nodes`);
  const order = new Int32Array(n);
  const levelOf = new Int32Array(n).fill(-1);
  const domSize = new Int32Array(n);
  for (let l = 0; l < n; l++) {
    const x = r.varint();
    if (x >= n || (levelOf[x] as number) >= 0) fail('the variable order is not a permutation');
    order[l] = x;
    levelOf[x] = l;
    domSize[l] = (model.variables[x] as { values: readonly string[] }).values.length;
  }
  const terminal = nodes;
  const nodeLevel = new Int32Array(terminal + 1);
  let k = 0;
  for (let l = 0; l < n; l++) {
    const count = r.varint();
    if (count > nodes - k) fail('more nodes per level than nodes');
    nodeLevel.fill(l, k, k + count);
    k += count;
  }
  if (k !== nodes) fail(`the levels hold ${k} of ${nodes} nodes`);
  nodeLevel[terminal] = n;
  const edgeStart = new Int32Array(terminal + 2);
  let e = 0;
  for (k = 0; k < nodes; k++) {
    edgeStart[k] = e;
    const degree = r.varint();
    if (degree < 1 || degree > (domSize[nodeLevel[k] as number] as number))
      fail(`node ${k} has ${degree} edges`);
    e += degree;
    if (e > edges) fail(`more than ${edges} edges`);
  }
  if (e !== edges) fail(`the nodes hold ${e} of ${edges} edges`);
  edgeStart[terminal] = edgeStart[terminal + 1] = edges;
  const edgeValue = new Int32Array(edges);
  const edgeChild = new Int32Array(edges);
  for (k = 0; k < nodes; k++) {
    const dom = domSize[nodeLevel[k] as number] as number;
    let last = -1;
    for (e = edgeStart[k] as number; e < (edgeStart[k + 1] as number); e++) {
      const v = r.varint();
      if (v <= last || v >= dom) fail(`node ${k} has values out of order or range`);
      edgeValue[e] = last = v;
    }
  }
  for (k = 0; k < nodes; k++) {
    let previous = k;
    for (e = edgeStart[k] as number; e < (edgeStart[k + 1] as number); e++) {
      const child = previous + r.signed();
      if (child <= k || child > terminal || (nodeLevel[child] as number) <= (nodeLevel[k] as number))
        fail(`node ${k} has an edge to node ${child}, not below it`);
      edgeChild[e] = previous = child;
    }
  }
  if (r.remaining !== 0) fail(`${r.remaining} bytes after the diagram`);
  return { model, order, levelOf, domSize, nodeLevel, edgeStart, edgeValue, edgeChild, root, terminal };
}

/**
 * Reads a diagram written by {@link encodeDiagram} for `model` under `key`.
 * Pre: none: any bytes may come. Post: returns a diagram satisfying diagram.ts's invariants (levels and edges in
 * range, children below their parents, values increasing) whose bytes were written as they are for this model
 * and key; otherwise throws {@link DiagramFormatError} saying which check failed.
 */
export function decodeDiagram(bytes: Uint8Array, model: Model, key: string): Diagram {
  try {
    return readBody(openSeal(SEAL, bytes), model, key);
  } catch (error) {
    if (error instanceof ByteFormatError) throw new DiagramFormatError(error.message);
    throw error;
  }
}
