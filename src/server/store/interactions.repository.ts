import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { newId, nowIso, type WithDefaults } from './ids.ts';
import type { InteractionChannel, InteractionRow, NewInteraction } from './interactions.table.ts';

const APPEND_CHUNK = 400;

export type InteractionPayload = Record<string, unknown>;
export type Interaction = Omit<InteractionRow, 'payload'> & { payload: InteractionPayload };
export type NewInteractionInput = WithDefaults<Omit<NewInteraction, 'payload'>, 'id' | 'created_at'> & {
  payload: InteractionPayload;
};

function fromRow(row: InteractionRow): Interaction {
  return { ...row, payload: JSON.parse(row.payload) as InteractionPayload };
}

/** The log is append-only: this module deliberately has no update or delete. */
export async function appendInteraction(
  db: Kysely<Database>,
  interaction: NewInteractionInput,
): Promise<Interaction> {
  const row = await db
    .insertInto('interactions')
    .values({
      id: newId(),
      created_at: nowIso(),
      ...interaction,
      payload: JSON.stringify(interaction.payload),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

/** Appends several entries, 400 to a statement (well under SQLite's and PostgreSQL's bound parameter limits). */
export async function appendInteractions(
  db: Kysely<Database>,
  interactions: readonly NewInteractionInput[],
): Promise<void> {
  const now = nowIso();
  for (let i = 0; i < interactions.length; i += APPEND_CHUNK)
    await db
      .insertInto('interactions')
      .values(
        interactions
          .slice(i, i + APPEND_CHUNK)
          .map((x) => ({ id: newId(), created_at: now, ...x, payload: JSON.stringify(x.payload) })),
      )
      .execute();
}

export interface TimelineEntry extends Interaction {
  actor: { id: string; name: string; role: string } | null;
}

/** Cursor of an entry: its time and id, so pages stay stable while new entries arrive. */
export function timelineCursor(entry: Pick<Interaction, 'created_at' | 'id'>): string {
  return Buffer.from(`${entry.created_at}|${entry.id}`).toString('base64url');
}

function parseCursor(cursor: string): { at: string; id: string } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  return at && id && !Number.isNaN(Date.parse(at)) ? { at, id } : undefined;
}

/**
 * One page of a customer's timeline (of one channel, if given), newest first, with the actor's name. Kinds starting
 * with one of `hiddenKindPrefixes` are left out in the query, so a page stays full (the customer's own view).
 */
export async function timelinePage(
  db: Kysely<Database>,
  customerId: string,
  {
    limit,
    before,
    channel,
    hiddenKindPrefixes = [],
  }: {
    limit: number;
    before?: string | undefined;
    channel?: InteractionChannel | undefined;
    hiddenKindPrefixes?: readonly string[];
  },
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const cursor = before ? parseCursor(before) : undefined;
  let query = db
    .selectFrom('interactions')
    .leftJoin('users', 'users.id', 'interactions.actor_user_id')
    .selectAll('interactions')
    .select(['users.name as actor_name', 'users.role as actor_role'])
    .where('interactions.customer_id', '=', customerId);
  if (channel) query = query.where('interactions.channel', '=', channel);
  // The prefixes are the code's own constants (no LIKE wildcards in them).
  for (const prefix of hiddenKindPrefixes) query = query.where('interactions.kind', 'not like', `${prefix}%`);
  if (cursor)
    query = query.where((eb) =>
      eb.or([
        eb('interactions.created_at', '<', cursor.at),
        eb.and([eb('interactions.created_at', '=', cursor.at), eb('interactions.id', '<', cursor.id)]),
      ]),
    );
  const rows = await query
    .orderBy('interactions.created_at', 'desc')
    .orderBy('interactions.id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(({ actor_name, actor_role, ...row }) => ({
    ...fromRow(row),
    actor:
      row.actor_user_id && actor_name && actor_role
        ? { id: row.actor_user_id, name: actor_name, role: actor_role }
        : null,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? timelineCursor(last) : null };
}

/** How many staff contacts a customer had, per channel (their cost to serve). */
export type ContactCounts = { web: number; store: number; phone: number };

/** Each customer's contact counts (zeros for one with none), in one query however many customers. */
export async function countContactsOfCustomers(
  db: Kysely<Database>,
  customerIds: readonly string[],
): Promise<Map<string, ContactCounts>> {
  const counts = new Map(customerIds.map((id) => [id, { web: 0, store: 0, phone: 0 }]));
  if (customerIds.length === 0) return counts;
  const rows = await db
    .selectFrom('interactions')
    .select(['customer_id', 'channel', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('customer_id', 'in', customerIds)
    .where('kind', 'in', ['store.visit', 'call'])
    .groupBy(['customer_id', 'channel'])
    .execute();
  for (const row of rows) {
    const of = counts.get(row.customer_id);
    if (of) of[row.channel] = Number(row.n);
  }
  return counts;
}

/** A customer's timeline, newest first. */
export async function listInteractionsOfCustomer(
  db: Kysely<Database>,
  customerId: string,
  { limit = 100 } = {},
): Promise<Interaction[]> {
  const rows = await db
    .selectFrom('interactions')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}
