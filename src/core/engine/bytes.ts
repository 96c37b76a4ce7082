/**
 * Byte-level tools of the compiled forms' binary formats (diagram-binary.ts, dnnf/circuit-binary.ts): LEB128 varints,
 * a growable writer, a reader that never reads past its end, a 64-bit non-cryptographic hash (cyrb53's mixing, both
 * halves kept) to check that the bytes arrived as written and were made from the same model, and the header both
 * formats share.
 */

/** Thrown by {@link ByteReader} on input that ends early or holds an over-long number. */
export class ByteFormatError extends Error {
  override readonly name = 'ByteFormatError';
}

export class ByteWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  private room(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** Pre: 0 ≤ n < 2^32, an integer. */
  varint(n: number): void {
    this.room(5);
    let rest = n >>> 0;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.buffer[this.length++] = rest;
  }

  /** A signed integer (|n| < 2^31) as a zigzag varint: small magnitudes of either sign take one byte. */
  signed(n: number): void {
    this.varint(n >= 0 ? n * 2 : -n * 2 - 1);
  }

  /** UTF-8, length first. */
  text(s: string): void {
    const data = new TextEncoder().encode(s);
    this.varint(data.length);
    this.bytes(data);
  }

  /** What was written (a copy, so the writer can go on). */
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

export class ByteReader {
  private position: number;

  constructor(
    private readonly data: Uint8Array,
    start = 0,
  ) {
    this.position = start;
  }

  get remaining(): number {
    return this.data.length - this.position;
  }

  /** @throws ByteFormatError past the end, or for a number of more than 32 bits. */
  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.position >= this.data.length)
        throw new ByteFormatError('the data ends in the middle of a number');
      const byte = this.data[this.position++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) {
        if (value > 0xffffffff) break;
        return value;
      }
    }
    throw new ByteFormatError('a number is longer than 32 bits');
  }

  signed(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  text(): string {
    const length = this.varint();
    if (length > this.remaining) throw new ByteFormatError('the data ends in the middle of a text');
    const slice = this.data.subarray(this.position, this.position + length);
    this.position += length;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(slice);
    } catch {
      throw new ByteFormatError('a text is not UTF-8');
    }
  }
}

/** 64 bits of hash as two unsigned 32-bit halves. Not cryptographic: it tells accidents apart, not attacks. */
export function hash64(data: Uint8Array, seed = 0): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as number;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/**
 * A sealed format: bytes 0–3 its tag (four ASCII letters), 4–5 the format (u16 LE), 6–7 zero, 8–15 {@link hash64} of
 * the body (two u32 LE), the body from byte 16 on. The compiled diagram ("MDDB") and circuit ("DNNB") are both.
 */
export interface Seal {
  readonly tag: string;
  readonly format: number;
  /** What the bytes hold, for the message when they do not ("compiled diagram"). */
  readonly what: string;
}

const SEAL_HEADER = 16;

/** `body` behind the seal's header. */
export function seal(s: Seal, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(SEAL_HEADER + body.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = s.tag.charCodeAt(i);
  view.setUint16(4, s.format, true);
  const [h1, h2] = hash64(body);
  view.setUint32(8, h1, true);
  view.setUint32(12, h2, true);
  out.set(body, SEAL_HEADER);
  return out;
}

/** Whether the bytes start with the seal's tag (a route serving several sealed formats tells them apart). */
export const hasTag = (s: Seal, bytes: Uint8Array): boolean =>
  bytes.length >= 4 && [...s.tag].every((c, i) => bytes[i] === c.charCodeAt(0));

/**
 * A reader of the body of bytes sealed with `s`.
 * @throws ByteFormatError naming the first check that fails: the tag, the format, the zero bytes, the checksum.
 */
export function openSeal(s: Seal, bytes: Uint8Array): ByteReader {
  if (bytes.length < SEAL_HEADER || !hasTag(s, bytes))
    throw new ByteFormatError(`not a ${s.what} (no "${s.tag}" header)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint16(4, true);
  if (format !== s.format)
    throw new ByteFormatError(`format ${format}, but this build reads format ${s.format}`);
  if (view.getUint16(6, true) !== 0) throw new ByteFormatError('the header is damaged');
  const [h1, h2] = hash64(bytes.subarray(SEAL_HEADER));
  if (view.getUint32(8, true) !== h1 || view.getUint32(12, true) !== h2)
    throw new ByteFormatError('the data is damaged (checksum mismatch)');
  return new ByteReader(bytes, SEAL_HEADER);
}
