/**
 * The binary layout of a baseline (before deflate), v2–v4. All integers LEB128 varints
 * ("zz" = zigzag-encoded signed varint):
 *   u8 version (2–4) · N · string table · rootId · rootBounds (4 zz)
 *   · fill-, stroke-, effect-list tables (paint-tables.ts) · outline table (outline-table.ts)
 *   · the element columns, N values each, in the order of `COLUMNS` (columns.ts)
 * Repeated structure (a textile repeat shares paints, effects and outlines) is
 * deduplicated into the tables; per-element columns hold small indices and deltas,
 * which deflate then folds across repeated tiles. Irregular data (traced or scattered
 * patterns: every shape its own position, size, outline and colour) is kept near its
 * entropy by byte-plane numeric columns (numbers.ts), 8-bit colours in one byte per
 * channel, and outlines as residuals of a multiresolution prediction along the outline.
 * Version 1 never shipped and is not read. See docs/storage.md.
 */

import type { Bounds, PatternSnapshot } from '../../coefficient/snapshot'
import { CorruptError, Reader, StringTable, Writer } from './bytes'
import { blankElement, COLUMNS, pathForms, type DecodeState, type EncodeState, type PathForm } from './columns'
import { OutlineTable, readOutlineTable } from './outline-table'
import { EffectTable, PaintTable, readEffectTable, readPaintTable } from './paint-tables'
import { PX, q } from './quantize'

/** The version this codec writes. */
export const BASELINE_FORMAT_VERSION = 5
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
  if (!r.done) throw new CorruptError('unexpected bytes after the last element')
  const snapshot: PatternSnapshot = { rootId, rootBounds, elements: dec.elements }
  if (dec.placement) snapshot.placement = dec.placement
  // Format 5 stores every element's mask flag (the masks column).
  if (version >= 5) snapshot.masksRead = true
  return snapshot
}

function writeBounds(out: Writer, b: Bounds): void {
  for (const v of [b.x, b.y, b.w, b.h]) out.sv(q(v, PX))
}

function readBounds(r: Reader): Bounds {
  return { x: r.sv('bounds') / PX, y: r.sv('bounds') / PX, w: r.sv('bounds') / PX, h: r.sv('bounds') / PX }
}
