import { useQuery } from '@tanstack/react-query';
import type { Catalog } from '../../core/catalog/index.ts';
import { Configurator } from '../../core/configurator/configurator.ts';
import type { CompileReply } from './compile-reply.ts';

/** Compiles in a Web Worker where there is one (browsers), on the spot elsewhere (component tests in jsdom). */
function compile(catalog: Catalog): Promise<Configurator> {
  if (typeof Worker === 'undefined') return Promise.resolve(new Configurator(catalog));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<CompileReply>) => {
      worker.terminate();
      const reply = event.data;
      // The worker's copy of the catalog is the one the compiled indexes point into.
      if (reply.ok) resolve(new Configurator(reply.compiled.compiled.catalog, reply.compiled));
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the engine could not start'));
    };
    worker.postMessage(catalog);
  });
}

/**
 * The catalog's configurator, compiled once per catalog version and kept for the visit (the configure and review
 * pages share it).
 */
export function useConfigurator(catalog: Catalog) {
  return useQuery({
    queryKey: ['configurator', catalog.id, catalog.version],
    queryFn: () => compile(catalog),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}
