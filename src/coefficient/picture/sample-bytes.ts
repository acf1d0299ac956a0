/**
 * A sample's RGBA bytes as base64, so a sample stays JSON-safe in snapshots and messages.
 * The coefficient is the lowest room and may not borrow storage/base64.ts (scripts/
 * check-rooms.ts), so this is its own small codec: standard alphabet, padded. Samples are
 * made by `imageSample` and checked against their size when decoded (`decodeSample`).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  let line: number[] = []
  for (let i = 0; i < bytes.length; i += 3) {
    const n = bytes.length - i
    const v = (bytes[i]! << 16) | ((n > 1 ? bytes[i + 1]! : 0) << 8) | (n > 2 ? bytes[i + 2]! : 0)
    line.push(ALPHABET.charCodeAt(v >> 18), ALPHABET.charCodeAt((v >> 12) & 63), n > 1 ? ALPHABET.charCodeAt((v >> 6) & 63) : 61, n > 2 ? ALPHABET.charCodeAt(v & 63) : 61)
    if (line.length >= 8192) {
      parts.push(String.fromCharCode.apply(null, line))
      line = []
    }
  }
  parts.push(String.fromCharCode.apply(null, line))
  return parts.join('')
}

/** Null when `s` is not padded base64. */
export function base64ToBytes(s: string): Uint8Array | null {
  if (s.length % 4 !== 0) return null
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  const out = new Uint8Array((s.length / 4) * 3 - pad)
  let p = 0
  for (let i = 0; i < s.length; i += 4) {
    let v = 0
    for (let k = 0; k < 4; k++) {
      const c = s.charCodeAt(i + k)
      const d = c === 61 && i + 4 === s.length && k >= 4 - pad ? 0 : c < 128 ? DECODE[c]! : -1
      if (d < 0) return null
      v = (v << 6) | d
    }
    out[p++] = v >> 16
    if (p < out.length) out[p++] = (v >> 8) & 255
    if (p < out.length) out[p++] = v & 255
  }
  return out
}
