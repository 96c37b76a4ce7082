import type { CustomerSummary } from '../../contract/auth.schema.ts';
import type { CheckoutResponse } from '../../contract/orders.schema.ts';
import type { SavedBuild } from '../../contract/saved-builds.schema.ts';
import type { TimelineItem } from '../../contract/interactions.schema.ts';
import { structuralProblems, type CatalogIndex } from '../../core/catalog/build.ts';
import { violations } from '../../core/catalog/evaluate.ts';
import type { Build } from '../store/builds.repository.ts';
import type { Checkout, Order, Quote } from '../store/checkouts.repository.ts';
import type { CustomerRow } from '../store/customers.table.ts';
import type { TimelineEntry } from '../store/interactions.repository.ts';

/** Rows → the contract's shapes. */
export function customerSummary(row: CustomerRow): CustomerSummary {
  return {
    id: row.id,
    customerNumber: row.customer_number,
    name: row.name,
    email: row.email,
    phone: row.phone,
    birthday: row.birthday,
    birthdayConfirmed: row.birthday_confirmed_at !== null,
  };
}

export function savedBuild(build: Build, index: CatalogIndex | undefined): SavedBuild {
  const sound = index ? structuralProblems(index, build.selections, false).length === 0 : false;
  return {
    id: build.id,
    name: build.name,
    catalogId: build.catalog_id,
    catalogVersion: build.catalog_version,
    selections: build.selections,
    priceCents: build.price_cents,
    complete: !!index && structuralProblems(index, build.selections, true).length === 0,
    valid: !!index && sound && violations(index, build.selections).length === 0,
    createdAt: build.created_at,
    updatedAt: build.updated_at,
  };
}

export function timelineItem(entry: TimelineEntry): TimelineItem {
  return {
    id: entry.id,
    kind: entry.kind,
    channel: entry.channel,
    actor: entry.actor,
    at: entry.created_at,
    catalogId: entry.catalog_id,
    catalogVersion: entry.catalog_version,
    payload: entry.payload,
  };
}

export function checkoutResponse(c: Checkout | Quote | Order): CheckoutResponse {
  return {
    id: c.id,
    buildId: c.buildId,
    catalogId: c.catalogId,
    catalogVersion: c.catalogVersion,
    selections: c.selections,
    currency: c.currency,
    lines: c.lines,
    totalCents: c.totalCents,
    createdAt: c.createdAt,
    ...('validUntil' in c ? { validUntil: c.validUntil } : {}),
    ...('quoteId' in c && c.quoteId ? { quoteId: c.quoteId } : {}),
    ...('status' in c ? { status: c.status } : {}),
  };
}
