import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { newId, nowIso, type WithDefaults } from './ids.ts';
import type { InteractionRow, NewInteraction } from './interactions.table.ts';

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
