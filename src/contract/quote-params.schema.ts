import { z } from 'zod';

/** Path parameters of the quote routes (issue 17 §8): a quote is a group id or one revision's id. */
const id = z.string().min(1).max(80);

export const storeCustomerQuoteParamsSchema = z.object({ customerId: id, quoteId: id });
export const quoteParamsSchema = z.object({ quoteId: id });
