/**
 * The little CBOR (RFC 8949) that COSE_Sign1 needs: integers, byte and text strings,
 * arrays, maps in the order given, tags, null. Shortest-form heads only, so the same
 * value always gives the same bytes (RFC 8949 §4.2.1 "preferred serialization").
 */
export type Cbor = number | string | Uint8Array | null | boolean | readonly Cbor[] | CborMap | CborTag

export class CborMap {
  constructor(readonly entries: readonly (readonly [Cbor, Cbor])[]) {}
}

export class CborTag {
  constructor(
    readonly tag: number,
    readonly value: Cbor,
  ) {}
}

function head(major: number, n: number, out: number[]): void {
  const m = major << 5
  if (n < 24) out.push(m | n)
  else if (n < 0x100) out.push(m | 24, n)
  else if (n < 0x10000) out.push(m | 25, n >> 8, n & 0xff)
  else if (n < 0x100000000) out.push(m | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff)
  else throw new Error('CBOR: lengths over 4 GB are not written')
}

function encodeInto(v: Cbor, out: number[]): void {
  if (v === null) out.push(0xf6)
  else if (v === true) out.push(0xf5)
  else if (v === false) out.push(0xf4)
  else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new Error('CBOR: only integers are written')
    if (v >= 0) head(0, v, out)
    else head(1, -1 - v, out)
  } else if (typeof v === 'string') {
    const b = new TextEncoder().encode(v)
    head(3, b.length, out)
    for (const x of b) out.push(x)
  } else if (v instanceof Uint8Array) {
    head(2, v.length, out)
    for (const x of v) out.push(x)
  } else if (v instanceof CborMap) {
    head(5, v.entries.length, out)
    for (const [k, x] of v.entries) {
      encodeInto(k, out)
      encodeInto(x, out)
    }
  } else if (v instanceof CborTag) {
    head(6, v.tag, out)
    encodeInto(v.value, out)
  } else {
    head(4, v.length, out)
    for (const x of v) encodeInto(x, out)
  }
}

export function encodeCbor(v: Cbor): Uint8Array {
  const out: number[] = []
  encodeInto(v, out)
  return Uint8Array.from(out)
}
