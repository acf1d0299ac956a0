/**
 * SHA-256 for every room, the main thread included. `@noble/hashes` tree-shakes to
 * about 6 kB with no BigInt and no TextEncoder when only `sha256` is imported
 * (checked with esbuild, target es2017); strings are encoded by our own `utf8.ts`
 * because noble's `utf8ToBytes` needs TextEncoder, which Figma's main thread lacks.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { utf8Encode } from './utf8'

/** SHA-256 of the concatenation of `parts`, without copying them together. */
export function sha256Concat(parts: Uint8Array[]): Uint8Array {
  const hash = nobleSha256.create()
  for (const part of parts) hash.update(part)
  return hash.digest()
}

export function sha256(bytes: Uint8Array): Uint8Array {
  return nobleSha256(bytes)
}

export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes)
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
