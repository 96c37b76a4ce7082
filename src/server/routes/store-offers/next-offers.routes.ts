import { errorReplies } from '../../../contract/errors.schema.ts';
import {
  nextOffersParamsSchema,
  nextOffersQuerySchema,
  nextOffersResponseSchema,
} from '../../../contract/next-offers.schema.ts';
import { structuralProblems, type Build } from '../../../core/catalog/build.ts';
import { configurationFromBinary } from '../../../core/configurator/compiled-binary.ts';
import { Configurator } from '../../../core/configurator/configurator.ts';
import { nextOffers } from '../../../core/offers/next-offers.ts';
import { discountAuthority } from '../../../core/profile/authority.ts';
import type { CatalogEntry } from '../../catalogs/registry.ts';
import { optionWeightsOf, similarBuildsOf } from '../../customers/personal.ts';
import { customerPrice, standingOf } from '../../customers/value.ts';
import { notFound, unprocessable } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { findCustomerById } from '../../store/customers.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404, 422);

/**
 * The sales console's next best offers for the build open with a customer: one-slot changes the engine says keep it
 * completable, ranked on the customer's own weights and similar buyers' orders (never the staff member's), priced
 * at the customer's price, each with whether the discount keeping today's total is within the staff member's
 * authority for this customer's tier.
 */
export const nextOfferRoutes: ZodRoutes = async (app, { db, catalogs, compiled, versions, tiers, now }) => {
  // One engine per catalog content (the compiled form is cached already; this keeps its scratch space too).
  const engines = new Map<string, Promise<Configurator>>();
  const engineOf = (entry: CatalogEntry) => {
    let engine = engines.get(entry.hash);
    if (!engine) {
      engine = compiled
        .get(entry)
        .then(({ bytes }) => new Configurator(entry.catalog, configurationFromBinary(entry.catalog, bytes)));
      engine.catch(() => engines.delete(entry.hash));
      engines.set(entry.hash, engine);
    }
    return engine;
  };

  app.get(
    '/store/customers/:customerId/next-offers/:catalogId',
    {
      config: { access: access.staff },
      schema: {
        params: nextOffersParamsSchema,
        querystring: nextOffersQuerySchema,
        response: { 200: nextOffersResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { customerId, catalogId } = request.params;
      const customer = await findCustomerById(db, customerId);
      if (!customer) throw notFound('customer_not_found', `No customer "${customerId}".`);
      const entry = catalogs.get(catalogId);
      if (!entry) throw notFound('catalog_not_found', `No catalog "${catalogId}".`);
      const index = await versions.get(catalogId);
      const build: Build = request.query.b ?? {};
      const problems = structuralProblems(index, build, false);
      if (problems.length > 0)
        throw unprocessable(
          'invalid_build',
          `The build does not fit ${index.catalog.id}@${index.catalog.version}: ${problems.map((p) => p.message).join('; ')}`,
          problems.map((p) => ({
            path: `querystring.b.${p.slot}${p.option ? `.${p.option}` : ''}`,
            message: p.message,
          })),
        );
      const clock = now();
      const [engine, standing, weights, similar] = await Promise.all([
        engineOf(entry),
        standingOf(db, customer, tiers, clock),
        optionWeightsOf(db, versions, customerId, catalogId, clock),
        similarBuildsOf(db, customerId, catalogId),
      ]);
      if (!engine.state(build).consistent)
        throw unprocessable(
          'build_not_completable',
          'No complete build extends these choices; repair them before asking for offers.',
          [{ path: 'querystring.b', message: 'extends to no valid build' }],
        );
      const price = (b: Build) => customerPrice(index, b, customer, standing, tiers, clock).totalCents;
      const authority = discountAuthority(standing.tier.treatment, request.auth?.role ?? '');
      const offers = nextOffers(
        engine,
        build,
        { weights: weights.weights, similar: similar.builds.map((b) => b.selections) },
        price,
        authority,
      );
      return {
        catalogId: index.catalog.id,
        catalogVersion: index.catalog.version,
        currency: index.catalog.currency,
        totalCents: price(build),
        offers: offers.map((o) => ({
          slotId: o.change.slot,
          from: o.change.from,
          to: o.change.to,
          build: o.build,
          priceDeltaCents: o.priceDeltaCents,
          preference: o.preference,
          similarShare: o.similarShare,
          discountPercent: o.discountPercent,
          band: o.band,
        })),
      };
    },
  );
};
