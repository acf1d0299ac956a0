/**
 * UTF-8 without TextEncoder/TextDecoder: Figma's main thread has neither, and
 * `@noble/hashes`' `utf8ToBytes` depends on TextEncoder. Same results as the WHATWG
 * encoder: a lone surrogate becomes U+FFFD; invalid input bytes decode to U+FFFD.
 */

/** Number of UTF-8 bytes `str` encodes to. */
export function utf8Length(str: string): number {
  let n = 0
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4
        i++
      } else n += 3
    } else n += 3
  }
  return n
}

/**
 * Writes the UTF-8 bytes of `str` into `out` at `offset`; returns the offset after
 * the last byte. `out` must have room for `utf8Length(str)` bytes.
 */
export function utf8Write(str: string, out: Uint8Array, offset: number): number {
  let p = offset
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i)
    if (c < 0x80) {
      out[p++] = c
      continue
    }
    if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6)
      out[p++] = 0x80 | (c & 63)
      continue
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < str.length ? str.charCodeAt(i + 1) : 0
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
        out[p++] = 0xf0 | (c >> 18)
        out[p++] = 0x80 | ((c >> 12) & 63)
        out[p++] = 0x80 | ((c >> 6) & 63)
        out[p++] = 0x80 | (c & 63)
        continue
      }
      c = 0xfffd // lone surrogate
    }
    out[p++] = 0xe0 | (c >> 12)
    out[p++] = 0x80 | ((c >> 6) & 63)
    out[p++] = 0x80 | (c & 63)
  }
  return p
}

/** UTF-8 bytes of `str`. */
export function utf8Encode(str: string): Uint8Array {
  const out = new Uint8Array(utf8Length(str))
  utf8Write(str, out, 0)
  return out
}

/**
 * Decodes UTF-8 bytes in `[start, end)`. Malformed sequences (bad continuation,
 * overlong forms, surrogates, > U+10FFFF) decode to U+FFFD, one per bad byte.
 */
export function utf8Decode(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = ''
  let codes: number[] = []
  let i = start
  while (i < end) {
    const b = bytes[i]
    let cp = 0xfffd
    let len = 1
    if (b < 0x80) {
      cp = b
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (i + 1 < end && (bytes[i + 1] & 0xc0) === 0x80) {
        cp = ((b & 31) << 6) | (bytes[i + 1] & 63)
        len = 2
      }
    } else if (b >= 0xe0 && b <= 0xef) {
      if (i + 2 < end && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
        const c = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63)
        if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
          cp = c
          len = 3
        }
      }
    } else if (b >= 0xf0 && b <= 0xf4) {
      if (
        i + 3 < end &&
        (bytes[i + 1] & 0xc0) === 0x80 &&
        (bytes[i + 2] & 0xc0) === 0x80 &&
        (bytes[i + 3] & 0xc0) === 0x80
      ) {
        const c =
          ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63)
        if (c >= 0x10000 && c <= 0x10ffff) {
          cp = c
          len = 4
        }
      }
    }
    i += len
    if (cp >= 0x10000) {
      cp -= 0x10000
      codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 1023))
    } else codes.push(cp)
    if (codes.length >= 4096) {
      out += String.fromCharCode.apply(null, codes)
      codes = []
    }
  }
  return codes.length ? out + String.fromCharCode.apply(null, codes) : out
}
