/**
 * The C peer of bench:engine-big (bench/probe/mdd-probe.c) is a fair peer only if it compiles the diagram the engine
 * compiles: on random small models, under the engine's order and both directions of it, same node and edge counts.
 * Skipped where gcc is absent (the bench then skips the peer too).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProbe, exportForProbe, runProbe } from '../../bench/mdd-probe.ts';
import { compileModel } from '../../src/core/engine/compile.ts';
import { edgeCount, nodeCount } from '../../src/core/engine/diagram.ts';
import { smallModel } from './brute-force.ts';

const dir = mkdtempSync(join(tmpdir(), 'mdd-probe-test-'));
const bin = buildProbe(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(bin === undefined)('mdd-probe (C peer of the MDD compiler)', () => {
  it('compiles the diagram the engine compiles, under the same order', () => {
    const exported = join(dir, 'model.txt');
    fc.assert(
      fc.property(smallModel, fc.boolean(), (model, reversed) => {
        const chosen = Array.from(compileModel(model).order);
        const order = reversed ? chosen.reverse() : chosen;
        const d = compileModel(model, { order });
        exportForProbe(model, order, exported);
        const probe = runProbe(bin as string, exported);
        expect([probe.nodes, probe.edges]).toEqual([nodeCount(d), edgeCount(d)]);
      }),
      { numRuns: 60 },
    );
  });
});
