/**
 * Standard base64 (RFC 4648 §4, with padding) without atob/btoa, which neither
 * Figma's main thread nor every test runtime offers. The decoder is strict: it
 * refuses characters outside the alphabet, bad padding and impossible lengths, so
 * a damaged stored string is reported instead of silently decoding to other bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i

export function base64Encode(bytes: Uint8Array): string {
  const parts: string[] = []
  let line: number[] = []
  const n = bytes.length
  const full = n - (n % 3)
  for (let i = 0; i < full; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    line.push(
      ALPHABET.charCodeAt(v >> 18),
      ALPHABET.charCodeAt((v >> 12) & 63),
      ALPHABET.charCodeAt((v >> 6) & 63),
      ALPHABET.charCodeAt(v & 63),
    )
    if (line.length >= 8192) {
      parts.push(String.fromCharCode.apply(null, line))
      line = []
    }
  }
  if (line.length) parts.push(String.fromCharCode.apply(null, line))
  const rest = n - full
  if (rest === 1) {
    const v = bytes[full] << 16
    parts.push(ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + '==')
  } else if (rest === 2) {
    const v = (bytes[full] << 16) | (bytes[full + 1] << 8)
    parts.push(ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + '=')
  }
  return parts.join('')
}

/** Decodes padded base64; returns null when `str` is not valid base64. */
export function base64Decode(str: string): Uint8Array | null {
  const len = str.length
  if (len % 4 !== 0) return null
  let pad = 0
  if (len > 0 && str.charCodeAt(len - 1) === 61) pad = str.charCodeAt(len - 2) === 61 ? 2 : 1
  const out = new Uint8Array((len / 4) * 3 - pad)
  let p = 0
  for (let i = 0; i < len; i += 4) {
    const last = i + 4 === len
    const a = sextet(str, i)
    const b = sextet(str, i + 1)
    if (a < 0 || b < 0) return null
    if (last && pad > 0) {
      if (pad === 2) {
        if ((b & 15) !== 0) return null
        out[p++] = (a << 2) | (b >> 4)
      } else {
        const c = sextet(str, i + 2)
        if (c < 0 || (c & 3) !== 0) return null
        out[p++] = (a << 2) | (b >> 4)
        out[p++] = ((b & 15) << 4) | (c >> 2)
      }
      break
    }
    const c = sextet(str, i + 2)
    const d = sextet(str, i + 3)
    if (c < 0 || d < 0) return null
    const v = (a << 18) | (b << 12) | (c << 6) | d
    out[p++] = v >> 16
    out[p++] = (v >> 8) & 255
    out[p++] = v & 255
  }
  return out
}

function sextet(str: string, i: number): number {
  const c = str.charCodeAt(i)
  return c < 128 ? DECODE[c] : -1
}
