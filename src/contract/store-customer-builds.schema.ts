import { z } from 'zod';
import { catalogIdSchema } from './catalogs.schema.ts';

/** The customer a staff member serves in the store: every console route acting on their behalf names them. */
const customerIdSchema = z.string().min(1).max(80);

export const storeCustomerParamsSchema = z.object({ customerId: customerIdSchema });
export const storeCustomerBuildParamsSchema = z.object({
  customerId: customerIdSchema,
  buildId: z.string().min(1).max(80),
});
export const storeCustomerCatalogParamsSchema = z.object({
  customerId: customerIdSchema,
  catalogId: catalogIdSchema,
});
