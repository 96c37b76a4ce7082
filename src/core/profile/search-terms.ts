/**
 * Staff find a customer by typing the start of any word of their name, e-mail or phone, or their customer number.
 * A customer is stored as a set of normalized terms; a query is normalized the same way. A customer matches when
 * the whole query, or every whitespace-separated part of it, is a prefix of one of their terms, so the database
 * answers with index range scans (`term >= q AND term < q || TERM_END`) instead of reading every customer.
 */

/** What a customer is found by. */
export interface Searchable {
  name: string;
  email: string;
  phone: string;
  customerNumber: string;
}

/**
 * How well a match on a term ranks, best first: 0 the exact e-mail, phone or customer number (only when typed in
 * full; a prefix of one ranks as 3), 1 the first word of the name, 2 another word of the name, 3 anything else.
 */
export type TermWeight = 0 | 1 | 2 | 3;
export interface WeightedTerm {
  term: string;
  weight: TermWeight;
}

/** Phone suffixes shorter than this are not stored: fewer digits match too many people to be worth an index row. */
const MIN_PHONE_SUFFIX = 4;
/** A term longer than this is cut: nobody types 64 characters, and index entries stay small. */
const MAX_TERM = 64;

/**
 * Lower case without accents: "Müller" → "muller", "Ærø" → "aero", "Straße" → "strasse"; scripts without case
 * or accents (王芳) pass through.
 * @post the result has no combining marks and `fold(fold(x)) === fold(x)`.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i');
}

/** A term or query as stored and compared: folded, without whitespace. @post `compact(compact(x)) === compact(x)`. */
export function compact(text: string): string {
  return fold(text).replace(/\s+/gu, '').slice(0, MAX_TERM);
}

/** The letters-and-digits words inside a folded text. */
const words = (folded: string): string[] => folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const chunks = (text: string): string[] => text.split(/\s+/u).filter(Boolean);
const digitsOf = (text: string): string => text.replace(/\D/g, '');
/** How people type phone numbers: digits with spaces, dashes, brackets, dots or slashes and maybe a leading +. */
const phoneLike = (text: string): boolean => /^[+\d\s()./-]+$/.test(text) && /\d/.test(text);

function phoneTerms(phone: string, add: (term: string, weight: TermWeight) => void): void {
  const digits = digitsOf(phone);
  if (!digits) return;
  add(digits, 0);
  // Typed without the country code or area code: every suffix; typed the national way: 0 instead of +49 (the
  // country code's length is not known, so each of 1 to 3 digits).
  for (let start = 1; digits.length - start >= MIN_PHONE_SUFFIX; start++) add(digits.slice(start), 3);
  const international = /^\s*(\+|00)/.exec(phone);
  if (international) {
    const rest = international[1] === '00' ? digits.slice(2) : digits;
    for (let cc = 1; cc <= 3 && cc < rest.length; cc++) add(`0${rest.slice(cc)}`, 0);
  }
}

/**
 * Every term a customer is found by, with its weight (the best when two sources give the same term): the words of
 * the name and its space-separated pieces whole ("müller-berg"), the e-mail whole, its local part and the local
 * part's words, the domain's first label, the phone's digits, their suffixes and national forms, the customer
 * number with and without its dash, its digits and as a bare number ("C-000042" → "c-000042", "c000042",
 * "000042", "42").
 * @post every term is non-empty, `compact`-normal and listed once.
 */
export function weightedTerms(customer: Searchable): WeightedTerm[] {
  const best = new Map<string, TermWeight>();
  const add = (raw: string, weight: TermWeight) => {
    const term = compact(raw);
    if (!term) return;
    const known = best.get(term);
    if (known === undefined || weight < known) best.set(term, weight);
  };
  const name = fold(customer.name);
  words(name).forEach((word, i) => add(word, i === 0 ? 1 : 2));
  chunks(name).forEach((chunk, i) => add(chunk, i === 0 ? 1 : 2));

  const email = compact(customer.email);
  if (email) {
    add(email, 0);
    const at = email.lastIndexOf('@');
    const local = at < 0 ? email : email.slice(0, at);
    add(local, 3);
    for (const word of words(local)) add(word, 3);
    if (at >= 0) add(words(email.slice(at + 1))[0] ?? '', 3);
  }

  phoneTerms(customer.phone, add);

  const number = compact(customer.customerNumber);
  if (number) {
    add(number, 0);
    add(number.replace(/[^\p{L}\p{N}]/gu, ''), 0);
    add(digitsOf(number), 0);
    add(digitsOf(number).replace(/^0+(?=\d)/, ''), 0);
  }
  return [...best].map(([term, weight]) => ({ term, weight }));
}

/** The terms alone (see `weightedTerms`). */
export function searchTerms(customer: Searchable): string[] {
  return weightedTerms(customer).map((t) => t.term);
}

/** A query as the search uses it: the whole of it, and its whitespace-separated parts. */
export interface SearchQuery {
  /** The query compacted; for something typed like a phone number, its digits. Empty for a blank query. */
  whole: string;
  /** Distinct compacted parts, longest (most selective) first; each must prefix some term. */
  parts: string[];
}

/** @post a customer matches when `whole` prefixes one of their terms or every one of `parts` does. */
export function searchQuery(query: string): SearchQuery {
  const trimmed = query.trim();
  const whole = phoneLike(trimmed) ? digitsOf(trimmed) : compact(trimmed);
  const parts = [...new Set(chunks(trimmed).map(compact).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  return { whole, parts };
}

/** The rank a match on `term` gives when the query's whole is `whole` (see TermWeight). */
function matchRank(term: WeightedTerm, whole: string): TermWeight {
  if (term.term === whole) return term.weight;
  return term.weight === 0 ? 3 : term.weight;
}

/**
 * How well a customer matches, as the repository's SQL ranks it: the best rank among the terms the whole query
 * prefixes, or among those the longest part prefixes when every part matches. @returns undefined when no match.
 */
export function searchRank(customer: Searchable, query: string): TermWeight | undefined {
  const terms = weightedTerms(customer);
  const { whole, parts } = searchQuery(query);
  const prefixed = (p: string) => terms.filter((t) => t.term.startsWith(p));
  const ranks: TermWeight[] = [];
  if (whole) ranks.push(...prefixed(whole).map((t) => matchRank(t, whole)));
  const [first, ...rest] = parts;
  if (first !== undefined && rest.every((p) => prefixed(p).length > 0))
    ranks.push(...prefixed(first).map((t) => matchRank(t, whole)));
  return ranks.length ? (Math.min(...ranks) as TermWeight) : undefined;
}

/** Above every character a term can hold: `[q, q + TERM_END)` is the range of terms starting with q. */
export const TERM_END = '\uffff';
