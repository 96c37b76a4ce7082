/**
 * The C peer of the MDD compiler (bench/probe/mdd-probe.c): building it, and writing what it compiles — a model's
 * tables under a variable order, in the engine's conjunction order (`conjunctionSchedule`), with the engine's
 * computed-table size, so that both compile the same diagram by the same steps. Text, whitespace-separated integers;
 * the format is described in mdd-probe.c.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheBitsFor, conjunctionSchedule } from '../src/core/engine/compile.ts';
import type { Model } from '../src/core/engine/model.ts';

const SOURCE = fileURLToPath(new URL('./probe/mdd-probe.c', import.meta.url));

/** What the peer prints: wall and CPU ms, reachable nodes and non-false edges, conjunction steps, nodes made. */
export interface ProbeResult {
  ms: number;
  cpu_ms: number;
  nodes: number;
  edges: number;
  work: number;
  store: number;
}

/** The peer built with gcc -O2 in `dir`, or undefined when gcc is not there (the caller says so). */
export function buildProbe(dir: string): string | undefined {
  const bin = join(dir, 'mdd-probe');
  try {
    execFileSync('gcc', ['-O2', '-o', bin, SOURCE], { stdio: ['ignore', 'ignore', 'inherit'] });
    return bin;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return undefined;
  }
}

/** Runs the peer `bin` on an export written by {@link exportForProbe}. */
export function runProbe(bin: string, exported: string): ProbeResult {
  return JSON.parse(execFileSync(bin, [exported], { encoding: 'utf8' })) as ProbeResult;
}

/** Writes the export of `model` under `order` (position → variable) to `file`. */
export function exportForProbe(model: Model, order: readonly number[], file: string): void {
  const levelOf = new Int32Array(order.length);
  order.forEach((x, l) => (levelOf[x] = l));
  const schedule = conjunctionSchedule(model, order);
  const out: string[] = [
    'mdd-probe 1',
    `${order.length} ${cacheBitsFor(model)}`,
    order.map((x) => (model.variables[x] as { values: readonly string[] }).values.length).join(' '),
    String(schedule.length),
  ];
  for (const i of schedule) {
    const c = model.constraints[i] as Model['constraints'][number];
    const arity = c.scope.length;
    const rows = arity === 0 ? 0 : c.rows.length / arity;
    out.push(`${arity} ${rows}`, c.scope.map((x) => levelOf[x] as number).join(' '));
    for (let r = 0; r < rows; r++) out.push(c.rows.subarray(r * arity, (r + 1) * arity).join(' '));
  }
  writeFileSync(file, out.join('\n') + '\n');
}
