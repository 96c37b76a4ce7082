import type { LiveSession, QuoteSummary } from '../../contract/store-customer.schema.ts';
import type { CatalogIndex } from '../../core/catalog/build.ts';
import { quoteNumber } from '../../core/quotes/quote-number.ts';
import type { StoredSession } from '../store/config-sessions.repository.ts';
import type { QuoteRevisionRecord } from '../store/quote-revisions.repository.ts';

/** A quote for the console's list: valid while the server's clock is before its `validUntil`. */
export function quoteSummary(quote: QuoteRevisionRecord, now: Date): QuoteSummary {
  return {
    id: quote.id,
    number: quoteNumber(quote.groupId),
    revision: quote.revision,
    catalogId: quote.catalogId,
    catalogVersion: quote.catalogVersion,
    currency: quote.currency,
    totalCents: quote.totalCents,
    createdAt: quote.createdAt,
    validUntil: quote.validUntil,
    valid: Date.parse(quote.validUntil) > now.getTime(),
  };
}

/**
 * What a live session was configuring, in the catalog's words. `index` is the session's catalog version (undefined
 * when that version is unknown: the options are then named by id, and the catalog by its id).
 */
export function liveSession(
  stored: Pick<StoredSession, 'session' | 'updatedAt'>,
  index: CatalogIndex | undefined,
): LiveSession {
  const { session, updatedAt } = stored;
  const optionIds = Object.values(session.snapshot.context.choices).flatMap((options) =>
    Object.keys(options),
  );
  return {
    catalogId: session.catalogId,
    catalogName: index?.catalog.name ?? session.catalogId,
    catalogVersion: session.catalogVersion,
    choices: optionIds.length,
    options: optionIds.map((id) => index?.option.get(id)?.option.name ?? id),
    undoSteps: session.snapshot.context.past.length,
    updatedAt,
  };
}
