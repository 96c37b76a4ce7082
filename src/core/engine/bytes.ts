/**
 * Byte-level tools of the diagram's binary form (diagram-binary.ts): LEB128 varints, a growable writer, a reader
 * that never reads past its end, and a 64-bit non-cryptographic hash (cyrb53's mixing, both halves kept) to check
 * that the bytes arrived as written and were made from the same model.
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
