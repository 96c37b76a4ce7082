import { parentPort, workerData } from 'node:worker_threads';
import { checkCatalog, type Finding } from '../../core/catalog-check/index.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import { compileConfiguration, type ConfigurationOptions } from '../../core/configurator/configurator.ts';
import { count, type CompiledForm } from '../../core/engine/compiled-form.ts';

/** What the check thread is given: the catalog and the engine's options (which bound picks the form). */
export interface CheckThreadData {
  catalog: Catalog;
  options: ConfigurationOptions;
}

/** A checked catalog's findings and exact count of valid builds (a decimal string), or why it could not be checked. */
export type CheckThreadReply =
  | { ok: true; findings: Finding[]; buildCount: string; form: CompiledForm['form'] }
  | { ok: false; message: string };

/**
 * The anomaly checks take about a second and a half on the PC catalog (redundancy recompiles once per rule). The
 * catalog is compiled as the server serves it: past the options' bound, as a d-DNNF.
 */
function reply({ catalog, options }: CheckThreadData): CheckThreadReply {
  try {
    const configuration = compileConfiguration(catalog, options);
    const buildCount = count(configuration.form).toString();
    const findings = checkCatalog(catalog, undefined, { configuration });
    return { ok: true, findings, buildCount, form: configuration.form.form };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.postMessage(reply(workerData as CheckThreadData));
