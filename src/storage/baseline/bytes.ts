/**
 * Bytes of the baseline layout: a growing writer and a bounds-checked reader of u8,
 * LEB128 varints (unsigned and zigzag) and length-prefixed UTF-8 strings.
 */

import { utf8Decode, utf8Length, utf8Write } from '../utf8'

/** A malformed layout. Thrown inside the decoder only; `decodeBaseline` turns it into a result. */
export class CorruptError extends Error {}

export class Writer {
  buf = new Uint8Array(256)
  len = 0

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.len + n) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.len))
    this.buf = next
  }

  u8(v: number): void {
    this.room(1)
    this.buf[this.len++] = v
  }

  /** Unsigned varint, exact up to 2^53. */
  uv(v: number): void {
    this.room(8)
    while (v >= 128) {
      this.buf[this.len++] = (v % 128) | 128
      v = Math.floor(v / 128)
    }
    this.buf[this.len++] = v
  }

  /** Signed varint (zigzag). */
  sv(v: number): void {
    this.uv(v >= 0 ? v * 2 : -v * 2 - 1)
  }

  bytes(b: Uint8Array): void {
    this.room(b.length)
    this.buf.set(b, this.len)
    this.len += b.length
  }

  str(s: string): void {
    const n = utf8Length(s)
    this.uv(n)
    this.room(n)
    this.len = utf8Write(s, this.buf, this.len)
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.len)
  }
}

export class Reader {
  pos = 0
  constructor(private readonly buf: Uint8Array) {}

  private fail(what: string): never {
    throw new CorruptError(`the data ends early or is malformed (reading ${what} at byte ${this.pos})`)
  }

  u8(what: string): number {
    if (this.pos >= this.buf.length) this.fail(what)
    return this.buf[this.pos++]
  }

  uv(what: string): number {
    let v = 0
    let mul = 1
    for (;;) {
      if (this.pos >= this.buf.length || mul > 2 ** 49) this.fail(what)
      const b = this.buf[this.pos++]
      v += (b & 127) * mul
      if (b < 128) return v
      mul *= 128
    }
  }

  sv(what: string): number {
    const z = this.uv(what)
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2
  }

  /** An index into a table of `size` entries. */
  index(size: number, what: string): number {
    return checkIndex(this.uv(what), size, what)
  }

  /** A count of items of at least `minBytesEach` bytes each: more than the rest of the data could hold is malformed. */
  count(what: string, minBytesEach: number): number {
    const n = this.uv(what)
    if (n * minBytesEach > this.buf.length - this.pos) this.fail(what)
    return n
  }

  str(what: string): string {
    const n = this.uv(what)
    if (this.pos + n > this.buf.length) this.fail(what)
    const s = utf8Decode(this.buf, this.pos, this.pos + n)
    this.pos += n
    return s
  }

  take(n: number, what: string): Uint8Array {
    if (this.pos + n > this.buf.length) this.fail(what)
    const b = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    return b
  }

  get done(): boolean {
    return this.pos === this.buf.length
  }
}

export function checkIndex(i: number, size: number, what: string): number {
  if (i >= size) throw new CorruptError(`${what} refers to entry ${i} of ${size}`)
  return i
}

/** The string table: strings interned in first-use order, stored once, referred to by index. */
export class StringTable {
  private readonly index = new Map<string, number>()
  readonly list: string[] = []

  intern(v: string): number {
    let i = this.index.get(v)
    if (i === undefined) {
      i = this.list.length
      this.index.set(v, i)
      this.list.push(v)
    }
    return i
  }
}
