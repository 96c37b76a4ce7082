/**
 * A small hand-written XML reader, enough for XCSP3 instance files: elements, attributes, text, comments, the XML
 * declaration and the five predefined entities. DOCTYPE, CDATA and processing instructions other than `<?xml ?>` are
 * refused, so an unexpected file fails loudly instead of being half-read.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** The element's own text (between its child elements), concatenated, entities decoded. */
  text: string;
  /** 1-based line of the element's `<`. */
  readonly line: number;
}

/** A fault in the input text, with the 1-based line where it was found. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string, line: number): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (m, ent: string | undefined) => {
    if (ent === undefined) throw new ImportError('stray "&" in text', line);
    if (ent.startsWith('#')) {
      const code = ent.startsWith('#x') ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      // fromCodePoint throws a RangeError past U+10FFFF; the fault is the file's.
      if (code > 0x10ffff) throw new ImportError(`character reference ${m} is not a Unicode character`, line);
      return String.fromCodePoint(code);
    }
    const r = ENTITIES[ent];
    if (r === undefined) throw new ImportError(`unknown entity ${m}`, line);
    return r;
  });
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ATTR = /\s*([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

/**
 * Parses an XML document into its root element.
 * Pre: none. Post: returns the single root element with children in document order; throws {@link ImportError}
 * with a line number on malformed or unsupported markup.
 */
export function parseXml(text: string): XmlElement {
  let pos = 0;
  let line = 1;
  let lineAt = 0; // `line` is the line of offset `lineAt`
  const lineOf = (p: number): number => {
    for (let i = lineAt; i < p; i++) if (text.charCodeAt(i) === 10) line++;
    lineAt = p;
    return line;
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const n = text.length;
  while (pos < n) {
    const lt = text.indexOf('<', pos);
    const end = lt < 0 ? n : lt;
    if (end > pos) {
      const chunk = text.slice(pos, end);
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (chunk.trim() !== '') throw new ImportError('text outside the root element', lineOf(pos));
      } else {
        top.text += decode(chunk, lineOf(pos));
      }
    }
    if (lt < 0) break;
    const at = lineOf(lt);
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) throw new ImportError('unterminated comment', at);
      pos = close + 3;
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0 || !/^<\?xml\s/.test(text.slice(lt, lt + 6))) {
        throw new ImportError('unsupported processing instruction', at);
      }
      pos = close + 2;
      continue;
    }
    if (text.startsWith('<!', lt)) throw new ImportError('unsupported markup (DOCTYPE or CDATA)', at);
    if (text.charCodeAt(lt + 1) === 47 /* / */) {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(text);
      const close = text.indexOf('>', lt);
      const top = stack.pop();
      if (m === null || close < 0) throw new ImportError('malformed end tag', at);
      if (top === undefined || top.name !== m[0]) {
        throw new ImportError(
          `end tag </${m[0]}> does not match ${top ? `<${top.name}>` : 'any open element'}`,
          at,
        );
      }
      if (text.slice(NAME.lastIndex, close).trim() !== '')
        throw new ImportError(`malformed end tag </${m[0]}>`, at);
      pos = close + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const m = NAME.exec(text);
    if (m === null) throw new ImportError('malformed tag', at);
    const attributes = new Map<string, string>();
    let p = NAME.lastIndex;
    for (;;) {
      ATTR.lastIndex = p;
      const a = ATTR.exec(text);
      if (a === null) break;
      attributes.set(a[1] as string, decode(a[3] ?? a[4] ?? '', at));
      p = ATTR.lastIndex;
    }
    while (p < n && /\s/.test(text[p] as string)) p++;
    const selfClosing = text.startsWith('/>', p);
    if (!selfClosing && text[p] !== '>') throw new ImportError(`malformed tag <${m[0]}>`, at);
    const el: XmlElement = { name: m[0], attributes, children: [], text: '', line: at };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) throw new ImportError(`second root element <${m[0]}>`, at);
    else root = el;
    if (!selfClosing) stack.push(el);
    pos = p + (selfClosing ? 2 : 1);
  }
  const open = stack.pop();
  if (open) throw new ImportError(`element <${open.name}> is never closed`, open.line);
  if (!root) throw new ImportError('no root element', 1);
  return root;
}
