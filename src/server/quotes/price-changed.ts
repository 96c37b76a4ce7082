import { HttpError } from '../errors.ts';

/** 409 price_changed: the total the client showed is not the server's; nothing is stored and the client shows the new one. */
export function priceChanged(expectedTotalCents: number, totalCents: number, currency: string): HttpError {
  return new HttpError(
    409,
    'price_changed',
    `The price changed: you saw ${expectedTotalCents / 100} ${currency}, it is now ${totalCents / 100} ${currency}. ` +
      'Nothing was stored; confirm the new price to continue.',
    undefined,
    { expectedTotalCents, totalCents, currency },
  );
}
