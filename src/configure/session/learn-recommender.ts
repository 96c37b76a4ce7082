import { useQuery } from '@tanstack/react-query';
import { salesResponseSchema } from '../../contract/sales.schema.ts';
import type { Configurator } from '../../core/configurator/configurator.ts';
import { soldBuildsOf } from '../../core/configurator/sold-builds.ts';
import type { Diagram } from '../../core/engine/diagram.ts';
import type { Model } from '../../core/engine/model.ts';
import { learnRecommender, type Recommender } from '../../core/recommend/index.ts';
import type { SoldBuilds } from '../../core/recommend/sales.ts';
import { getJson } from '../../ui/api-client.ts';
import { useQuietMoment } from '../../ui/quiet.ts';

export interface LearnRequest {
  model: Model;
  /** Absent for a catalog held as a d-DNNF: the plain vote ranks (the combiner learns on the diagram). */
  diagram?: Diagram;
  builds: SoldBuilds;
  seed: number;
  steps: number;
}
export type LearnReply = { ok: true; recommender: Recommender } | { ok: false; message: string };

/** Fewer sold builds than this teach nothing worth a mark ("38% of 12 buyers" is noise). */
const MIN_SOLD_BUILDS = 30;
/** Replayed steps the combiner fits on: ~1 s in a worker for the demo PC; the bench uses 10,000. */
export const COMBINER_STEPS = 2000;

function learn(request: LearnRequest): Promise<Recommender> {
  if (typeof Worker === 'undefined')
    return Promise.resolve(
      learnRecommender(request.model, request.builds, {
        diagram: request.diagram,
        seed: request.seed,
        combinerSteps: request.steps,
      }),
    );
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./recommender.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LearnReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.recommender);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the recommender could not start'));
    };
    worker.postMessage(request);
  });
}

/**
 * The population recommender of this catalog version, learned in the browser from the sold configurations the
 * server lists (its orders), once per visit; null while learning, when there are too few sales, or when they could
 * not be read (the page then simply shows no "popular" marks). Asked for at the first quiet moment after the
 * options are shown, so that learning's start and its marks' arrival never meet a shopper's first click.
 */
export function useRecommender(configurator: Configurator): Recommender | null {
  const { id, version } = configurator.catalog;
  const quiet = useQuietMoment();
  const query = useQuery({
    enabled: quiet,
    queryKey: ['recommender', id, version],
    queryFn: async ({ signal }) => {
      const sales = await getJson(
        `/api/catalogs/${encodeURIComponent(id)}/sales`,
        salesResponseSchema,
        signal,
      );
      const { builds } = soldBuildsOf(configurator.compiled, sales.builds);
      if (builds.count < MIN_SOLD_BUILDS) return null;
      return learn({
        model: configurator.compiled.model,
        diagram: configurator.diagram,
        builds,
        seed: 0,
        steps: COMBINER_STEPS,
      });
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  return query.data ?? null;
}
