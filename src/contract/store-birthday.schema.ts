import { z } from 'zod';
import { isoDateSchema } from './auth.schema.ts';

/** Staff confirm a customer's birthday in the store (seen on an ID): it may correct the one on record. */
export const confirmBirthdayBodySchema = z.strictObject({ birthday: isoDateSchema });
export type ConfirmBirthdayBody = z.input<typeof confirmBirthdayBodySchema>;
