/**
 * A decision-DNNF form ({@link DnnfForm}) as bytes, the counterpart of the MDD's diagram-binary.ts: a server
 * compiles a catalog once, whichever form holds it, and browsers read the result.
 *
 * As there, the model is not in the bytes: the reader rebuilds it and the bytes carry its fingerprint and a key (a
 * catalog's id and version), so a circuit is never read against another model. The one-hot map of a multi-valued
 * model is a function of the model, rebuilt too. Compact without a codec: a node's kind is one byte; a literal's or
 * decision's label a varint; an AND's degree a varint (a decision has two children, a literal none); a child is
 * stored as its distance below its parent (children precede parents), mostly small numbers of one or two bytes.
 *
 * Layout, format 1: bytes 0–3 "DNNB"; 4–5 the format (u16 LE); 6–7 zero; 8–15 `hash64` of the bytes from 16 on;
 * then varints: the key (UTF-8, length first), the model's fingerprint (two u32), why the d-DNNF was chosen (0 the
 * MDD's bound, 1 the model's size, 2 forced), the circuit's variables, nodes, edges, root; kind per node; label per literal and
 * decision node; degree per AND node; per node, its children as distances.
 */
import { ByteFormatError, ByteReader, ByteWriter, hasTag, openSeal, seal, type Seal } from '../bytes.ts';
import type { DnnfForm, DnnfReason } from '../compiled-form.ts';
import { DiagramFormatError, modelFingerprint } from '../diagram-binary.ts';
import { valueOffsets } from '../domains.ts';
import { isBoolean } from './one-hot.ts';
import type { Model } from '../model.ts';
import {
  FALSE_NODE,
  KIND_AND,
  KIND_DECISION,
  KIND_FALSE,
  KIND_LITERAL,
  KIND_TRUE,
  TRUE_NODE,
  type Circuit,
} from './circuit.ts';

export const CIRCUIT_FORMAT = 1;
const SEAL: Seal = { tag: 'DNNB', format: CIRCUIT_FORMAT, what: 'compiled circuit' };
const REASONS: readonly DnnfReason[] = ['mdd-limit', 'large-boolean', 'forced'];

/**
 * Bytes that are not a circuit of this format, this model and this key; the message says which check failed. A
 * {@link DiagramFormatError}, so that callers refuse either form's bytes with one check.
 */
export class CircuitFormatError extends DiagramFormatError {
  override readonly name: string = 'CircuitFormatError';
}

const fail = (message: string): never => {
  throw new CircuitFormatError(message);
};

/**
 * Writes the form with a `key` saying what it was compiled from.
 * Pre: `form.circuit` came from compileDnnf (children before parents). Post: {@link decodeCircuit} of the result
 * with `form.model` and `key` gives back equal arrays, root and reason.
 */
export function encodeCircuit(form: DnnfForm, key: string): Uint8Array {
  const c = form.circuit;
  const nodes = c.kind.length;
  const w = new ByteWriter();
  w.text(key);
  const [f1, f2] = modelFingerprint(form.model);
  w.varint(f1);
  w.varint(f2);
  w.varint(REASONS.indexOf(form.reason));
  w.varint(c.variables);
  w.varint(nodes);
  w.varint(c.children.length);
  w.varint(c.root);
  for (let k = 0; k < nodes; k++) w.varint(c.kind[k] as number);
  for (let k = 0; k < nodes; k++) {
    const kind = c.kind[k];
    if (kind === KIND_LITERAL || kind === KIND_DECISION) w.varint(c.label[k] as number);
  }
  for (let k = 0; k < nodes; k++)
    if (c.kind[k] === KIND_AND) w.varint((c.childStart[k + 1] as number) - (c.childStart[k] as number));
  for (let k = 0; k < nodes; k++)
    for (let e = c.childStart[k] as number; e < (c.childStart[k + 1] as number); e++)
      w.varint(k - (c.children[e] as number));
  return seal(SEAL, w.result());
}

/** Whether the bytes start as a circuit does (the compiled route serves either form). */
export const isCircuitBytes = (bytes: Uint8Array): boolean => hasTag(SEAL, bytes);

function readBody(r: ByteReader, model: Model, key: string): DnnfForm {
  const found = r.text();
  if (found !== key) fail(`compiled for "${found}", not "${key}"`);
  const [f1, f2] = modelFingerprint(model);
  if (r.varint() !== f1 || r.varint() !== f2) fail(`compiled from another model than "${key}"'s`);
  const reason = REASONS[r.varint()] ?? fail('unknown reason for the d-DNNF');
  const oneHot = isBoolean(model) ? undefined : { valueOffset: valueOffsets(model) };
  const expected = oneHot ? (oneHot.valueOffset[model.variables.length] as number) : model.variables.length;
  const variables = r.varint();
  if (variables !== expected) fail(`${variables} circuit variables for a model that needs ${expected}`);
  const nodes = r.varint();
  const edges = r.varint();
  const root = r.varint();
  // Every node takes at least a byte (its kind), every edge one: a count beyond that is not worth allocating.
  if (nodes > r.remaining || edges > r.remaining)
    fail(`${nodes} nodes and ${edges} edges in ${r.remaining} bytes`);
  if (nodes < 2) fail(`${nodes} nodes: the two constants are missing`);
  if (root >= nodes) fail(`root ${root} for ${nodes} nodes`);
  const kind = new Uint8Array(nodes);
  for (let k = 0; k < nodes; k++) {
    const v = r.varint();
    const constant = k === FALSE_NODE ? KIND_FALSE : k === TRUE_NODE ? KIND_TRUE : -1;
    if (constant >= 0 ? v !== constant : v !== KIND_LITERAL && v !== KIND_AND && v !== KIND_DECISION)
      fail(`node ${k} has kind ${v}`);
    kind[k] = v;
  }
  const label = new Int32Array(nodes).fill(-1);
  for (let k = 0; k < nodes; k++) {
    if (kind[k] === KIND_LITERAL) {
      const l = r.varint();
      if (l >= 2 * variables) fail(`node ${k} is literal ${l} of ${variables} variables`);
      label[k] = l;
    } else if (kind[k] === KIND_DECISION) {
      const x = r.varint();
      if (x >= variables) fail(`node ${k} decides variable ${x} of ${variables}`);
      label[k] = x;
    }
  }
  const childStart = new Int32Array(nodes + 1);
  let e = 0;
  for (let k = 0; k < nodes; k++) {
    childStart[k] = e;
    const degree = kind[k] === KIND_DECISION ? 2 : kind[k] === KIND_AND ? r.varint() : 0;
    if (kind[k] === KIND_AND && degree < 2) fail(`AND node ${k} has ${degree} children`);
    e += degree;
    if (e > edges) fail(`more than ${edges} edges`);
  }
  if (e !== edges) fail(`the nodes hold ${e} of ${edges} edges`);
  childStart[nodes] = edges;
  const children = new Int32Array(edges);
  for (let k = 0; k < nodes; k++)
    for (e = childStart[k] as number; e < (childStart[k + 1] as number); e++) {
      const distance = r.varint();
      if (distance < 1 || distance > k)
        fail(`node ${k} has a child ${distance} below it, not among its elders`);
      children[e] = k - distance;
    }
  if (r.remaining !== 0) fail(`${r.remaining} bytes after the circuit`);
  const circuit: Circuit = { variables, kind, label, childStart, children, root };
  return oneHot ? { form: 'dnnf', model, circuit, oneHot, reason } : { form: 'dnnf', model, circuit, reason };
}

/**
 * Reads a form written by {@link encodeCircuit} for `model` under `key`.
 * Pre: none: any bytes may come. Post: a circuit whose structure the queries can rely on (kinds, labels and children
 * in range, children before their parents, the two constants first, no bytes left over) and whose bytes were
 * written as they are for this model and key (checksum, fingerprint); otherwise {@link CircuitFormatError} saying
 * which check failed. Decomposability and smoothness are not re-checked: the checksum tells accidents apart.
 */
export function decodeCircuit(bytes: Uint8Array, model: Model, key: string): DnnfForm {
  try {
    return readBody(openSeal(SEAL, bytes), model, key);
  } catch (error) {
    if (error instanceof ByteFormatError) throw new CircuitFormatError(error.message);
    throw error;
  }
}
