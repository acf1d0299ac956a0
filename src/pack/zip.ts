/**
 * A deterministic zip writer. fflate's `zipSync` stamps entries from `Date` in the
 * local time zone and adds extra fields; a pack must be byte-identical for the same
 * inputs and time on any machine, so the container is written here and only the
 * deflate step comes from fflate.
 *
 * Fixed choices: entries in the order given, DOS time from the pack's UTC time,
 * UTF-8 flag set, no extra fields, no data descriptors, no zip64 (a pack stays below
 * 4 GB and 65,535 entries; larger inputs are refused), "made by" Unix with mode
 * 0644 regular file.
 */
import { deflateSync } from 'fflate'
import { crc32 } from './crc32'
import { utf8Encode } from './bytes'

export interface ZipEntryInput {
  path: string
  bytes: Uint8Array
  /** Deflate (text) or store (PNG, PDF: already compressed). */
  compress: boolean
}

export const ZIP_LIMITS = { maxEntries: 65_535, maxBytes: 0xffff_fffe } as const

/** DOS date/time fields from an ISO or epoch time, in UTC; clamped to 1980..2107. */
export function dosDateTime(ms: number): { time: number; date: number } {
  const d = new Date(ms)
  const year = Math.min(2107, Math.max(1980, d.getUTCFullYear()))
  const date = ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1)
  return { time, date }
}

function u16(out: Uint8Array, o: number, v: number): void {
  out[o] = v & 0xff
  out[o + 1] = (v >>> 8) & 0xff
}
function u32(out: Uint8Array, o: number, v: number): void {
  out[o] = v & 0xff
  out[o + 1] = (v >>> 8) & 0xff
  out[o + 2] = (v >>> 16) & 0xff
  out[o + 3] = (v >>> 24) & 0xff
}

export interface ZipWriter {
  /** Adds one entry; `crc` may be given when the caller already computed it. */
  add(entry: ZipEntryInput, crc?: number): void
  /** The archive as parts (concatenate, or hand to `new Blob(parts)`). */
  finish(): Uint8Array[]
}

/** A writer that keeps every part; nothing is copied into one big buffer. */
export function createZipWriter(timeMs: number): ZipWriter {
  const { time, date } = dosDateTime(timeMs)
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  const seen = new Set<string>()
  let offset = 0
  let count = 0
  return {
    add(entry, knownCrc) {
      if (seen.has(entry.path)) throw new Error(`Duplicate pack entry: ${entry.path}`)
      seen.add(entry.path)
      if (++count > ZIP_LIMITS.maxEntries) throw new Error('Too many entries for a pack.')
      const name = utf8Encode(entry.path)
      const crc = knownCrc ?? crc32(entry.bytes)
      const data = entry.compress ? deflateSync(entry.bytes, { level: 6 }) : entry.bytes
      const method = entry.compress ? 8 : 0
      if (offset + data.length > ZIP_LIMITS.maxBytes) throw new Error('The pack would exceed 4 GB.')
      const local = new Uint8Array(30 + name.length)
      u32(local, 0, 0x04034b50)
      u16(local, 4, 20) // version needed: 2.0
      u16(local, 6, 0x0800) // UTF-8 names
      u16(local, 8, method)
      u16(local, 10, time)
      u16(local, 12, date)
      u32(local, 14, crc)
      u32(local, 18, data.length)
      u32(local, 22, entry.bytes.length)
      u16(local, 26, name.length)
      u16(local, 28, 0)
      local.set(name, 30)
      const cd = new Uint8Array(46 + name.length)
      u32(cd, 0, 0x02014b50)
      u16(cd, 4, (3 << 8) | 20) // made by: Unix, 2.0
      u16(cd, 6, 20)
      u16(cd, 8, 0x0800)
      u16(cd, 10, method)
      u16(cd, 12, time)
      u16(cd, 14, date)
      u32(cd, 16, crc)
      u32(cd, 20, data.length)
      u32(cd, 24, entry.bytes.length)
      u16(cd, 28, name.length)
      // extra length, comment length, disk number, internal attributes: 0
      u32(cd, 38, (0o100644 << 16) >>> 0) // regular file, rw-r--r--
      u32(cd, 42, offset)
      cd.set(name, 46)
      parts.push(local, data)
      central.push(cd)
      offset += local.length + data.length
    },
    finish() {
      let cdSize = 0
      for (const c of central) cdSize += c.length
      const end = new Uint8Array(22)
      u32(end, 0, 0x06054b50)
      u16(end, 8, count)
      u16(end, 10, count)
      u32(end, 12, cdSize)
      u32(end, 16, offset)
      return [...parts, ...central, end]
    },
  }
}
