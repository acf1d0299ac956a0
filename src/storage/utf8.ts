/**
 * UTF-8 without TextEncoder/TextDecoder: Figma's main thread has neither, and
 * `@noble/hashes`' `utf8ToBytes` depends on TextEncoder. Same results as the WHATWG
 * encoder: a lone surrogate becomes U+FFFD; invalid input bytes decode to U+FFFD.
 */

const NON_ASCII = /[^\x00-\x7f]/

/** Number of UTF-8 bytes `str` encodes to. */
export function utf8Length(str: string): number {
  // ASCII runs are found by the regex engine (native): a 64 kB base64 chunk is counted in
  // ~2 ms instead of ~27 ms by a loop in QuickJS (Figma's kind of VM).
  const first = str.search(NON_ASCII)
  if (first < 0) return str.length
  let n = first
  for (let i = first; i < str.length; i++) {
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
 * Decodes UTF-8 bytes in `[start, end)` exactly as the WHATWG TextDecoder does
 * (non-fatal): each maximal invalid subpart of a sequence becomes one U+FFFD.
 */
export function utf8Decode(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = ''
  let codes: number[] = []
  let i = start
  while (i < end) {
    const b = bytes[i++]
    let cp = 0xfffd
    if (b < 0x80) cp = b
    else {
      let need = 0
      let lower = 0x80
      let upper = 0xbf
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1
        cp = b & 31
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2
        cp = b & 15
        if (b === 0xe0) lower = 0xa0
        else if (b === 0xed) upper = 0x9f
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3
        cp = b & 7
        if (b === 0xf0) lower = 0x90
        else if (b === 0xf4) upper = 0x8f
      }
      if (need === 0) cp = 0xfffd
      else {
        for (; need > 0; need--) {
          const c = i < end ? bytes[i] : -1
          if (c < lower || c > upper) break
          cp = (cp << 6) | (c & 63)
          lower = 0x80
          upper = 0xbf
          i++
        }
        if (need > 0) cp = 0xfffd // truncated: the offending byte is read again
      }
    }
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
