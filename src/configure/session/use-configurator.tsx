import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../core/catalog/index.ts';
import { configurationFromBinary } from '../../core/configurator/compiled-binary.ts';
import { Configurator } from '../../core/configurator/configurator.ts';
import type { CompiledSource } from '../host.ts';
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
 * The configurator from the compiled form where there is one: reading it takes milliseconds on the page's thread
 * where compiling the PC takes seconds in a worker (worker start-up included). Bytes that cannot be fetched or are
 * refused (damaged, another catalog version or engine) cost only the fallback to compiling.
 */
async function load(catalog: Catalog, compiled: CompiledSource | undefined): Promise<Configurator> {
  if (compiled) {
    try {
      return new Configurator(catalog, configurationFromBinary(catalog, await compiled(catalog.id)));
    } catch (error) {
      console.warn(`the compiled form of ${catalog.id} cannot be used; compiling it here`, error);
    }
  }
  return compile(catalog);
}

/**
 * The catalog's configurator, made once per catalog version and kept for the visit (the configure and review
 * pages share it).
 */
export function useConfigurator(catalog: Catalog, compiled?: CompiledSource) {
  return useQuery({
    queryKey: ['configurator', catalog.id, catalog.version],
    queryFn: () => load(catalog, compiled),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/** Renders `children` with the catalog's configurator once made; a progress status until then, or why not. */
export function WithConfigurator({
  catalog,
  compiled,
  children,
}: {
  catalog: Catalog;
  compiled?: CompiledSource;
  children: (configurator: Configurator) => ReactNode;
}) {
  const engine = useConfigurator(catalog, compiled);
  const { t } = useTranslation();
  if (engine.error)
    return (
      <div role="alert" className="notice notice-error">
        {t('configure.engineFailed', { reason: engine.error.message })}
      </div>
    );
  if (!engine.data) return <Preparing />;
  return children(engine.data);
}

export function Preparing() {
  const { t } = useTranslation();
  return (
    <div role="progressbar" aria-label={t('configure.preparing')} className="notice preparing">
      {t('configure.preparing')}
    </div>
  );
}
