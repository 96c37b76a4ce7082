/**
 * Writes what the C peer (bench/probe/mdd-probe.c) compiles: a model's tables under a variable order, in the
 * engine's conjunction order (`conjunctionSchedule`), with the engine's computed-table size, so that both compile the
 * same diagram by the same steps. Text, whitespace-separated integers; the format is described in mdd-probe.c.
 */
import { writeFileSync } from 'node:fs';
import { cacheBitsFor, conjunctionSchedule } from '../src/core/engine/compile.ts';
import type { Model } from '../src/core/engine/model.ts';

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
