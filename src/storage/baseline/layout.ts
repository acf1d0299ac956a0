/**
 * The binary layout of a baseline (before deflate), v2–v4. All integers LEB128 varints
 * ("zz" = zigzag-encoded signed varint):
 *   u8 version (2–4) · N · string table · rootId · rootBounds (4 zz)
 *   · fill-, stroke-, effect-list tables (paint-tables.ts) · outline table (outline-table.ts)
 *   · the element columns, N values each, in the order of `COLUMNS` (columns.ts)
 *   · since v6: the pictures' samples (count, then per picture: hash, sample size,
 *     source size, RGBA bytes) — issue #20; image fills keep their placement since v6
 * Repeated structure (a textile repeat shares paints, effects and outlines) is
 * deduplicated into the tables; per-element columns hold small indices and deltas,
 * which deflate then folds across repeated tiles. Irregular data (traced or scattered
 * patterns: every shape its own position, size, outline and colour) is kept near its
 * entropy by byte-plane numeric columns (numbers.ts), 8-bit colours in one byte per
 * channel, and outlines as residuals of a multiresolution prediction along the outline.
 * Version 1 never shipped and is not read. See docs/storage.md.
 */

import { PATTERN_SAMPLE_BYTES } from '../../coefficient/picture/sample'
import type { Bounds, ImageSample, PatternSnapshot } from '../../coefficient/snapshot'
import { base64Decode, base64Encode } from '../base64'
import { CorruptError, Reader, StringTable, Writer } from './bytes'
import { blankElement, COLUMNS, pathForms, type DecodeState, type EncodeState, type PathForm } from './columns'
import { OutlineTable, readOutlineTable } from './outline-table'
import { EffectTable, PaintTable, readEffectTable, readPaintTable } from './paint-tables'
import { PX, q } from './quantize'

/** The version this codec writes. */
export const BASELINE_FORMAT_VERSION = 6
/** The oldest version it reads (version 1 never shipped). */
export const OLDEST_BASELINE_FORMAT_VERSION = 2

/**
 * The binary layout (before deflate). Exported for tests and the benchmark. `version`
 * writes an older format (its columns only), as an older plugin wrote it: for tests of
 * baselines already stored in files.
 */
export function encodeLayout(snapshot: PatternSnapshot, version = BASELINE_FORMAT_VERSION): Uint8Array {
  if (!(Number.isInteger(version) && version >= OLDEST_BASELINE_FORMAT_VERSION && version <= BASELINE_FORMAT_VERSION)) {
    throw new RangeError(`cannot write baseline format ${version}`)
  }
  // Formats before 4 cannot say that the elements are placed by their own boxes.
  if (version < 4 && snapshot.placement !== undefined) throw new RangeError(`baseline format ${version} cannot hold the own-box placement`)
  const columnsOf = COLUMNS.filter((column) => (column.since ?? OLDEST_BASELINE_FORMAT_VERSION) <= version)
  const strings = new StringTable()
  let paths: PathForm[] | null = null
  const enc: EncodeState = {
    elements: snapshot.elements,
    placement: snapshot.placement,
    strings,
    fills: new PaintTable(strings),
    strokes: new PaintTable(strings),
    effects: new EffectTable(strings),
    outlines: new OutlineTable(),
    paths: () => (paths ??= pathForms(snapshot.elements, strings)),
  }
  // Columns first, into their own buffers: they fill the string and entry tables,
  // which are stored before them.
  const columns = columnsOf.map((column) => {
    const w = new Writer()
    column.write(w, enc)
    return w
  })
  const rootId = strings.intern(snapshot.rootId)

  const out = new Writer()
  out.u8(version)
  out.uv(snapshot.elements.length)
  out.uv(strings.list.length)
  for (const str of strings.list) out.str(str)
  out.uv(rootId)
  writeBounds(out, snapshot.rootBounds)
  enc.fills.write(out)
  enc.strokes.write(out)
  enc.effects.write(out)
  enc.outlines.write(out)
  for (const c of columns) out.bytes(c.result())
  if (version >= 6) writeImages(out, snapshot.images ?? {})
  return out.result()
}

/** Inverse of `encodeLayout`; throws on malformed input. */
export function decodeLayout(raw: Uint8Array): PatternSnapshot {
  const r = new Reader(raw)
  const version = r.u8('version')
  if (version < OLDEST_BASELINE_FORMAT_VERSION || version > BASELINE_FORMAT_VERSION) {
    throw new CorruptError(`unknown baseline format version ${version} (this plugin reads ${BASELINE_FORMAT_VERSION})`)
  }
  const n = r.count('element count', 8)
  const strings: string[] = []
  const stringCount = r.count('string count', 1)
  for (let i = 0; i < stringCount; i++) strings.push(r.str('string'))
  const rootId = strings[r.index(strings.length, 'root id')]
  const rootBounds = readBounds(r)
  const dec: DecodeState = {
    n,
    strings,
    fills: readPaintTable(r, strings),
    strokes: readPaintTable(r, strings),
    effects: readEffectTable(r, strings),
    outlines: readOutlineTable(r),
    elements: Array.from({ length: n }, blankElement),
    flags: [],
    placement: undefined,
  }
  // A column newer than the stored version is not there: its field keeps the blank value.
  for (const column of COLUMNS) if ((column.since ?? OLDEST_BASELINE_FORMAT_VERSION) <= version) column.read(r, dec)
  // Before format 6 a baseline holds no picture samples: a replaced picture counts as new.
  const images = version >= 6 ? readImages(r) : undefined
  if (!r.done) throw new CorruptError('unexpected bytes after the last element')
  const snapshot: PatternSnapshot = { rootId, rootBounds, elements: dec.elements }
  if (dec.placement) snapshot.placement = dec.placement
  // Format 5 stores every element's mask flag (the masks column).
  if (version >= 5) snapshot.masksRead = true
  if (images && Object.keys(images).length > 0) snapshot.images = images
  // Format 6 stores the windings beside the path data and every operand flag (snapshot.ts kindsRead).
  if (version >= 6) snapshot.kindsRead = true
  return snapshot
}

function writeBounds(out: Writer, b: Bounds): void {
  for (const v of [b.x, b.y, b.w, b.h]) out.sv(q(v, PX))
}

function readBounds(r: Reader): Bounds {
  return { x: r.sv('bounds') / PX, y: r.sv('bounds') / PX, w: r.sv('bounds') / PX, h: r.sv('bounds') / PX }
}

function writeImages(out: Writer, images: Record<string, ImageSample>): void {
  const hashes = Object.keys(images).sort()
  out.uv(hashes.length)
  for (const h of hashes) {
    const s = images[h]!
    const bytes = base64Decode(s.rgba)
    if (!bytes || bytes.length !== s.width * s.height * 4) throw new RangeError(`the sample of picture ${h} does not hold ${s.width} × ${s.height} RGBA`)
    out.str(h)
    out.uv(s.width)
    out.uv(s.height)
    out.uv(s.sourceWidth)
    out.uv(s.sourceHeight)
    out.bytes(bytes)
  }
}

function readImages(r: Reader): Record<string, ImageSample> {
  const out: Record<string, ImageSample> = {}
  const n = r.count('picture count', 5)
  for (let i = 0; i < n; i++) {
    const hash = r.str('picture hash')
    const width = r.uv('sample width')
    const height = r.uv('sample height')
    const sourceWidth = r.uv('picture width')
    const sourceHeight = r.uv('picture height')
    if (width < 1 || height < 1 || width * height * 4 > PATTERN_SAMPLE_BYTES) throw new CorruptError(`picture ${hash}: a ${width} × ${height} sample is outside the budget`)
    out[hash] = { width, height, sourceWidth, sourceHeight, rgba: base64Encode(r.take(width * height * 4, 'sample bytes')) }
  }
  return out
}
