/**
 * The baseline codec: a PatternSnapshot ⇄ plugin-data strings.
 *
 * Runs in the UI iframe (compression is too heavy for Figma's main thread); pure, no
 * DOM, no atob (own base64), no crypto.subtle (not a secure context: SHA-256 is
 * `@noble/hashes`).
 *
 * Stored form: `base64(deflateRaw(level 9, layout))`, split into chunks of at most
 * `chunkChars` characters (default 60,000 — plugin-data entries are limited to
 * 100 kB including the key). `hash` is the SHA-256 hex of the *stored string* (all
 * chunks joined, ASCII), so integrity is checked before anything is inflated, and a
 * reader without fflate (the main thread, the CLI) can verify what is stored.
 *
 * The layout is in baseline/: layout.ts (header and sections), columns.ts (the
 * element columns, one `{ write, read }` pair each), numbers.ts, outline-table.ts,
 * paint-tables.ts, bytes.ts; the quantization in baseline/quantize.ts.
 */

import { deflateSync, inflateSync } from 'fflate'
import { base64Decode, base64Encode } from './base64'
import { decodeLayout, encodeLayout } from './baseline/layout'
import { sha256, toHex } from './sha256'
import type { PatternSnapshot } from '../coefficient/snapshot'

export { BASELINE_FORMAT_VERSION, decodeLayout, encodeLayout } from './baseline/layout'
export { quantizeSnapshot } from './baseline/quantize'

export const DEFAULT_CHUNK_CHARS = 60_000

export interface EncodedBaseline {
  /** The stored strings, in order: `baselineKey(generation, 0..chunks.length-1)`. */
  chunks: string[]
  /** SHA-256 hex of the stored string (the chunks joined). */
  hash: string
  /** Stored characters (= bytes: base64 is ASCII), all chunks together. */
  bytes: number
  /** Size of the binary layout before deflate. */
  rawBytes: number
  elements: number
}

export type DecodedBaseline = { ok: true; snapshot: PatternSnapshot } | { ok: false; error: string }

/** `formatVersion`: write an older format, as an older plugin did (tests of stored baselines). */
export function encodeBaseline(snapshot: PatternSnapshot, options: { chunkChars?: number; formatVersion?: number } = {}): EncodedBaseline {
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS
  if (!(Number.isInteger(chunkChars) && chunkChars >= 4)) {
    throw new RangeError(`chunkChars must be an integer ≥ 4 (got ${chunkChars})`)
  }
  const raw = encodeLayout(snapshot, options.formatVersion)
  const stored = base64Encode(deflateSync(raw, { level: 9, mem: 12 }))
  const chunks: string[] = []
  for (let i = 0; i < stored.length; i += chunkChars) chunks.push(stored.slice(i, i + chunkChars))
  if (chunks.length === 0) chunks.push('')
  return {
    chunks,
    hash: hashStored(stored),
    bytes: stored.length,
    rawBytes: raw.length,
    elements: snapshot.elements.length,
  }
}

function hashStored(stored: string): string {
  const bytes = new Uint8Array(stored.length)
  for (let i = 0; i < stored.length; i++) bytes[i] = stored.charCodeAt(i) & 255
  return toHex(sha256(bytes))
}

/**
 * Joins, verifies and decodes stored chunks. Never throws: a missing chunk, a
 * changed character, a wrong hash or a malformed layout all give `ok: false`.
 */
export function decodeBaseline(chunks: string[], expectedHash: string): DecodedBaseline {
  try {
    if (!Array.isArray(chunks) || chunks.length === 0) return { ok: false, error: 'Baseline has no chunks.' }
    for (let i = 0; i < chunks.length; i++) {
      if (typeof chunks[i] !== 'string' || (chunks[i].length === 0 && chunks.length > 1)) {
        return { ok: false, error: `Baseline chunk ${i + 1} of ${chunks.length} is missing.` }
      }
    }
    const stored = chunks.join('')
    const hash = hashStored(stored)
    if (typeof expectedHash !== 'string' || hash !== expectedHash.toLowerCase()) {
      return {
        ok: false,
        error: `Baseline does not match its hash (stored data hashes to ${hash.slice(0, 12)}…, the record expects ${String(expectedHash).slice(0, 12)}…): a chunk was changed, lost or reordered.`,
      }
    }
    const deflated = base64Decode(stored)
    if (deflated === null) return { ok: false, error: 'Baseline is not valid base64.' }
    let raw: Uint8Array
    try {
      raw = inflateSync(deflated)
    } catch (err) {
      return { ok: false, error: `Baseline does not inflate: ${errorText(err)}.` }
    }
    return { ok: true, snapshot: decodeLayout(raw) }
  } catch (err) {
    return { ok: false, error: `Baseline is malformed: ${errorText(err)}.` }
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
