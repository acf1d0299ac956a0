/**
 * SHA-256 (FIPS 180-4) for Figma's main thread. `@noble/hashes/sha2.js` is excellent
 * but its module also defines SHA-512 with top-level BigInt constants, and its string
 * helpers use TextEncoder; this file has neither, and is tuned for what the journal
 * hashes most: short messages (a 32-byte head plus a few dozen entry bytes).
 * Cross-checked against `@noble/hashes` in the tests.
 */

import { utf8Encode } from './utf8'

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

const W = new Int32Array(64)
const STATE = new Int32Array(8)
const TAIL = new Uint8Array(128)

function compress(s: Int32Array, m: Uint8Array, off: number): void {
  for (let t = 0; t < 16; t++, off += 4) {
    W[t] = (m[off] << 24) | (m[off + 1] << 16) | (m[off + 2] << 8) | m[off + 3]
  }
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]
    const w2 = W[t - 2]
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)
    W[t] = (s1 + W[t - 7] + s0 + W[t - 16]) | 0
  }
  let a = s[0]
  let b = s[1]
  let c = s[2]
  let d = s[3]
  let e = s[4]
  let f = s[5]
  let g = s[6]
  let h = s[7]
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  s[0] = (s[0] + a) | 0
  s[1] = (s[1] + b) | 0
  s[2] = (s[2] + c) | 0
  s[3] = (s[3] + d) | 0
  s[4] = (s[4] + e) | 0
  s[5] = (s[5] + f) | 0
  s[6] = (s[6] + g) | 0
  s[7] = (s[7] + h) | 0
}

/**
 * SHA-256 of the concatenation of `parts` (no copy of the parts is made).
 * Synchronous and not re-entrant-safe across threads (there are none here).
 */
export function sha256Concat(parts: Uint8Array[]): Uint8Array {
  const s = STATE
  s[0] = 0x6a09e667
  s[1] = 0xbb67ae85 | 0
  s[2] = 0x3c6ef372
  s[3] = 0xa54ff53a | 0
  s[4] = 0x510e527f
  s[5] = 0x9b05688c | 0
  s[6] = 0x1f83d9ab
  s[7] = 0x5be0cd19
  let total = 0
  let fill = 0 // bytes pending in TAIL
  for (let k = 0; k < parts.length; k++) {
    const m = parts[k]
    total += m.length
    let i = 0
    if (fill > 0) {
      while (fill < 64 && i < m.length) TAIL[fill++] = m[i++]
      if (fill < 64) continue
      compress(s, TAIL, 0)
      fill = 0
    }
    for (; i + 64 <= m.length; i += 64) compress(s, m, i)
    while (i < m.length) TAIL[fill++] = m[i++]
  }
  // Padding: 0x80, zeros, 64-bit big-endian bit length.
  TAIL[fill++] = 0x80
  const end = fill > 56 ? 128 : 64
  for (let i = fill; i < end; i++) TAIL[i] = 0
  const hi = Math.floor(total / 0x20000000) // total * 8 / 2^32
  const lo = (total * 8) >>> 0
  TAIL[end - 8] = hi >>> 24
  TAIL[end - 7] = (hi >>> 16) & 255
  TAIL[end - 6] = (hi >>> 8) & 255
  TAIL[end - 5] = hi & 255
  TAIL[end - 4] = lo >>> 24
  TAIL[end - 3] = (lo >>> 16) & 255
  TAIL[end - 2] = (lo >>> 8) & 255
  TAIL[end - 1] = lo & 255
  compress(s, TAIL, 0)
  if (end === 128) compress(s, TAIL, 64)
  const out = new Uint8Array(32)
  for (let i = 0; i < 8; i++) {
    const v = s[i]
    out[i * 4] = v >>> 24
    out[i * 4 + 1] = (v >>> 16) & 255
    out[i * 4 + 2] = (v >>> 8) & 255
    out[i * 4 + 3] = v & 255
  }
  return out
}

export function sha256(bytes: Uint8Array): Uint8Array {
  return sha256Concat([bytes])
}

const HEX = '0123456789abcdef'

export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15]
  return out
}

/** Lower- or upper-case hex to bytes; null when not an even-length hex string. */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16)
  return out
}

/** SHA-256 hex of the UTF-8 bytes of `text`. */
export function sha256HexOfString(text: string): string {
  return toHex(sha256(utf8Encode(text)))
}
