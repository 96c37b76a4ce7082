import type { Kysely } from 'kysely';
import { buildSelectionsSchema } from '../../contract/builds.schema.ts';
import type { PopularityResponse } from '../../contract/catalog-admin.schema.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import type { Database } from '../store/database.ts';

type Counts = PopularityResponse['options'][number];

/**
 * Per option of a catalog: the orders and live sessions holding it, and how often it was recommended and then taken
 * (issue 18 §9). Recommendation marks are counted in SQL (`recommendation_events` has one row per mark shown or
 * taken, with its slot and option: a GROUP BY that SQLite and PostgreSQL run alike). Orders and sessions keep their
 * build as a JSON text, which the two databases unpack differently (json_each vs jsonb functions), so their
 * selections are read in one pass in JS: only that column, one row per order or session of the catalog.
 * Options of older versions that appear in the data are listed after the catalog's own.
 */
export async function optionPopularity(db: Kysely<Database>, catalog: Catalog): Promise<PopularityResponse> {
  const byKey = new Map<string, Counts>();
  const entry = (slotId: string, optionId: string): Counts => {
    const key = `${slotId}/${optionId}`;
    let counts = byKey.get(key);
    if (!counts) {
      counts = { slotId, optionId, orders: 0, sessions: 0, recommended: 0, taken: 0 };
      byKey.set(key, counts);
    }
    return counts;
  };
  for (const slot of catalog.slots) for (const option of slot.options) entry(slot.id, option.id);

  const orders = await db
    .selectFrom('orders')
    .select('selections')
    .where('catalog_id', '=', catalog.id)
    .execute();
  for (const row of orders) {
    const build = buildSelectionsSchema.safeParse(JSON.parse(row.selections));
    if (build.success)
      for (const [slot, chosen] of Object.entries(build.data))
        for (const option of Object.keys(chosen)) entry(slot, option).orders++;
  }
  const sessions = await db
    .selectFrom('config_sessions')
    .select('snapshot')
    .where('catalog_id', '=', catalog.id)
    .execute();
  for (const row of sessions) {
    const choices = (JSON.parse(row.snapshot) as { context?: { choices?: unknown } }).context?.choices;
    const build = buildSelectionsSchema.safeParse(choices);
    if (build.success)
      for (const [slot, chosen] of Object.entries(build.data))
        for (const option of Object.keys(chosen)) entry(slot, option).sessions++;
  }
  const marks = await db
    .selectFrom('recommendation_events')
    .select(['slot_id', 'option_id', 'event', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('catalog_id', '=', catalog.id)
    .groupBy(['slot_id', 'option_id', 'event'])
    .execute();
  for (const m of marks) {
    const counts = entry(m.slot_id, m.option_id);
    if (m.event === 'shown') counts.recommended += Number(m.n);
    else counts.taken += Number(m.n);
  }
  return {
    catalogId: catalog.id,
    totals: { orders: orders.length, sessions: sessions.length },
    options: [...byKey.values()],
  };
}
