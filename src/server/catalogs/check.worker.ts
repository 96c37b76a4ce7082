import { parentPort, workerData } from 'node:worker_threads';
import { checkCatalog, type Finding } from '../../core/catalog-check/index.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import { compileCatalog } from '../../core/configurator/compile-catalog.ts';
import { compileModel } from '../../core/engine/compile.ts';
import { exactCount } from '../../core/engine/count.ts';

/** A checked catalog's findings and exact count of valid builds (a decimal string), or why it could not be checked. */
export type CheckThreadReply =
  { ok: true; findings: Finding[]; buildCount: string } | { ok: false; message: string };

/** The anomaly checks take about a second and a half on the PC catalog (redundancy recompiles once per rule). */
function reply(catalog: Catalog): CheckThreadReply {
  try {
    const cm = compileCatalog(catalog);
    const diagram = compileModel(cm.model, { order: cm.order });
    const buildCount = exactCount(diagram).toString();
    return { ok: true, findings: checkCatalog(catalog, undefined, { diagram }), buildCount };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.postMessage(reply(workerData as Catalog));
