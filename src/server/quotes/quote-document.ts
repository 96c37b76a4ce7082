import type { Kysely } from 'kysely';
import { encodeBuild } from '../../contract/build-param.schema.ts';
import { catalogWords, type CatalogIndex, type CatalogWords } from '../../core/catalog/index.ts';
import { quoteNumber } from '../../core/quotes/quote-number.ts';
import type { CatalogVersions } from '../catalogs/versions.ts';
import { staffAsCustomerSees } from '../customers/own-timeline.ts';
import { notFound } from '../errors.ts';
import { findCustomerById } from '../store/customers.repository.ts';
import type { Database } from '../store/database.ts';
import { findQuoteRevision, type QuoteRevisionRecord } from '../store/quote-revisions.repository.ts';
import { quotePicture, type QuotePicture } from './quote-picture.ts';
import { formatPercent } from './quote-pdf-format.ts';
import { fill, pdfLanguages, quotePdfTexts, type PdfLanguage } from './quote-pdf.texts.ts';

/** A text in every language the PDF is printed in. */
export type Localized = Record<PdfLanguage, string>;

/** One chosen option, under its slot, with what it adds to the price (0 and `included` when a package has it). */
export interface QuoteItem {
  slot: Localized;
  option: Localized;
  quantity: number;
  amountCents: number;
  included: boolean;
}

/** A price line that is not an option: the base price, a price rule, a discount (the staff's last). */
export interface QuoteExtraLine {
  kind: 'base' | 'rule' | 'discount';
  ref: string;
  label: Localized;
  amountCents: number;
}

/**
 * Everything the quote PDF prints, in every language, so rendering reads nothing else: one revision of a quote
 * group as it was pinned (catalog version, lines, total), who it is for, who granted or approved its discount, and
 * how to continue online. Staff appear by first name and role only, as on the customer's own timeline.
 */
export interface QuoteDocument {
  quoteId: string;
  groupId: string;
  /** `Q-…`, see quoteNumber. */
  number: string;
  revision: number;
  createdAt: string;
  validUntil: string;
  /** Past its validity when printed: its price no longer holds, and the PDF says so. */
  expired: boolean;
  customer: { name: string; number: string };
  catalog: { id: string; version: string; name: Localized };
  items: QuoteItem[];
  extras: QuoteExtraLine[];
  currency: string;
  listTotalCents: number;
  discountBp: number;
  discountCents: number;
  totalCents: number;
  /** Who let the staff discount be: an approving manager (with when), or the maker within their authority. */
  discountBy: { name: string; role: string; approvedAt: string | null } | null;
  /** The build in the web configurator: `<origin>/configure/<catalogId>?b=<build param>`. */
  continueUrl: string;
  /** A walk-in's code to take the record over online, while they still have one, and where to use it. */
  claim: { code: string; url: string } | null;
  picture: QuotePicture | null;
}

const everyLanguage = (text: (lang: PdfLanguage) => string): Localized =>
  Object.fromEntries(pdfLanguages.map((lang) => [lang, text(lang)])) as Localized;

function extraLabel(
  line: QuoteRevisionRecord['lines'][number],
  words: CatalogWords,
  lang: PdfLanguage,
  discountBp: number,
): string {
  const texts = quotePdfTexts[lang];
  if (line.kind === 'base') return texts.base;
  if (line.kind === 'rule') return words.priceRule(line.ref);
  if (line.ref === 'staff') return fill(texts.lines.staff, { percent: formatPercent(discountBp, lang) });
  if (line.ref === 'birthday') return texts.lines.birthday;
  // Tier offers are labelled in configs/tiers.json in English only: English keeps that label, the others say what it is.
  return lang === 'en' ? line.label : texts.lines.offer;
}

/** The chosen options by slot in catalog order, with their amounts from the pinned lines. */
function itemsOf(
  revision: QuoteRevisionRecord,
  index: CatalogIndex,
  words: Record<PdfLanguage, CatalogWords>,
) {
  const amounts = new Map<string, { cents: number; included: boolean }>();
  for (const line of revision.lines) {
    if (line.kind !== 'option' && line.kind !== 'included') continue;
    const seen = amounts.get(line.ref) ?? { cents: 0, included: false };
    amounts.set(line.ref, {
      cents: seen.cents + line.amountCents,
      included: seen.included || line.kind === 'included',
    });
  }
  // Slots the catalog no longer names (it never happens with a pinned version) still print, after the known ones.
  const known = index.catalog.slots.map((s) => s.id);
  const slots = [...known, ...Object.keys(revision.selections).filter((s) => !known.includes(s))];
  return slots.flatMap((slot) =>
    Object.entries(revision.selections[slot] ?? {})
      .filter(([, quantity]) => quantity > 0)
      .map(([option, quantity]): QuoteItem => {
        const amount = amounts.get(option) ?? { cents: 0, included: false };
        return {
          slot: everyLanguage((lang) => words[lang].slotName(slot)),
          option: everyLanguage((lang) => words[lang].optionName(option)),
          quantity,
          amountCents: amount.cents,
          included: amount.included && amount.cents === 0,
        };
      }),
  );
}

async function staffMember(db: Kysely<Database>, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['name', 'role'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const seen = user && staffAsCustomerSees(user);
  return seen?.who === 'staff' ? seen : undefined;
}

async function discountBy(db: Kysely<Database>, revision: QuoteRevisionRecord) {
  if (revision.discountBp <= 0) return null;
  const byId = revision.approvedByUserId ?? revision.createdByUserId;
  const who = byId ? await staffMember(db, byId) : undefined;
  if (!who) return null;
  return {
    name: who.name,
    role: who.role,
    approvedAt: revision.approvedByUserId ? (revision.approvedAt ?? revision.createdAt) : null,
  };
}

/**
 * The quote document of one revision (`quoteId` is a revision's id; a group's id is its first revision's).
 * `origin` is the web app's (`https://shop.example`), for the links. `forCustomer`: the signed-in customer asking,
 * whose own quotes alone exist for them. `now` (the server's clock): whether it has expired.
 * @throws 404 quote_not_found when there is no such revision, or it is another customer's.
 */
export async function loadQuoteDocument(
  db: Kysely<Database>,
  versions: CatalogVersions,
  input: { quoteId: string; origin: string; forCustomer?: string; now?: Date },
): Promise<QuoteDocument> {
  const revision = await findQuoteRevision(db, input.quoteId);
  if (!revision || (input.forCustomer !== undefined && revision.customerId !== input.forCustomer))
    throw notFound('quote_not_found', `No quote "${input.quoteId}".`);
  const [customer, index, by] = await Promise.all([
    findCustomerById(db, revision.customerId),
    versions.get(revision.catalogId, revision.catalogVersion),
    discountBy(db, revision),
  ]);
  if (!customer) throw notFound('quote_not_found', `No quote "${input.quoteId}".`);
  const words = Object.fromEntries(
    pdfLanguages.map((lang) => [lang, catalogWords(index.catalog, lang)]),
  ) as Record<PdfLanguage, CatalogWords>;
  const discountCents = Math.max(0, revision.listTotalCents - revision.totalCents);
  const signUp = new URL('/sign-up', input.origin);
  if (customer.claim_code) signUp.searchParams.set('claim', customer.claim_code);
  return {
    quoteId: revision.id,
    groupId: revision.groupId,
    number: quoteNumber(revision.groupId),
    revision: revision.revision,
    createdAt: revision.createdAt,
    validUntil: revision.validUntil,
    expired: Date.parse(revision.validUntil) < (input.now ?? new Date()).getTime(),
    customer: { name: customer.name, number: customer.customer_number },
    catalog: {
      id: revision.catalogId,
      version: revision.catalogVersion,
      name: everyLanguage((lang) => words[lang].catalogName()),
    },
    items: itemsOf(revision, index, words),
    extras: revision.lines
      .filter((line) => line.kind === 'base' || line.kind === 'rule' || line.kind === 'discount')
      .map((line) => ({
        kind: line.kind as QuoteExtraLine['kind'],
        ref: line.ref,
        label: everyLanguage((lang) => extraLabel(line, words[lang], lang, revision.discountBp)),
        amountCents: line.amountCents,
      })),
    currency: revision.currency,
    listTotalCents: revision.listTotalCents,
    discountBp: revision.discountBp,
    discountCents,
    totalCents: revision.totalCents,
    discountBy: by,
    // The same link the web app writes (build-card.tsx): the build param is URL-safe as encodeBuild makes it.
    continueUrl: `${input.origin}/configure/${encodeURIComponent(revision.catalogId)}?b=${encodeBuild(revision.selections)}`,
    claim: customer.claim_code ? { code: customer.claim_code, url: signUp.toString() } : null,
    picture: quotePicture(index.catalog, revision.selections),
  };
}
