/**
 * A quote group's number as people read it aloud and find it on paper: `Q-` and the first eight characters of the
 * group id, upper case (`Q-3F2A9C1B`). Group ids are random UUIDs, so eight hex digits tell a customer's quotes
 * apart; the full id stays the key. The PDF, its file name and the console show the same number.
 */
export function quoteNumber(groupId: string): string {
  return `Q-${groupId
    .replace(/[^0-9a-z]/gi, '')
    .slice(0, 8)
    .toUpperCase()}`;
}
