/**
 * The heat map's plugin-data entry (`heatmap`): the PNG of heatmap-png.ts as base64,
 * written with the record in one write, and vouched for by the record's
 * `capture.heatmap` (SHA-256, size, pixels). Reading it checks all of that, so a
 * stale, damaged or hand-edited picture is reported — never shown as the capture's.
 * Pure; the host only carries the string.
 */
import * as z from 'zod/mini'
import { base64Decode, base64Encode } from '../storage/base64'
import { RASTER_MAX_BYTES } from '../storage/entry-limit'
import type { Capture, HeatMapRef } from './record'
import { sha256, toHex } from '../storage/sha256'

/** Base64 of at most RASTER_MAX_BYTES: 87,384 characters, within one entry (100 kB). */
export const HEATMAP_MAX_CHARS = Math.ceil(RASTER_MAX_BYTES / 3) * 4

/** The stored string, checked before anything is decoded. */
export const HeatMapEntrySchema = z.string().check(
  z.minLength(1),
  z.maxLength(HEATMAP_MAX_CHARS),
  z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
)

export const NO_HEATMAP = 'No heat map for this capture (captured with method 1 / before heat maps).'
export const HEATMAP_MISMATCH = 'The heat map does not match the capture'

export type HeatMapRead =
  | { kind: 'ok'; png: Uint8Array; ref: HeatMapRef }
  /** The capture names no heat map (method 1, or from before heat maps). */
  | { kind: 'none'; message: string }
  /** The capture names one, but the entry is missing, damaged or another picture (`reason`: which). */
  | { kind: 'mismatch'; message: string; reason: string }

/** The stored form of a PNG. */
export function heatMapEntry(png: Uint8Array): string {
  return base64Encode(png)
}

/** What the record says about a heat map it stores with the capture. */
export function heatMapRefOf(png: Uint8Array, size: { width: number; height: number }, shares: HeatMapRef['shares']): HeatMapRef {
  const round = (v: number) => Math.round(v * 1e6) / 1e6
  return {
    sha256: toHex(sha256(png)),
    bytes: png.length,
    width: size.width,
    height: size.height,
    shares: { changed: round(shares.changed), added: round(shares.added), removed: round(shares.removed) },
  }
}

const CHUNKS_ALLOWED = new Set(['PLTE', 'tRNS', 'IDAT'])
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * Is this a plain indexed PNG — signature, IHDR, PLTE/tRNS/IDAT, IEND and nothing
 * after — of at most 256 px a side? Ancillary chunks (text, EXIF, ICC…) could carry
 * anything; a heat map carries only its picture. Reads chunk headers only.
 */
export function plainPngSize(png: Uint8Array): { ok: true; width: number; height: number } | { ok: false; error: string } {
  const u32 = (at: number) => ((png[at]! << 24) | (png[at + 1]! << 16) | (png[at + 2]! << 8) | png[at + 3]!) >>> 0
  const type = (at: number) => String.fromCharCode(png[at]!, png[at + 1]!, png[at + 2]!, png[at + 3]!)
  if (png.length < 8 + 25 + 12 || SIGNATURE.some((b, i) => png[i] !== b)) return { ok: false, error: 'it is not a PNG' }
  if (u32(8) !== 13 || type(12) !== 'IHDR') return { ok: false, error: 'its header is missing' }
  const width = u32(16)
  const height = u32(20)
  const depth = png[24]!
  if (!(width >= 1 && width <= 256 && height >= 1 && height <= 256)) return { ok: false, error: `it is ${String(width)} × ${String(height)} px (at most 256 a side)` }
  if (png[25] !== 3 || ![1, 2, 4, 8].includes(depth) || png[26] !== 0 || png[27] !== 0 || png[28] !== 0) return { ok: false, error: 'it is not a plain indexed-colour PNG' }
  let at = 33
  let idat = false
  for (;;) {
    if (at + 12 > png.length) return { ok: false, error: 'it is truncated' }
    const length = u32(at)
    const name = type(at + 4)
    const end = at + 12 + length
    if (end > png.length) return { ok: false, error: 'it is truncated' }
    if (name === 'IEND') {
      if (length !== 0 || end !== png.length || !idat) return { ok: false, error: 'it does not end where a PNG ends' }
      return { ok: true, width, height }
    }
    if (!CHUNKS_ALLOWED.has(name)) return { ok: false, error: `it carries a “${name.replace(/[^ -~]/g, '?')}” chunk besides the picture` }
    if (name === 'IDAT') idat = true
    at = end
  }
}

/**
 * The heat map a capture names, read from its entry and checked against the record:
 * size, SHA-256, pixels and a plain PNG. `raw` is the entry as stored (null: absent).
 */
export function readHeatMap(capture: Pick<Capture, 'heatmap'> | null, raw: string | null | undefined): HeatMapRead {
  const ref = capture?.heatmap
  if (!ref) return { kind: 'none', message: NO_HEATMAP }
  const bad = (why: string): HeatMapRead => ({ kind: 'mismatch', message: `${HEATMAP_MISMATCH}: ${why}. It is not shown; capture again to make a new one.`, reason: why })
  if (raw === null || raw === undefined || raw === '') return bad('its entry is missing')
  const checked = z.safeParse(HeatMapEntrySchema, raw)
  if (!checked.success) return bad(raw.length > HEATMAP_MAX_CHARS ? 'its entry is larger than a heat map may be' : 'its entry is not base64')
  const png = base64Decode(raw)
  if (!png) return bad('its entry is not base64')
  if (png.length !== ref.bytes) return bad(`it is ${String(png.length)} bytes, the capture recorded ${String(ref.bytes)}`)
  if (toHex(sha256(png)) !== ref.sha256) return bad('its SHA-256 differs from the one the capture recorded (changed or stale)')
  const size = plainPngSize(png)
  if (!size.ok) return bad(size.error)
  if (size.width !== ref.width || size.height !== ref.height) return bad('its size differs from the one the capture recorded')
  return { kind: 'ok', png, ref }
}

/** Words for a screen reader: what the picture shows, from the shares the capture recorded. */
export function heatMapAltText(name: string, shares: HeatMapRef['shares']): string {
  const pct = (v: number) => `${String(Math.round(v * 1000) / 10)} %`
  return `Heat map of ${name}: ${pct(shares.changed)} of the pattern changed, ${pct(shares.added)} added and ${pct(shares.removed)} removed or hidden by people; the rest is the AI output, unchanged, shown faded.`
}
