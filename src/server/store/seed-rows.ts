import type { Insertable, Kysely } from 'kysely';
import type { Build, Catalog } from '../../core/catalog/index.ts';
import type { OrderStatus } from '../../core/orders/status.ts';
import type { Price } from '../../core/pricing/price.ts';
import type { PreferenceProfile } from '../../core/profile/preferences.ts';
import type { BuildsTable } from './builds.table.ts';
import { searchTermRows } from './customer-search.repository.ts';
import type { CustomersTable } from './customers.table.ts';
import type { Database } from './database.ts';
import type { InteractionChannel, InteractionsTable } from './interactions.table.ts';
import type { OrdersTable } from './orders.table.ts';
import type { QuotesTable } from './quotes.table.ts';
import type { RecommendationEventsTable } from './recommendation-events.table.ts';
import { seededId, type Rng } from './seed-random.ts';
import type { UsersTable } from './users.table.ts';

type Row<T> = Insertable<T> & { id: string };
// Well under SQLite's 32 766 and PostgreSQL's 65 535 bound parameters per statement.
const CHUNK = 400;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}

/** The demo data as rows in memory, then inserted table by table in batches (one transaction, the caller's). */
export class SeedRows {
  readonly users: Row<UsersTable>[] = [];
  readonly customers: Row<CustomersTable>[] = [];
  readonly builds: Row<BuildsTable>[] = [];
  readonly quotes: Row<QuotesTable>[] = [];
  readonly orders: Row<OrdersTable>[] = [];
  readonly interactions: Row<InteractionsTable>[] = [];
  readonly recommendations: Row<RecommendationEventsTable>[] = [];
  readonly profiles: { customer_id: string; profile: string; updated_at: string }[] = [];
  private readonly rng: Rng;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  user(user: Omit<Row<UsersTable>, 'id'>): Row<UsersTable> {
    const row = { id: seededId(this.rng), ...user };
    this.users.push(row);
    return row;
  }

  customer(customer: Omit<Row<CustomersTable>, 'id'>): Row<CustomersTable> {
    const row = { id: seededId(this.rng), ...customer };
    this.customers.push(row);
    return row;
  }

  interaction(
    customerId: string,
    channel: InteractionChannel,
    actor: string | null,
    kind: string,
    catalog: Catalog | null,
    payload: Record<string, unknown>,
    at: number,
  ): void {
    this.interactions.push({
      id: seededId(this.rng),
      customer_id: customerId,
      channel,
      actor_user_id: actor,
      kind,
      catalog_id: catalog?.id ?? null,
      catalog_version: catalog?.version ?? null,
      payload: JSON.stringify(payload),
      created_at: new Date(at).toISOString(),
    });
  }

  build(
    customerId: string,
    catalog: Catalog,
    name: string,
    build: Build,
    priceCents: number,
    at: number,
  ): string {
    const id = seededId(this.rng);
    const time = new Date(at).toISOString();
    this.builds.push({
      id,
      customer_id: customerId,
      guest_id: null,
      catalog_id: catalog.id,
      catalog_version: catalog.version,
      name,
      selections: JSON.stringify(build),
      price_cents: priceCents,
      created_at: time,
      updated_at: time,
    });
    return id;
  }

  private checkout(customerId: string, catalog: Catalog, build: Build, price: Price, at: number) {
    return {
      id: seededId(this.rng),
      customer_id: customerId,
      build_id: null,
      catalog_id: catalog.id,
      catalog_version: catalog.version,
      selections: JSON.stringify(build),
      lines: JSON.stringify(price.lines),
      currency: price.currency,
      total_cents: price.totalCents,
      created_at: new Date(at).toISOString(),
    };
  }

  quote(customerId: string, catalog: Catalog, build: Build, price: Price, at: number): string {
    const checkout = this.checkout(customerId, catalog, build, price, at);
    const row = {
      ...checkout,
      valid_until: new Date(at + 30 * 86_400_000).toISOString(),
      group_id: checkout.id,
      list_total_cents: checkout.total_cents,
    };
    this.quotes.push(row);
    return row.id;
  }

  order(
    customerId: string,
    channel: InteractionChannel,
    catalog: Catalog,
    build: Build,
    price: Price,
    costCents: number,
    at: number,
    status: OrderStatus,
  ): string {
    const row = {
      ...this.checkout(customerId, catalog, build, price, at),
      channel,
      cost_cents: costCents,
      status,
      status_at: new Date(at).toISOString(),
    };
    this.orders.push(row);
    return row.id;
  }

  recommendation(
    customerId: string,
    event: 'shown' | 'taken',
    catalog: Catalog,
    slotId: string,
    optionId: string,
    source: string,
    at: number,
  ): void {
    this.recommendations.push({
      id: seededId(this.rng),
      customer_id: customerId,
      guest_id: null,
      event,
      catalog_id: catalog.id,
      catalog_version: catalog.version,
      slot_id: slotId,
      option_id: optionId,
      source,
      created_at: new Date(at).toISOString(),
    });
  }

  profile(customerId: string, profile: PreferenceProfile, at: string): void {
    this.profiles.push({ customer_id: customerId, profile: JSON.stringify(profile), updated_at: at });
  }

  async insert(trx: Kysely<Database>): Promise<void> {
    for (const c of chunks(this.users)) await trx.insertInto('users').values(c).execute();
    for (const c of chunks(this.customers)) await trx.insertInto('customers').values(c).execute();
    for (const c of chunks(searchTermRows(this.customers)))
      await trx.insertInto('customer_search_terms').values(c).execute();
    for (const c of chunks(this.builds)) await trx.insertInto('builds').values(c).execute();
    for (const c of chunks(this.quotes)) await trx.insertInto('quotes').values(c).execute();
    for (const c of chunks(this.orders)) await trx.insertInto('orders').values(c).execute();
    for (const c of chunks(this.interactions)) await trx.insertInto('interactions').values(c).execute();
    for (const c of chunks(this.recommendations))
      await trx.insertInto('recommendation_events').values(c).execute();
    for (const c of chunks(this.profiles)) await trx.insertInto('customer_preferences').values(c).execute();
  }

  counts() {
    return {
      users: this.users.length,
      customers: this.customers.length,
      builds: this.builds.length,
      quotes: this.quotes.length,
      orders: this.orders.length,
      interactions: this.interactions.length,
    };
  }
}
