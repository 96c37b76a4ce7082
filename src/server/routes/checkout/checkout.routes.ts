import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { BuildSelections } from '../../../contract/builds.schema.ts';
import { errorReplies } from '../../../contract/errors.schema.ts';
import {
  checkoutBodySchema,
  checkoutListSchema,
  checkoutResponseSchema,
  priceBodySchema,
  priceResponseSchema,
} from '../../../contract/orders.schema.ts';
import { structuralProblems, type CatalogIndex } from '../../../core/catalog/build.ts';
import { violations } from '../../../core/catalog/evaluate.ts';
import type { QuotedPrice } from '../../../core/profile/discounts.ts';
import { ORDER_WEIGHT } from '../../../core/profile/preferences.ts';
import { learnFromChoices } from '../../customers/learning.ts';
import { claimQuoteForOrder } from '../../quotes/claim-quote.ts';
import { checkoutResponse } from '../../customers/present.ts';
import { customerPrice, standingOf } from '../../customers/value.ts';
import { buildCostCents } from '../../../core/profile/value.ts';
import { priceBuild } from '../../../core/pricing/price.ts';
import { HttpError, notFound, unprocessable } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { customerIdOf } from '../../plugins/auth.ts';
import { findOwnBuild } from '../../store/builds.repository.ts';
import {
  insertOrders,
  insertQuote,
  listOrdersOfCustomer,
  listQuotesOfCustomer,
  type Checkout,
} from '../../store/checkouts.repository.ts';
import { findCustomerById } from '../../store/customers.repository.ts';
import type { Database } from '../../store/database.ts';
import { newId } from '../../store/ids.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import { nextTurn } from '../../store/loop-turns.ts';
import type { RouteDeps, ZodRoutes } from '../route-deps.ts';

const QUOTE_VALID_DAYS = 30;
const errors = errorReplies(400, 401, 403, 404, 409, 422);

export interface Checked {
  customerId: string;
  buildId: string | null;
  index: CatalogIndex;
  selections: BuildSelections;
  price: QuotedPrice;
}

/**
 * A quote, an order or a price needs a build that fits its catalog version: structurally complete and breaking no
 * rule. @throws 422 invalid_build / build_breaks_rules, naming each slot or rule.
 */
function assertBuildable(index: CatalogIndex, selections: BuildSelections): void {
  const where = `${index.catalog.id}@${index.catalog.version}`;

  const problems = structuralProblems(index, selections, true);
  if (problems.length > 0)
    throw unprocessable(
      'invalid_build',
      `The build does not fit ${where}: ${problems.map((p) => `${p.slot}${p.option ? `/${p.option}` : ''}: ${p.message}`).join('; ')}`,
      problems.map((p) => ({
        path: `selections.${p.slot}${p.option ? `.${p.option}` : ''}`,
        message: p.message,
      })),
    );
  const broken = violations(index, selections);
  if (broken.length > 0)
    throw unprocessable(
      'build_breaks_rules',
      `The build breaks ${where} rules: ${broken.map((v) => `${v.rule}: ${v.message}`).join('; ')}`,
      broken.map((v) => ({ path: `rules.${v.rule}`, message: v.message })),
    );
}

/** The customer's price: the catalog price with their tier's offers and birthday-month discount. */
async function priceFor(
  db: Kysely<Database>,
  deps: Pick<RouteDeps, 'tiers'>,
  customerId: string,
  index: CatalogIndex,
  selections: BuildSelections,
  now: Date,
): Promise<QuotedPrice> {
  const customer = await findCustomerById(db, customerId);
  if (!customer) throw notFound('customer_not_found', 'Your customer record is missing.');
  const standing = await standingOf(db, customer, deps.tiers, now);
  return customerPrice(index, selections, customer, standing, deps.tiers, now);
}

/**
 * New quotes and orders only on the live version (issue 18 §6): an older one's prices and rules are no longer on
 * offer. A saved build or session on it still opens there, with the offer to move (the client's migration report).
 * @throws 409 catalog_version_not_live, naming the live version (details.liveVersion).
 */
function assertLive(catalogs: RouteDeps['catalogs'], index: CatalogIndex): void {
  const { id, version } = index.catalog;
  const live = catalogs.get(id)?.catalog.version;
  if (live === undefined || live === version) return;
  throw new HttpError(
    409,
    'catalog_version_not_live',
    `This build was made on ${id} version ${version}; orders and quotes are taken on the live version ${live} ` +
      'only. Open the build to move it to the live version. Nothing was stored.',
    undefined,
    { catalogVersion: version, liveVersion: live },
  );
}

/**
 * Everything a quote or order must pass, before anything is written: the build is the customer's own, its catalog
 * version is known and live (unless `anyVersion`: an order from a quote still valid, which keeps its version), it is
 * complete and breaks no rule, and the price the customer saw is the server's price.
 * @throws 404 build_not_found / catalog_version_not_found, 409 catalog_version_not_live, 422 invalid_build /
 * build_breaks_rules, 409 price_changed.
 */
export async function check(
  db: Kysely<Database>,
  deps: Pick<RouteDeps, 'versions' | 'tiers' | 'catalogs'>,
  customerId: string,
  body: z.output<typeof checkoutBodySchema>,
  now: Date,
  { anyVersion = false }: { anyVersion?: boolean } = {},
): Promise<Checked> {
  let source: {
    buildId: string | null;
    catalogId: string;
    catalogVersion?: string;
    selections: BuildSelections;
  };
  if (body.buildId !== undefined) {
    const build = await findOwnBuild(db, { customerId }, body.buildId);
    // Another customer's build answers exactly like a missing one.
    if (!build) throw notFound('build_not_found', `No saved build "${body.buildId}".`);
    source = {
      buildId: build.id,
      catalogId: build.catalog_id,
      catalogVersion: build.catalog_version,
      selections: build.selections,
    };
  } else {
    source = {
      buildId: null,
      catalogId: body.catalogId ?? '',
      ...(body.catalogVersion ? { catalogVersion: body.catalogVersion } : {}),
      selections: body.selections ?? {},
    };
  }
  const index = await deps.versions.get(source.catalogId, source.catalogVersion);
  if (!anyVersion) assertLive(deps.catalogs, index);
  assertBuildable(index, source.selections);

  const price = await priceFor(db, deps, customerId, index, source.selections, now);
  if (body.expectedTotalCents !== undefined && body.expectedTotalCents !== price.totalCents)
    throw new HttpError(
      409,
      'price_changed',
      `The price changed: you saw ${body.expectedTotalCents / 100} ${price.currency}, it is now ` +
        `${price.totalCents / 100} ${price.currency}. Nothing was stored; confirm the new price to continue.`,
      undefined,
      { expectedTotalCents: body.expectedTotalCents, totalCents: price.totalCents, currency: price.currency },
    );
  return { customerId, buildId: source.buildId, index, selections: source.selections, price };
}

export function checkoutOf(c: Checked, at: string): Checkout {
  return {
    id: newId(),
    customerId: c.customerId,
    buildId: c.buildId,
    catalogId: c.index.catalog.id,
    catalogVersion: c.index.catalog.version,
    selections: c.selections,
    lines: c.price.lines,
    currency: c.price.currency,
    totalCents: c.price.totalCents,
    createdAt: at,
  };
}

/**
 * Stores an order of a checked build with its interaction, and learns from it (an order is the strongest evidence of
 * what the customer likes), in one transaction: the website's orders and the store's on the customer's behalf.
 * @param by where it was placed and who placed it (the customer online, or the staff member in the store), and
 * the quote revision it was placed from (one order per revision: a second is 409 quote_already_ordered).
 */
export async function placeOrder(
  db: Kysely<Database>,
  { dialect, versions }: Pick<RouteDeps, 'dialect' | 'versions'>,
  checked: Checked,
  by: { at: string; channel: 'web' | 'store'; actorUserId: string | null; quoteId?: string },
) {
  const { at, quoteId = null } = by;
  const order = {
    ...checkoutOf(checked, at),
    channel: by.channel,
    costCents: buildCostCents(checked.index, checked.selections),
    quoteId,
    status: 'placed' as const,
  };
  await db.transaction().execute(async (trx) => {
    if (quoteId !== null) await claimQuoteForOrder(trx, dialect, quoteId);
    await insertOrders(trx, [order]);
    await appendInteraction(trx, {
      customer_id: order.customerId,
      channel: by.channel,
      actor_user_id: by.actorUserId,
      kind: 'order.placed',
      catalog_id: order.catalogId,
      catalog_version: order.catalogVersion,
      payload: {
        orderId: order.id,
        buildId: order.buildId,
        totalCents: order.totalCents,
        ...(quoteId !== null ? { quoteId } : {}),
      },
      created_at: at,
    });
    const choices = Object.entries(order.selections).flatMap(([slotId, options]) =>
      Object.keys(options).map((optionId) => ({
        catalogId: order.catalogId,
        catalogVersion: order.catalogVersion,
        slotId,
        optionId,
        at,
        weight: ORDER_WEIGHT,
      })),
    );
    await learnFromChoices(trx, dialect, versions, order.customerId, choices);
  });
  return order;
}

/** Quotes and orders: re-validated against the build's own catalog version and re-priced for this customer. */
export const checkoutRoutes: ZodRoutes = async (app, deps) => {
  const { db, versions, now } = deps;

  // The price the review page shows, so that a quote or order at that price goes through: guests and staff get the
  // catalog price, customers theirs.
  app.post(
    '/prices',
    {
      config: { access: access.anyone },
      schema: { body: priceBodySchema, response: { 200: priceResponseSchema, ...errors } },
    },
    async (request) => {
      // Asked on every change of the configurator; all SQLite and CPU, so it takes turns (store/loop-turns.ts).
      if (deps.dialect === 'sqlite') await nextTurn();
      const { catalogId, catalogVersion, selections } = request.body;
      const index = await versions.get(catalogId, catalogVersion);
      assertBuildable(index, selections);
      const customerId = request.auth?.role === 'customer' ? request.auth.customerId : null;
      const price = customerId
        ? await priceFor(db, deps, customerId, index, selections, now())
        : priceBuild(index, selections);
      return { catalogId: index.catalog.id, catalogVersion: index.catalog.version, ...price };
    },
  );

  app.post(
    '/quotes',
    {
      config: { access: access.customer },
      schema: { body: checkoutBodySchema, response: { 201: checkoutResponseSchema, ...errors } },
    },
    async (request, reply) => {
      const clock = now();
      const checked = await check(db, deps, customerIdOf(request), request.body, clock);
      const at = clock.toISOString();
      const quote = {
        ...checkoutOf(checked, at),
        validUntil: new Date(clock.getTime() + QUOTE_VALID_DAYS * 86_400_000).toISOString(),
      };
      await db.transaction().execute(async (trx) => {
        await insertQuote(trx, quote);
        await appendInteraction(trx, {
          customer_id: quote.customerId,
          channel: 'web',
          actor_user_id: request.auth?.userId ?? null,
          kind: 'quote.requested',
          catalog_id: quote.catalogId,
          catalog_version: quote.catalogVersion,
          payload: { quoteId: quote.id, buildId: quote.buildId, totalCents: quote.totalCents },
          created_at: at,
        });
      });
      return reply.code(201).send(checkoutResponse(quote));
    },
  );

  app.post(
    '/orders',
    {
      config: { access: access.customer },
      schema: { body: checkoutBodySchema, response: { 201: checkoutResponseSchema, ...errors } },
    },
    async (request, reply) => {
      const clock = now();
      const checked = await check(db, deps, customerIdOf(request), request.body, clock);
      const order = await placeOrder(db, deps, checked, {
        at: clock.toISOString(),
        channel: 'web',
        actorUserId: request.auth?.userId ?? null,
      });
      return reply.code(201).send(checkoutResponse(order));
    },
  );

  app.get(
    '/quotes',
    { config: { access: access.customer }, schema: { response: { 200: checkoutListSchema, ...errors } } },
    async (request) => (await listQuotesOfCustomer(db, customerIdOf(request))).map(checkoutResponse),
  );

  app.get(
    '/orders',
    { config: { access: access.customer }, schema: { response: { 200: checkoutListSchema, ...errors } } },
    async (request) => (await listOrdersOfCustomer(db, customerIdOf(request))).map(checkoutResponse),
  );
};
