/**
 * Reads a pack archive safely, in two passes, before anything is trusted:
 *
 * 1. `checkArchiveLayout`: our own parse of the end record, the central directory and
 *    every local header, with no decompression. yauzl and fflate check neither CRCs,
 *    symlink modes, duplicates after Unicode normalisation and case folding,
 *    local-header vs central-directory names, overlapping entries nor bytes outside
 *    the archive (measured on hand-made hostile archives, issue #8) — so those checks
 *    are here, and they refuse before a single entry is inflated.
 * 2. `readEntries`: yauzl (lazyEntries, strictFileNames, validateEntrySizes) streams
 *    each entry through Node's SHA-256 and zlib.crc32, bounded by the declared size.
 *    Nothing is written to disk; only the small text files are kept in memory.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { crc32 as zlibCrc32 } from 'node:zlib'
import yauzl from 'yauzl'

export interface ArchiveLimits {
  maxArchiveBytes: number
  maxEntries: number
  maxEntryBytes: number
  maxTotalBytes: number
  /** Largest uncompressed/compressed ratio for entries over ratioFloorBytes. */
  maxRatio: number
  ratioFloorBytes: number
  maxCentralDirectoryBytes: number
  maxNameBytes: number
}

export const DEFAULT_LIMITS: ArchiveLimits = {
  maxArchiveBytes: 4 * 1024 ** 3,
  maxEntries: 20_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxCentralDirectoryBytes: 32 * 1024 * 1024,
  maxNameBytes: 512,
}

export interface LayoutEntry {
  name: string
  method: number
  flags: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
  /** Where the entry's data starts (after its local header). */
  dataStart: number
  isDirectory: boolean
}

export type LayoutResult =
  | { ok: true; entries: LayoutEntry[]; archiveBytes: number }
  | { ok: false; reasons: string[]; unreadable?: boolean }

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_END = 0x06054b50
const SIG_END64_LOCATOR = 0x07064b50
const SIG_DESCRIPTOR = 0x08074b50

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Why a name is unsafe, or null. Names are compared after NFC and case folding elsewhere. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'an empty name'
  if (/[\u0000-\u001f\u007f]/.test(name)) return `a control character in "${printable(name)}"`
  if (name.includes('\\')) return `a backslash in "${printable(name)}"`
  if (name.startsWith('/')) return `an absolute path "${printable(name)}"`
  if (/^[A-Za-z]:/.test(name)) return `a drive path "${printable(name)}"`
  const segments = name.replace(/\/$/, '').split('/')
  if (segments.some((s) => s === '..')) return `a ".." segment in "${printable(name)}"`
  if (segments.some((s) => s === '.' || s === '')) return `an empty or "." segment in "${printable(name)}"`
  return null
}

/** Names as a reader on a case-insensitive, normalising file system would see them. */
export function foldName(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC').replace(/\/$/, '')
}

export function printable(s: string): string {
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  return t.length > 120 ? `${t.slice(0, 117)}…` : t
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length)
  let got = 0
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, position + got)
    if (bytesRead === 0) break
    got += bytesRead
  }
  return got === length ? buf : buf.subarray(0, got)
}

export async function checkArchiveLayout(file: string, limits: ArchiveLimits = DEFAULT_LIMITS): Promise<LayoutResult> {
  let fh: FileHandle
  try {
    fh = await open(file, 'r')
  } catch (err) {
    const code = (err as { code?: string }).code
    return { ok: false, unreadable: true, reasons: [code === 'ENOENT' ? `no such file: ${file}` : `cannot open ${file} (${code ?? 'error'})`] }
  }
  try {
    const stat = await fh.stat()
    if (!stat.isFile()) return { ok: false, unreadable: true, reasons: [`${file} is not a file`] }
    return await layout(fh, stat.size, limits)
  } finally {
    await fh.close()
  }
}

/** The first bytes of every zip file: a local file header, or the end record of an empty archive. */
const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')]

async function layout(fh: FileHandle, size: number, limits: ArchiveLimits): Promise<LayoutResult> {
  const refuse = (...reasons: string[]): LayoutResult => ({ ok: false, reasons })
  // A file that is not a zip at all (a CSV, a PNG: no zip signature at its start and no
  // end record) is not a damaged pack but the wrong file: the README promises exit 2 for
  // it, like a missing file (issue #21, item 5). A zip that starts right and breaks later,
  // or carries bytes before it, stays a damaged pack (exit 1).
  const head = await readAt(fh, 0, Math.min(size, 4))
  const zipHead = ZIP_MAGIC.some((magic) => head.length === 4 && head.equals(magic))
  const notZip = (why: string): LayoutResult =>
    zipHead ? refuse(`not a zip archive (${why})`) : { ok: false, unreadable: true, reasons: [`not a zip archive, so not a pack (${why}; it does not start with the zip signature “PK”)`] }
  if (size < 22) return notZip('too short')
  if (size > limits.maxArchiveBytes) return refuse(`the archive is ${size} bytes, over the ${limits.maxArchiveBytes}-byte cap`)

  // --- end of central directory: must end the file exactly (no trailing bytes, no comment)
  const tailLen = Math.min(size, 22 + 0xffff)
  const tail = await readAt(fh, size - tailLen, tailLen)
  let endAt = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_END) {
      endAt = i
      break
    }
  }
  if (endAt < 0) return notZip('no end-of-central-directory record; truncated?')
  const commentLen = tail.readUInt16LE(endAt + 20)
  if (endAt + 22 + commentLen !== tail.length) return refuse('bytes after the end of the archive')
  if (commentLen !== 0) return refuse('an archive comment (packs have none; bytes outside the entries)')
  const endOffset = size - tailLen + endAt
  if (endAt >= 20 && tail.readUInt32LE(endAt - 20) === SIG_END64_LOCATOR) return refuse('a zip64 archive (packs are never zip64)')
  const disk = tail.readUInt16LE(endAt + 4)
  const cdDisk = tail.readUInt16LE(endAt + 6)
  const countDisk = tail.readUInt16LE(endAt + 8)
  const count = tail.readUInt16LE(endAt + 10)
  const cdSize = tail.readUInt32LE(endAt + 12)
  const cdOffset = tail.readUInt32LE(endAt + 16)
  if (disk !== 0 || cdDisk !== 0 || countDisk !== count) return refuse('a multi-disk archive')
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return refuse('zip64 markers in the end record')
  if (count > limits.maxEntries) return refuse(`${count} entries, over the ${limits.maxEntries}-entry cap`)
  if (cdSize > limits.maxCentralDirectoryBytes) return refuse('a central directory over its size cap')
  if (cdOffset + cdSize !== endOffset) {
    return refuse(cdOffset + cdSize < endOffset ? 'bytes between the central directory and the end record' : 'the central directory overlaps the end record')
  }

  // --- central directory
  const cd = await readAt(fh, cdOffset, cdSize)
  if (cd.length !== cdSize) return refuse('the central directory is truncated')
  const entries: (LayoutEntry & { nameBytes: Buffer; versionNeeded: number; dosTime: number })[] = []
  const reasons: string[] = []
  let p = 0
  let total = 0
  const seen = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) return refuse(`central directory entry ${i + 1} is damaged`)
    const p0 = p
    const madeBy = cd.readUInt16LE(p + 4)
    const flags = cd.readUInt16LE(p + 8)
    const method = cd.readUInt16LE(p + 10)
    const crc = cd.readUInt32LE(p + 16)
    const compressedSize = cd.readUInt32LE(p + 20)
    const uncompressedSize = cd.readUInt32LE(p + 24)
    const nameLen = cd.readUInt16LE(p + 28)
    const extraLen = cd.readUInt16LE(p + 30)
    const commentLen2 = cd.readUInt16LE(p + 32)
    const diskStart = cd.readUInt16LE(p + 34)
    const external = cd.readUInt32LE(p + 38)
    const localOffset = cd.readUInt32LE(p + 42)
    const end = p + 46 + nameLen + extraLen + commentLen2
    if (end > cd.length) return refuse(`central directory entry ${i + 1} runs past the directory`)
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLen)
    const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen)
    p = end
    let name: string
    try {
      name = strictUtf8.decode(nameBytes)
    } catch {
      reasons.push(`entry ${i + 1} has a name that is not UTF-8`)
      continue
    }
    const label = `"${printable(name)}"`
    if (nameLen > limits.maxNameBytes) reasons.push(`entry ${i + 1} has a name over ${limits.maxNameBytes} bytes`)
    if (/[^\x00-\x7f]/.test(name) && (flags & 0x0800) === 0) reasons.push(`${label} is not flagged as UTF-8 (its name would read differently elsewhere)`)
    const unsafe = unsafeNameReason(name)
    if (unsafe) reasons.push(`unsafe name: ${unsafe}`)
    for (let q = 0; q + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(q)
      const len = extra.readUInt16LE(q + 2)
      if (id === 0x7075) reasons.push(`${label} carries a second (Unicode path) name`)
      if (id === 0x0001) reasons.push(`${label} has zip64 sizes`)
      q += 4 + len
    }
    if (flags & 0x0001 || flags & 0x0040) reasons.push(`${label} is encrypted`)
    if (method !== 0 && method !== 8) reasons.push(`${label} uses compression method ${method} (only store and deflate)`)
    const host = madeBy >>> 8
    const mode = external >>> 16
    const type = mode & 0o170000
    if (host !== 0 && host !== 3) reasons.push(`${label} was made by an unknown system (${host}); its file type cannot be read`)
    else if (host === 3 && type === 0o120000) reasons.push(`${label} is a symbolic link`)
    else if (host === 3 && type !== 0o100000 && type !== 0o040000) reasons.push(`${label} is not a regular file (mode ${mode.toString(8)})`)
    if (diskStart !== 0) reasons.push(`${label} starts on another disk`)
    const isDirectory = name.endsWith('/')
    if (isDirectory && (uncompressedSize !== 0 || compressedSize !== 0)) reasons.push(`directory ${label} has content`)
    if (uncompressedSize > limits.maxEntryBytes) reasons.push(`${label} declares ${uncompressedSize} bytes, over the ${limits.maxEntryBytes}-byte entry cap`)
    if (method === 0 && compressedSize !== uncompressedSize) reasons.push(`${label} is stored but its two sizes differ`)
    if (method === 8 && uncompressedSize > limits.ratioFloorBytes && uncompressedSize > compressedSize * limits.maxRatio) {
      reasons.push(`${label} expands ${Math.round(uncompressedSize / Math.max(1, compressedSize))}× (a zip bomb?)`)
    }
    total += uncompressedSize
    const folded = foldName(name)
    const before = seen.get(folded)
    if (before !== undefined) reasons.push(`duplicate name: "${printable(before)}" and ${label}${before === name ? '' : ' are the same after Unicode normalisation and case folding'}`)
    else seen.set(folded, name)
    const versionNeeded = cd.readUInt16LE(p0 + 6)
    const dosTime = cd.readUInt32LE(p0 + 12)
    entries.push({ name, nameBytes, method, flags, crc32: crc, compressedSize, uncompressedSize, localOffset, dataStart: 0, isDirectory, versionNeeded, dosTime })
  }
  if (p !== cd.length) reasons.push('the central directory has bytes beyond its entries')
  if (total > limits.maxTotalBytes) reasons.push(`the entries expand to ${total} bytes, over the ${limits.maxTotalBytes}-byte cap`)
  if (reasons.length) return { ok: false, reasons }

  // --- local headers: same names, same facts; the entries tile [0, cdOffset) exactly
  const spans: { start: number; end: number; name: string }[] = []
  for (const e of entries) {
    if (e.localOffset + 30 > cdOffset) return refuse(`the local header of "${printable(e.name)}" lies outside the entry area`)
    const h = await readAt(fh, e.localOffset, 30)
    if (h.length < 30 || h.readUInt32LE(0) !== SIG_LOCAL) return refuse(`no local header where the directory places "${printable(e.name)}"`)
    const lFlags = h.readUInt16LE(6)
    const lMethod = h.readUInt16LE(8)
    const nameLen = h.readUInt16LE(26)
    const extraLen = h.readUInt16LE(28)
    const localName = await readAt(fh, e.localOffset + 30, nameLen)
    if (!localName.equals(e.nameBytes)) return refuse(`the local header names "${printable(localName.toString('utf8'))}" where the directory names "${printable(e.name)}"`)
    // Every field the two headers share must agree: a reader that trusts the local
    // header (a streaming unzip) must see the same entry as one that trusts the directory.
    if (lMethod !== e.method || lFlags !== e.flags || h.readUInt16LE(4) !== e.versionNeeded || h.readUInt32LE(10) !== e.dosTime) {
      return refuse(`the local header of "${printable(e.name)}" disagrees with the directory`)
    }
    let descriptor = 0
    const dataStart = e.localOffset + 30 + nameLen + extraLen
    if (e.flags & 0x0008) {
      const d = await readAt(fh, dataStart + e.compressedSize, 16)
      descriptor = d.length >= 4 && d.readUInt32LE(0) === SIG_DESCRIPTOR ? 16 : 12
    } else if (h.readUInt32LE(14) !== e.crc32 || h.readUInt32LE(18) !== e.compressedSize || h.readUInt32LE(22) !== e.uncompressedSize) {
      return refuse(`the local header of "${printable(e.name)}" declares other sizes or CRC than the directory`)
    }
    e.dataStart = dataStart
    spans.push({ start: e.localOffset, end: dataStart + e.compressedSize + descriptor, name: e.name })
  }
  spans.sort((a, b) => a.start - b.start)
  let at = 0
  for (const s of spans) {
    if (s.start > at) return refuse(`${s.start - at} bytes outside any entry before "${printable(s.name)}"`)
    if (s.start < at) return refuse(`"${printable(s.name)}" overlaps the entry before it`)
    at = s.end
  }
  if (at > cdOffset) return refuse('the last entry overlaps the central directory')
  if (at < cdOffset) return refuse(`${cdOffset - at} bytes outside any entry before the central directory`)
  return { ok: true, entries: entries.map(({ nameBytes: _n, versionNeeded: _v, dosTime: _t, ...rest }) => rest), archiveBytes: size }
}

export interface ReadEntry {
  path: string
  bytes: number
  sha256: string
  /** Kept only for names in `keep`, and only up to `keepMaxBytes`. */
  content: Buffer | null
}

export type ReadResult = { ok: true; entries: ReadEntry[] } | { ok: false; reasons: string[] }

/** Read size for stored entries. Measured here on 200 MB: 16 kB reads (a stream's default) hash at ~450 MB/s, 1 MB reads at ~900 MB/s. */
const STORED_CHUNK = 1024 * 1024

/**
 * Streams every entry through SHA-256 and CRC-32 (the layout must already have
 * passed). yauzl walks the entries and inflates the deflated ones (bounded by the
 * declared size); stored entries — the big PNGs and PDFs — are read straight from the
 * offsets the layout check verified, in 1 MB reads. Keeps the text of the names in `keep`.
 */
export function readEntries(
  file: string,
  layout: readonly LayoutEntry[],
  keep: ReadonlySet<string>,
  keepMaxBytes = 8_000_000,
): Promise<ReadResult> {
  const declared = new Map(layout.map((e) => [e.name, e]))
  return new Promise((resolve) => {
    let settled = false
    const finish = (r: ReadResult, zip?: yauzl.ZipFile): void => {
      if (settled) return
      settled = true
      zip?.close()
      resolve(r)
    }
    yauzl.open(
      file,
      { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, autoClose: true, decodeStrings: true },
      (err, zip) => {
        if (err || !zip) return finish({ ok: false, reasons: [`the archive cannot be read: ${err?.message ?? 'unknown error'}`] })
        const out: ReadEntry[] = []
        zip.on('error', (e: Error) => finish({ ok: false, reasons: [`the archive cannot be read: ${e.message}`] }, zip))
        zip.on('end', () => finish({ ok: true, entries: out }))
        /** Hashes one entry's bytes; the next entry is read only after this one ends. */
        const consume = (stream: NodeJS.ReadableStream, d: LayoutEntry): void => {
          const name = d.name
          const hash = createHash('sha256')
          let crc = 0
          let n = 0
          const chunks: Buffer[] | null = keep.has(name) && d.uncompressedSize <= keepMaxBytes ? [] : null
          stream.on('data', (chunk: Buffer) => {
            hash.update(chunk)
            crc = zlibCrc32(chunk, crc)
            n += chunk.length
            chunks?.push(chunk)
          })
          stream.on('error', (e3: Error) => finish({ ok: false, reasons: [`"${printable(name)}" is damaged: ${e3.message}`] }, zip))
          stream.on('end', () => {
            if (crc >>> 0 !== d.crc32) return finish({ ok: false, reasons: [`"${printable(name)}" fails its CRC-32 check (the bytes were changed)`] }, zip)
            if (n !== d.uncompressedSize) return finish({ ok: false, reasons: [`"${printable(name)}" holds ${n} bytes, not the ${d.uncompressedSize} it declares`] }, zip)
            out.push({ path: name, bytes: n, sha256: hash.digest('hex'), content: chunks ? Buffer.concat(chunks) : null })
            zip.readEntry()
          })
        }
        zip.on('entry', (entry: yauzl.Entry) => {
          const name = entry.fileName
          const d = declared.get(name)
          if (!d) return finish({ ok: false, reasons: [`yauzl sees an entry "${printable(name)}" the directory check did not`] }, zip)
          if (d.isDirectory) return zip.readEntry()
          if (entry.compressionMethod === 0 && d.method === 0 && entry.compressedSize === d.compressedSize && d.compressedSize > 0) {
            return consume(createReadStream(file, { start: d.dataStart, end: d.dataStart + d.compressedSize - 1, highWaterMark: STORED_CHUNK }), d)
          }
          zip.openReadStream(entry, (e2, stream) => {
            if (e2 || !stream) return finish({ ok: false, reasons: [`"${printable(name)}" cannot be read: ${e2?.message ?? 'unknown error'}`] }, zip)
            consume(stream, d)
          })
        })
        zip.readEntry()
      },
    )
  })
}
