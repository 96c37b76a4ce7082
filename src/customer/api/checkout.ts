import { useQuery } from '@tanstack/react-query';
import { checkoutResponseSchema, priceResponseSchema, type PriceBody } from '../../contract/orders.schema.ts';
import { savedBuildSchema } from '../../contract/saved-builds.schema.ts';
import { SubmitError, type SubmitInput, type Submitted } from '../../machines/app.machine.ts';
import { ApiError, sendJson } from '../../ui/api-client.ts';

/** The server's refusals the flow treats apart; every other one reaches the shopper in the server's words. */
function asSubmitError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.status === 401) return new SubmitError('sign_in_required', error.message);
  return new SubmitError(error.code, error.message);
}

/**
 * Sends a reviewed build: saved (guests too, merged into their account when they sign in), quoted or ordered. The
 * server re-validates and re-prices it; a quote or order at another total than the one shown is refused (409).
 */
export async function submitBuild(input: SubmitInput): Promise<Submitted> {
  const { kind, catalogId, catalogVersion, choices: selections } = input;
  try {
    if (kind === 'save') {
      const saved = await sendJson(
        'POST',
        '/api/builds',
        { name: input.name, catalogId, catalogVersion, selections },
        savedBuildSchema,
      );
      return { kind, id: saved.id, totalCents: saved.priceCents, name: saved.name };
    }
    const body = { catalogId, catalogVersion, selections, expectedTotalCents: input.expectedTotalCents };
    const url = kind === 'quote' ? '/api/quotes' : '/api/orders';
    const done = await sendJson('POST', url, body, checkoutResponseSchema);
    return { kind, id: done.id, totalCents: done.totalCents, validUntil: done.validUntil };
  } catch (error) {
    throw asSubmitError(error);
  }
}

/**
 * The shopper's own price for a build, from the server (discounts for a signed-in customer); keyed by who is
 * signed in, since a sign-in changes it.
 */
export function usePrice(body: PriceBody, who: string | null) {
  return useQuery({
    queryKey: ['price', who, body.catalogId, body.catalogVersion, JSON.stringify(body.selections)],
    queryFn: () => sendJson('POST', '/api/prices', body, priceResponseSchema),
    staleTime: 60_000,
  });
}
