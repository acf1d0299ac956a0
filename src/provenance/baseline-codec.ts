/**
 * The baseline codec: a PatternSnapshot ⇄ plugin-data strings.
 *
 * Runs in the UI iframe (compression is too heavy for Figma's main thread); pure, no
 * DOM, no atob (own base64), no crypto.subtle (not a secure context; own SHA-256).
 *
 * Stored form: `base64(deflateRaw(level 9, layout))`, split into chunks of at most
 * `chunkChars` characters (default 60,000 — plugin-data entries are limited to
 * 100 kB including the key). `hash` is the SHA-256 hex of the *stored string* (all
 * chunks joined, ASCII), so integrity is checked before anything is inflated, and a
 * reader without fflate (the main thread, the CLI) can verify what is stored.
 *
 * Layout v2 (all integers LEB128 varints; "zz" = zigzag-encoded signed varint):
 *   u8 version (2) · N · string table · rootId · rootBounds
 *   · fill-, stroke-, effect-list tables · outline table (columns: vertices, formats,
 *     references, 32 planes of prediction residuals, generic outlines)
 *   · one column per field, N values each · texts (UTF-8, length-prefixed)
 * Repeated structure (a textile repeat shares paints, effects and outlines) is
 * deduplicated into the tables; per-element columns hold small indices and deltas,
 * which deflate then folds across repeated tiles. Irregular data (traced or scattered
 * patterns: every shape its own position, size, outline and colour) is kept near its
 * entropy by byte-plane numeric columns, 8-bit colours in one byte per channel, and
 * outlines as residuals of a multiresolution prediction along the outline. Version 1
 * never shipped and is not read. See docs/storage.md.
 *
 * Quantization (the round trip is exact up to it; see `quantizeSnapshot`):
 *   bounds, rotation, stroke weight, effect radius/offset: 1/100 (px or degree)
 *   opacity (element, image/other paint): 1/1000
 *   colour channels and gradient positions: 1/65535 (k/255 colours stored as bytes, losslessly)
 *   outline points and vertex counts: integers
 *   non-finite numbers: 0; magnitudes clamped to ±2^40 quantization units
 *   strings: lone UTF-16 surrogates become U+FFFD (UTF-8)
 */

import { deflateSync, inflateSync } from 'fflate'
import { base64Decode, base64Encode } from './base64'
import { sha256, toHex } from './sha256'
import type {
  Bounds,
  EffectSnapshot,
  ElementSnapshot,
  OutlineSignature,
  PaintSnapshot,
  PatternSnapshot,
  Rgba,
} from './snapshot'
import { utf8Decode, utf8Encode, utf8Length, utf8Write } from './utf8'

export const BASELINE_FORMAT_VERSION = 2
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

// ---------------------------------------------------------------------------
// Quantization

const LIMIT = 2 ** 40

function q(v: number, scale: number): number {
  if (!isFinite(v)) return 0
  const r = Math.round(v * scale)
  if (r > LIMIT) return LIMIT
  if (r < -LIMIT) return -LIMIT
  return r === 0 ? 0 : r // no -0
}

const PX = 100
const OPACITY = 1000
const CHANNEL = 65535

const qPx = (v: number) => q(v, PX) / PX
const qOpacity = (v: number) => q(v, OPACITY) / OPACITY
const qChannel = (v: number) => q(v, CHANNEL) / CHANNEL
const qInt = (v: number) => q(v, 1)
const qStr = (s: string) => utf8Decode(utf8Encode(s))

function qRgba(c: Rgba): Rgba {
  return { r: qChannel(c.r), g: qChannel(c.g), b: qChannel(c.b), a: qChannel(c.a) }
}

function qPaint(p: PaintSnapshot): PaintSnapshot {
  switch (p.kind) {
    case 'solid':
      return { kind: 'solid', color: qRgba(p.color) }
    case 'gradient':
      return {
        kind: 'gradient',
        stops: p.stops.map((s) => ({ position: qChannel(s.position), color: qRgba(s.color) })),
      }
    case 'image':
      return { kind: 'image', imageHash: p.imageHash === null ? null : qStr(p.imageHash), opacity: qOpacity(p.opacity) }
    default:
      return { kind: 'other', type: qStr(p.type), opacity: qOpacity(p.opacity) }
  }
}

function qEffect(e: EffectSnapshot): EffectSnapshot {
  const out: EffectSnapshot = { type: qStr(e.type), visible: e.visible, radius: qPx(e.radius) }
  if (e.color !== undefined) out.color = qRgba(e.color)
  if (e.offset !== undefined) out.offset = { x: qPx(e.offset.x), y: qPx(e.offset.y) }
  return out
}

function qBounds(b: Bounds): Bounds {
  return { x: qPx(b.x), y: qPx(b.y), w: qPx(b.w), h: qPx(b.h) }
}

/**
 * The snapshot exactly as `decodeBaseline(encodeBaseline(s))` returns it: every
 * number rounded to the codec's quantization. Tests compare against this.
 */
export function quantizeSnapshot(s: PatternSnapshot): PatternSnapshot {
  return {
    rootId: qStr(s.rootId),
    rootBounds: qBounds(s.rootBounds),
    elements: s.elements.map(
      (e): ElementSnapshot => ({
        id: qStr(e.id),
        path: qStr(e.path),
        type: qStr(e.type),
        bounds: qBounds(e.bounds),
        rotation: qPx(e.rotation),
        opacity: qOpacity(e.opacity),
        visible: e.visible,
        blendMode: qStr(e.blendMode),
        fills: e.fills.map(qPaint),
        strokes: e.strokes.map(qPaint),
        strokeWeight: qPx(e.strokeWeight),
        effects: e.effects.map(qEffect),
        geometry: e.geometry === null ? null : { vertices: qInt(e.geometry.vertices), points: e.geometry.points.map(qInt) },
        text: e.text === null ? null : qStr(e.text),
      }),
    ),
  }
}

// ---------------------------------------------------------------------------
// Bytes

class Writer {
  buf = new Uint8Array(256)
  len = 0

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.len + n) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.len))
    this.buf = next
  }

  u8(v: number): void {
    this.room(1)
    this.buf[this.len++] = v
  }

  /** Unsigned varint, exact up to 2^53. */
  uv(v: number): void {
    this.room(8)
    while (v >= 128) {
      this.buf[this.len++] = (v % 128) | 128
      v = Math.floor(v / 128)
    }
    this.buf[this.len++] = v
  }

  /** Signed varint (zigzag). */
  sv(v: number): void {
    this.uv(v >= 0 ? v * 2 : -v * 2 - 1)
  }

  bytes(b: Uint8Array): void {
    this.room(b.length)
    this.buf.set(b, this.len)
    this.len += b.length
  }

  str(s: string): void {
    const n = utf8Length(s)
    this.uv(n)
    this.room(n)
    this.len = utf8Write(s, this.buf, this.len)
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.len)
  }
}

class Reader {
  pos = 0
  constructor(private readonly buf: Uint8Array) {}

  private fail(what: string): never {
    throw new CorruptError(`the data ends early or is malformed (reading ${what} at byte ${this.pos})`)
  }

  u8(what: string): number {
    if (this.pos >= this.buf.length) this.fail(what)
    return this.buf[this.pos++]
  }

  uv(what: string): number {
    let v = 0
    let mul = 1
    for (;;) {
      if (this.pos >= this.buf.length || mul > 2 ** 49) this.fail(what)
      const b = this.buf[this.pos++]
      v += (b & 127) * mul
      if (b < 128) return v
      mul *= 128
    }
  }

  sv(what: string): number {
    const z = this.uv(what)
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2
  }

  /** An index into a table of `size` entries. */
  index(size: number, what: string): number {
    const i = this.uv(what)
    if (i >= size) throw new CorruptError(`${what} refers to entry ${i} of ${size}`)
    return i
  }

  count(what: string, minBytesEach: number): number {
    const n = this.uv(what)
    if (n * minBytesEach > this.buf.length - this.pos) this.fail(what)
    return n
  }

  str(what: string): string {
    const n = this.uv(what)
    if (this.pos + n > this.buf.length) this.fail(what)
    const s = utf8Decode(this.buf, this.pos, this.pos + n)
    this.pos += n
    return s
  }

  take(n: number, what: string): Uint8Array {
    if (this.pos + n > this.buf.length) this.fail(what)
    const b = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    return b
  }

  get done(): boolean {
    return this.pos === this.buf.length
  }
}

class CorruptError extends Error {}

// ---------------------------------------------------------------------------
// Numeric columns and outline prediction (shared by encode and decode)

/** Zigzag without bit operations (values reach 2^41). */
const zz = (v: number) => (v >= 0 ? v * 2 : -v * 2 - 1)
const unzz = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2)

/**
 * A column of integers as byte planes: u8 mode (0 absolute, 1 delta from the previous
 * value), u8 width (bytes per value, ≤ 6), then `width` planes of N bytes each, low
 * byte first, of the zigzagged values. Like bytes sit together, so deflate's Huffman
 * codes fit each plane (a uniform low byte costs 8 bits, a mostly-zero high byte
 * almost nothing), and a repeat shows up as a repeat in every plane.
 */
function writeNumbers(out: Writer, values: number[]): void {
  const n = values.length
  // Candidates: absolute or delta values; as byte planes or as varints (a column that
  // is mostly one value, like opacity 1, costs a bit per element as varints but a bit
  // per plane as planes). The smallest after a quick trial deflate wins.
  let best: Writer | null = null
  let bestSize = Infinity
  let min = 0
  for (let i = 0; i < n; i++) if (values[i] < min || i === 0) min = values[i]
  for (const mode of [NUM_ABSOLUTE, NUM_DELTA, NUM_OFFSET]) {
    const zs = new Array<number>(n)
    let prev = 0
    let max = 0
    for (let i = 0; i < n; i++) {
      const z = mode === NUM_OFFSET ? values[i] - min : zz(mode === NUM_DELTA ? values[i] - prev : values[i])
      prev = values[i]
      zs[i] = z
      if (z > max) max = z
    }
    for (const layout of [0, 1]) {
      const w = new Writer()
      if (layout === 0) {
        let width = 0
        while (max >= 1) {
          width++
          max = Math.floor(max / 256)
        }
        w.u8(mode)
        w.u8(width)
        if (mode === NUM_OFFSET) w.sv(min)
        let div = 1
        for (let b = 0; b < width; b++) {
          for (let i = 0; i < n; i++) w.u8(Math.floor(zs[i] / div) % 256)
          div *= 256
        }
      } else {
        w.u8(mode)
        w.u8(VARINT_LAYOUT)
        if (mode === NUM_OFFSET) w.sv(min)
        for (let i = 0; i < n; i++) w.uv(zs[i])
      }
      const size = n < 64 ? w.len : deflateSync(w.result(), { level: 1 }).length
      if (size < bestSize) {
        bestSize = size
        best = w
      }
    }
  }
  out.bytes((best as Writer).result())
}

/** Column modes: zigzagged values, zigzagged differences to the previous value, values minus the column's minimum. */
const NUM_ABSOLUTE = 0
const NUM_DELTA = 1
const NUM_OFFSET = 2
/** The width byte of a column stored as varints rather than planes. */
const VARINT_LAYOUT = 255

function readNumbers(r: Reader, n: number, what: string): number[] {
  const mode = r.u8(what)
  const width = r.u8(what)
  if (mode > NUM_OFFSET || (width > 6 && width !== VARINT_LAYOUT)) throw new CorruptError(`${what} column has mode ${mode}, width ${width}`)
  const min = mode === NUM_OFFSET ? r.sv(what) : 0
  const out = new Array<number>(n)
  let prev = 0
  const value = (z: number) => {
    if (mode === NUM_OFFSET) return z + min
    const v = unzz(z)
    prev = mode === NUM_DELTA ? prev + v : v
    return prev
  }
  if (width === VARINT_LAYOUT) {
    for (let i = 0; i < n; i++) out[i] = value(r.uv(what))
    return out
  }
  const bytes = r.take(n * width, what)
  for (let i = 0; i < n; i++) {
    let z = 0
    let mul = 1
    for (let b = 0; b < width; b++) {
      z += bytes[b * n + i] * mul
      mul *= 256
    }
    out[i] = value(z)
  }
  return out
}

/**
 * Compact outlines (OUTLINE_POINTS = 16 points, coordinates 0..255) are stored as
 * residuals of a multiresolution prediction along the outline, per coordinate: the
 * top point (index 0) and the opposite one (8) first, then the quarter points (4, 12),
 * then 2, 6, 10, 14 and the odd ones interpolated (4-point cubic, cyclic) from the
 * points already known. Consecutive resampled points of a smooth outline are close,
 * so interpolation leaves small residuals (mean ≈ 7 on traced blobs, vs 90 for the raw
 * coordinates). Residuals are bytes (mod 256), exact for any 0..255 input.
 */
const OUTLINE_ORDER = [0, 8, 4, 12, 2, 6, 10, 14, 1, 3, 5, 7, 9, 11, 13, 15]

function predictOutline(v: number[], k: number, c: number): number {
  let p: number
  if (k === 0) p = c === 0 ? 128 : 0
  else if (k === 8) p = c === 0 ? 255 - v[0] : 255
  else if (k === 4) p = c === 0 ? 255 : (v[0] + v[8]) / 2
  else if (k === 12) p = c === 0 ? 0 : (v[0] + v[8]) / 2
  else {
    const d = k % 4 === 2 ? 2 : 1
    p = (-v[(k + 16 - 3 * d) % 16] + 9 * v[(k + 16 - d) % 16] + 9 * v[(k + d) % 16] - v[(k + 3 * d) % 16]) / 16
  }
  p = Math.round(p)
  return p < 0 ? 0 : p > 255 ? 255 : p
}

/** The 32 residual bytes of a compact outline (x coordinates first, then y, each in OUTLINE_ORDER). */
function outlineResiduals(pts: number[], ref: number[] | null): number[] {
  const out: number[] = []
  for (let c = 0; c < 2; c++) {
    const v: number[] = []
    for (let k = 0; k < 16; k++) v.push(pts[2 * k + c])
    for (const k of OUTLINE_ORDER) out.push((v[k] - (ref === null ? predictOutline(v, k, c) : ref[2 * k + c])) & 255)
  }
  return out
}

function outlineFromResiduals(res: number[], ref: number[] | null): number[] {
  const pts = new Array<number>(32)
  for (let c = 0; c < 2; c++) {
    const v = new Array<number>(16).fill(0)
    for (let j = 0; j < 16; j++) {
      const k = OUTLINE_ORDER[j]
      v[k] = (res[c * 16 + j] + (ref === null ? predictOutline(v, k, c) : ref[2 * k + c])) & 255
    }
    for (let k = 0; k < 16; k++) pts[2 * k + c] = v[k]
  }
  return pts
}

// ---------------------------------------------------------------------------
// Encode

const PAINT_SOLID = 0
const PAINT_GRADIENT = 1
const PAINT_IMAGE = 2
const PAINT_OTHER = 3
const PAINT_8BIT = 4 // flag on solid and gradient: colours as 4 bytes (k/255)

const OUTLINE_PREDICTED = 0 // compact, residuals of its own prediction
const OUTLINE_GENERIC = 1 // off-spec: length, zz values
const OUTLINE_REFERENCE = 2 // compact, residuals from an earlier outline

/**
 * A reference to a table entry, as seen when the table had `next` entries: 0 is the
 * entry just added (first use), 2k + 1 is entry k counted from the start (a list all
 * elements share, such as "no strokes"), 2k is k entries back from `next` (a recent
 * one); whichever is smaller.
 */
function tableRef(next: number, index: number): number {
  if (index === next) return 0
  return index < next - index ? 2 * index + 1 : 2 * (next - index)
}

function residualCost(res: number[]): number {
  let sum = 0
  for (const r of res) sum += r < 128 ? r : 256 - r
  return sum
}

const PATH_ROOT = 0 // ""
const PATH_PARENT_ELEMENT = 1 // parent path = path of an earlier element; A = back distance
const PATH_PARENT_STRING = 2 // parent path from the string table; A = string index
const PATH_LITERAL = 3 // whole path from the string table; A = string index

const ID_PATTERN = /^([\s\S]*?)(0|[1-9][0-9]{0,14})$/
const CHILD_INDEX = /^(0|[1-9][0-9]{0,8})$/

/** Interns byte strings (an encoded table entry) to indices, keeping first-seen order. */
class Table {
  private readonly index = new Map<string, number>()
  readonly out = new Writer()
  size = 0

  intern(entry: Writer): number {
    const bytes = entry.result()
    let key = ''
    for (let i = 0; i < bytes.length; i += 4096) {
      key += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[])
    }
    let i = this.index.get(key)
    if (i === undefined) {
      i = this.size++
      this.index.set(key, i)
      this.out.bytes(bytes)
    }
    return i
  }
}

export function encodeBaseline(snapshot: PatternSnapshot, options: { chunkChars?: number } = {}): EncodedBaseline {
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS
  if (!(Number.isInteger(chunkChars) && chunkChars >= 4)) {
    throw new RangeError(`chunkChars must be an integer ≥ 4 (got ${chunkChars})`)
  }
  const raw = encodeLayout(snapshot)
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

/** The binary layout (before deflate). Exported for tests and the benchmark. */
export function encodeLayout(snapshot: PatternSnapshot): Uint8Array {
  const strings = new Map<string, number>()
  const stringList: string[] = []
  const s = (v: string): number => {
    let i = strings.get(v)
    if (i === undefined) {
      i = stringList.length
      strings.set(v, i)
      stringList.push(v)
    }
    return i
  }

  const fillTable = new Table()
  const strokeTable = new Table()
  const effects = new Table()
  const outlineIndex = new Map<string, number>()
  const scratch = new Writer()
  const outlinePoints: number[][] = []
  const lastOutlineByVertices = new Map<number, number>()
  // Outline table columns (see decodeLayout).
  const oVertices = new Writer()
  const oFormat = new Writer()
  const oRef = new Writer()
  const oResiduals: number[][] = []
  const oGeneric = new Writer()

  const rgba = (w: Writer, c: Rgba) => {
    w.sv(q(c.r, CHANNEL))
    w.sv(q(c.g, CHANNEL))
    w.sv(q(c.b, CHANNEL))
    w.sv(q(c.a, CHANNEL))
  }
  // Colours with all channels on the 8-bit grid (k/255, what Figma's colour picker and
  // imported SVG/hex colours give) are stored as 4 bytes: k·257 is exactly k/255 at
  // the 1/65535 quantization, so this is lossless.
  const is8 = (c: Rgba) => {
    for (const v of [c.r, c.g, c.b, c.a]) {
      const x = q(v, CHANNEL)
      if (x < 0 || x > CHANNEL || x % 257 !== 0) return false
    }
    return true
  }
  const rgba8 = (w: Writer, c: Rgba) => {
    w.u8(q(c.r, CHANNEL) / 257)
    w.u8(q(c.g, CHANNEL) / 257)
    w.u8(q(c.b, CHANNEL) / 257)
    w.u8(q(c.a, CHANNEL) / 257)
  }
  const paintList = (paints: Table, list: PaintSnapshot[]): number => {
    scratch.len = 0
    scratch.uv(list.length)
    for (const p of list) {
      switch (p.kind) {
        case 'solid':
          if (is8(p.color)) {
            scratch.u8(PAINT_SOLID | PAINT_8BIT)
            rgba8(scratch, p.color)
          } else {
            scratch.u8(PAINT_SOLID)
            rgba(scratch, p.color)
          }
          break
        case 'gradient': {
          const eight = p.stops.every((st) => is8(st.color))
          scratch.u8(PAINT_GRADIENT | (eight ? PAINT_8BIT : 0))
          scratch.uv(p.stops.length)
          for (const st of p.stops) {
            scratch.sv(q(st.position, CHANNEL))
            if (eight) rgba8(scratch, st.color)
            else rgba(scratch, st.color)
          }
          break
        }
        case 'image':
          scratch.u8(PAINT_IMAGE)
          scratch.uv(p.imageHash === null ? 0 : s(p.imageHash) + 1)
          scratch.sv(q(p.opacity, OPACITY))
          break
        default:
          scratch.u8(PAINT_OTHER)
          scratch.uv(s(p.type))
          scratch.sv(q(p.opacity, OPACITY))
      }
    }
    return paints.intern(scratch)
  }
  const effectList = (list: EffectSnapshot[]): number => {
    scratch.len = 0
    scratch.uv(list.length)
    for (const e of list) {
      scratch.uv(s(e.type))
      scratch.u8((e.visible ? 1 : 0) | (e.color !== undefined ? 2 : 0) | (e.offset !== undefined ? 4 : 0))
      scratch.sv(q(e.radius, PX))
      if (e.color !== undefined) rgba(scratch, e.color)
      if (e.offset !== undefined) {
        scratch.sv(q(e.offset.x, PX))
        scratch.sv(q(e.offset.y, PX))
      }
    }
    return effects.intern(scratch)
  }
  const outline = (g: OutlineSignature): number => {
    const vertices = qInt(g.vertices)
    const pts = g.points.map(qInt)
    const key = vertices + ':' + pts.join(',')
    const known = outlineIndex.get(key)
    if (known !== undefined) return known
    const index = outlinePoints.length
    outlineIndex.set(key, index)
    outlinePoints.push(pts)
    oVertices.sv(vertices)
    let compact = pts.length === 32
    for (let i = 0; compact && i < pts.length; i++) compact = pts[i] >= 0 && pts[i] <= 255
    if (compact) {
      // Residuals of the outline's own prediction, or — for a motif drawn again with
      // small differences — of the last outline with the same vertex count, whichever
      // is smaller.
      const own = outlineResiduals(pts, null)
      const refIndex = lastOutlineByVertices.get(vertices)
      lastOutlineByVertices.set(vertices, index)
      const fromRef = refIndex === undefined ? null : outlineResiduals(pts, outlinePoints[refIndex])
      if (fromRef !== null && residualCost(fromRef) < residualCost(own)) {
        oFormat.u8(OUTLINE_REFERENCE)
        oRef.uv(index - (refIndex as number))
        oResiduals.push(fromRef)
      } else {
        oFormat.u8(OUTLINE_PREDICTED)
        oResiduals.push(own)
      }
    } else {
      oFormat.u8(OUTLINE_GENERIC)
      oGeneric.uv(pts.length)
      for (const p of pts) oGeneric.sv(p)
    }
    return index
  }

  const els = snapshot.elements
  const n = els.length
  const cFlags = new Writer()
  const cType = new Writer()
  const cIdPrefix = new Writer()
  const cIdNum = new Writer()
  const cPathA = new Writer()
  const cPathB = new Writer()
  const cX: number[] = []
  const cY: number[] = []
  const cW: number[] = []
  const cH: number[] = []
  const cRot: number[] = []
  const cOpacity: number[] = []
  const cBlend = new Writer()
  const cFills = new Writer()
  const cStrokes = new Writer()
  const cEffects = new Writer()
  const cStrokeWeight: number[] = []
  const cGeometry = new Writer()
  const texts = new Writer()

  const pathIndex = new Map<string, number>()
  let prevIdNum = 0
  let prevParent = 0
  let prevChild = -1
  for (let i = 0; i < n; i++) {
    const e = els[i]

    // Path: parent reference + last child index where the path is canonical.
    let mode = PATH_LITERAL
    let a = 0
    let b = 0
    if (e.path === '') mode = PATH_ROOT
    else {
      const dot = e.path.lastIndexOf('.')
      const last = e.path.slice(dot + 1)
      if (dot !== 0 && CHILD_INDEX.test(last)) {
        const parent = dot < 0 ? '' : e.path.slice(0, dot)
        const pi = pathIndex.get(parent)
        b = Number(last)
        if (pi !== undefined) {
          mode = PATH_PARENT_ELEMENT
          a = pi
        } else {
          mode = PATH_PARENT_STRING
          a = s(parent)
        }
      }
      if (mode === PATH_LITERAL) a = s(e.path)
    }
    pathIndex.set(e.path, i)
    // Siblings share a parent and count up: both deltas are 0.
    if (mode === PATH_PARENT_ELEMENT) {
      cPathA.sv(a - prevParent)
      prevParent = a
    } else cPathA.uv(a)
    if (mode === PATH_PARENT_ELEMENT || mode === PATH_PARENT_STRING) {
      cPathB.sv(b - prevChild - 1)
      prevChild = b
    }

    const hasText = e.text !== null
    cFlags.u8((e.visible ? 1 : 0) | (hasText ? 2 : 0) | (mode << 2))
    if (hasText) texts.str(e.text as string)

    // Id: prefix from the string table + numeric suffix as a delta.
    const m = ID_PATTERN.exec(e.id)
    let idNum = 0
    if (m) {
      cIdPrefix.uv(s(m[1]))
      idNum = Number(m[2]) + 1
    } else cIdPrefix.uv(s(e.id))
    cIdNum.sv(idNum - prevIdNum)
    prevIdNum = idNum

    cType.uv(s(e.type))
    cX.push(q(e.bounds.x, PX))
    cY.push(q(e.bounds.y, PX))
    cW.push(q(e.bounds.w, PX))
    cH.push(q(e.bounds.h, PX))
    cRot.push(q(e.rotation, PX))
    cOpacity.push(q(e.opacity, OPACITY))
    cBlend.uv(s(e.blendMode))
    // Table references count back from the next new entry: a first use is 0, so
    // tables that grow with every element (no sharing) cost nothing per reference.
    let before = fillTable.size
    cFills.uv(tableRef(before, paintList(fillTable, e.fills)))
    before = strokeTable.size
    cStrokes.uv(tableRef(before, paintList(strokeTable, e.strokes)))
    before = effects.size
    cEffects.uv(tableRef(before, effectList(e.effects)))
    cStrokeWeight.push(q(e.strokeWeight, PX))
    before = outlinePoints.length
    cGeometry.uv(e.geometry === null ? 0 : tableRef(before, outline(e.geometry)) + 1)
  }

  const rootId = s(snapshot.rootId)

  const out = new Writer()
  out.u8(BASELINE_FORMAT_VERSION)
  out.uv(n)
  out.uv(stringList.length)
  for (const str of stringList) out.str(str)
  out.uv(rootId)
  const rb = snapshot.rootBounds
  out.sv(q(rb.x, PX))
  out.sv(q(rb.y, PX))
  out.sv(q(rb.w, PX))
  out.sv(q(rb.h, PX))
  for (const t of [fillTable, strokeTable, effects]) {
    out.uv(t.size)
    out.bytes(t.out.result())
  }
  // Outline table: count, then columns over the outlines.
  out.uv(outlinePoints.length)
  out.bytes(oVertices.result())
  out.bytes(oFormat.result())
  out.bytes(oRef.result())
  for (let j = 0; j < 16; j++) for (let c = 0; c < 2; c++) for (const res of oResiduals) out.u8(res[c * 16 + j])
  out.bytes(oGeneric.result())
  // Element columns.
  for (const c of [cFlags, cType, cIdPrefix, cIdNum, cPathA, cPathB]) out.bytes(c.result())
  for (const c of [cX, cY, cW, cH, cRot, cOpacity]) writeNumbers(out, c)
  for (const c of [cBlend, cFills, cStrokes, cEffects]) out.bytes(c.result())
  writeNumbers(out, cStrokeWeight)
  out.bytes(cGeometry.result())
  out.bytes(texts.result())
  return out.result()
}

// ---------------------------------------------------------------------------
// Decode

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

/** Inverse of `encodeLayout`; throws on malformed input. */
export function decodeLayout(raw: Uint8Array): PatternSnapshot {
  const r = new Reader(raw)
  const version = r.u8('version')
  if (version !== BASELINE_FORMAT_VERSION) {
    throw new CorruptError(`unknown baseline format version ${version} (this plugin reads ${BASELINE_FORMAT_VERSION})`)
  }
  const n = r.count('element count', 8)
  const strings: string[] = []
  const stringCount = r.count('string count', 1)
  for (let i = 0; i < stringCount; i++) strings.push(r.str('string'))
  const str = (what: string) => strings[r.index(strings.length, what)]
  const rootId = str('root id')
  const rootBounds = readBounds(r)

  const rgba = (): Rgba => ({
    r: r.sv('colour') / CHANNEL,
    g: r.sv('colour') / CHANNEL,
    b: r.sv('colour') / CHANNEL,
    a: r.sv('colour') / CHANNEL,
  })
  const rgba8 = (): Rgba => ({
    r: (r.u8('colour') * 257) / CHANNEL,
    g: (r.u8('colour') * 257) / CHANNEL,
    b: (r.u8('colour') * 257) / CHANNEL,
    a: (r.u8('colour') * 257) / CHANNEL,
  })

  const readPaintLists = (): PaintSnapshot[][] => {
    const paintLists: PaintSnapshot[][] = []
    const paintCount = r.count('paint-list count', 1)
    for (let i = 0; i < paintCount; i++) {
      const list: PaintSnapshot[] = []
      const len = r.count('paint count', 2)
      for (let j = 0; j < len; j++) {
        const kind = r.u8('paint kind')
        const colour = (kind & PAINT_8BIT) !== 0 ? rgba8 : rgba
        if (kind === PAINT_SOLID || kind === (PAINT_SOLID | PAINT_8BIT)) list.push({ kind: 'solid', color: colour() })
        else if (kind === PAINT_GRADIENT || kind === (PAINT_GRADIENT | PAINT_8BIT)) {
          const stops: { position: number; color: Rgba }[] = []
          const sc = r.count('gradient stops', 5)
          for (let k = 0; k < sc; k++) stops.push({ position: r.sv('stop') / CHANNEL, color: colour() })
          list.push({ kind: 'gradient', stops })
        } else if (kind === PAINT_IMAGE) {
          const h = r.uv('image hash')
          if (h > strings.length) throw new CorruptError(`image hash refers to entry ${h - 1} of ${strings.length}`)
          list.push({ kind: 'image', imageHash: h === 0 ? null : strings[h - 1], opacity: r.sv('opacity') / OPACITY })
        } else if (kind === PAINT_OTHER) {
          list.push({ kind: 'other', type: str('paint type'), opacity: r.sv('opacity') / OPACITY })
        } else throw new CorruptError(`unknown paint kind ${kind}`)
      }
      paintLists.push(list)
    }
    return paintLists
  }
  const fillLists = readPaintLists()
  const strokeLists = readPaintLists()

  const effectLists: EffectSnapshot[][] = []
  const effectCount = r.count('effect-list count', 1)
  for (let i = 0; i < effectCount; i++) {
    const list: EffectSnapshot[] = []
    const len = r.count('effect count', 3)
    for (let j = 0; j < len; j++) {
      const type = str('effect type')
      const flags = r.u8('effect flags')
      const e: EffectSnapshot = { type, visible: (flags & 1) !== 0, radius: r.sv('radius') / PX }
      if (flags & 2) e.color = rgba()
      if (flags & 4) e.offset = { x: r.sv('offset') / PX, y: r.sv('offset') / PX }
      list.push(e)
    }
    effectLists.push(list)
  }

  const outlineCount = r.count('outline count', 2)
  const outlineVertices: number[] = []
  for (let i = 0; i < outlineCount; i++) outlineVertices.push(r.sv('vertices'))
  const outlineFormats = Array.from(r.take(outlineCount, 'outline format'))
  const outlineRefs: number[] = []
  let compactCount = 0
  for (let i = 0; i < outlineCount; i++) {
    const format = outlineFormats[i]
    if (format === OUTLINE_REFERENCE) {
      const back = r.uv('outline reference')
      if (back < 1 || back > i) throw new CorruptError(`outline ${i} refers to outline ${i - back}`)
      if (outlineFormats[i - back] === OUTLINE_GENERIC) throw new CorruptError(`outline ${i} refers to a non-compact outline`)
      outlineRefs.push(i - back)
    } else if (format === OUTLINE_PREDICTED) outlineRefs.push(-1)
    else if (format === OUTLINE_GENERIC) {
      outlineRefs.push(-1)
      continue
    } else throw new CorruptError(`unknown outline format ${format}`)
    compactCount++
  }
  const residuals = r.take(compactCount * 32, 'outline residuals')
  const outlineList: { vertices: number; points: number[] }[] = []
  let compactIndex = 0
  for (let i = 0; i < outlineCount; i++) {
    let points: number[]
    if (outlineFormats[i] === OUTLINE_GENERIC) {
      points = []
      const len = r.count('outline length', 1)
      for (let k = 0; k < len; k++) points.push(r.sv('outline point'))
    } else {
      const res: number[] = []
      for (let c = 0; c < 2; c++) for (let j = 0; j < 16; j++) res.push(residuals[(2 * j + c) * compactCount + compactIndex])
      compactIndex++
      points = outlineFromResiduals(res, outlineRefs[i] < 0 ? null : outlineList[outlineRefs[i]].points)
    }
    outlineList.push({ vertices: outlineVertices[i], points })
  }

  // Columns.
  const flags: number[] = []
  for (let i = 0; i < n; i++) flags.push(r.u8('flags'))
  const types: string[] = []
  for (let i = 0; i < n; i++) types.push(str('type'))
  const idPrefix: string[] = []
  for (let i = 0; i < n; i++) idPrefix.push(str('id'))
  const ids: string[] = []
  let idNum = 0
  for (let i = 0; i < n; i++) {
    idNum += r.sv('id number')
    if (idNum < 0) throw new CorruptError('negative id number')
    ids.push(idNum === 0 ? idPrefix[i] : idPrefix[i] + String(idNum - 1))
  }
  const pathA: number[] = []
  let prevParent = 0
  for (let i = 0; i < n; i++) {
    if (flags[i] >> 2 === PATH_PARENT_ELEMENT) pathA.push((prevParent += r.sv('path')))
    else pathA.push(r.uv('path'))
  }
  const paths: string[] = []
  let prevChild = -1
  for (let i = 0; i < n; i++) {
    const mode = flags[i] >> 2
    const a = pathA[i]
    if (mode === PATH_ROOT) paths.push('')
    else if (mode === PATH_LITERAL) paths.push(strings[checkIndex(a, strings.length, 'path')])
    else {
      let parent: string
      if (mode === PATH_PARENT_ELEMENT) {
        if (!(a >= 0 && a < i)) throw new CorruptError(`path of element ${i} refers to element ${a}`)
        parent = paths[a]
      } else if (mode === PATH_PARENT_STRING) parent = strings[checkIndex(a, strings.length, 'parent path')]
      else throw new CorruptError(`unknown path mode ${mode}`)
      const last = (prevChild += r.sv('child index') + 1)
      if (!(last >= 0 && last <= 999_999_999)) throw new CorruptError(`path of element ${i} has child index ${last}`)
      paths.push(parent === '' ? String(last) : parent + '.' + last)
    }
  }
  const xs = readNumbers(r, n, 'x')
  const ys = readNumbers(r, n, 'y')
  const ws = readNumbers(r, n, 'w')
  const hs = readNumbers(r, n, 'h')
  const rots = readNumbers(r, n, 'rotation')
  const opacities = readNumbers(r, n, 'opacity')
  const blends: string[] = []
  for (let i = 0; i < n; i++) blends.push(str('blend mode'))
  // Table references count back from the next new entry (see encodeLayout); the
  // tables are fully read, so replaying the "next new entry" counter is enough.
  const fills: number[] = []
  const strokes: number[] = []
  const effs: number[] = []
  const geoms: number[] = []
  const backRefs = (out: number[], size: number, what: string, nullable: boolean) => {
    let next = 0
    for (let i = 0; i < n; i++) {
      let code = r.uv(what)
      if (nullable) {
        if (code === 0) {
          out.push(-1)
          continue
        }
        code--
      }
      const idx = code === 0 ? next : code % 2 === 1 ? (code - 1) / 2 : next - code / 2
      if (idx < 0 || idx > next || idx >= size) throw new CorruptError(`${what} of element ${i} refers to a missing entry`)
      if (idx === next) next++
      out.push(idx)
    }
  }
  backRefs(fills, fillLists.length, 'fills', false)
  backRefs(strokes, strokeLists.length, 'strokes', false)
  backRefs(effs, effectLists.length, 'effects', false)
  const weights = readNumbers(r, n, 'stroke weight')
  backRefs(geoms, outlineList.length, 'geometry', true)

  const elements: ElementSnapshot[] = []
  for (let i = 0; i < n; i++) {
    const g = geoms[i]
    const outlineEntry = g < 0 ? null : outlineList[g]
    elements.push({
      id: ids[i],
      path: paths[i],
      type: types[i],
      bounds: { x: xs[i] / PX, y: ys[i] / PX, w: ws[i] / PX, h: hs[i] / PX },
      rotation: rots[i] / PX,
      opacity: opacities[i] / OPACITY,
      visible: (flags[i] & 1) !== 0,
      blendMode: blends[i],
      // Fresh objects per element: callers may mutate a decoded snapshot.
      fills: fillLists[fills[i]].map(clonePaint),
      strokes: strokeLists[strokes[i]].map(clonePaint),
      strokeWeight: weights[i] / PX,
      effects: effectLists[effs[i]].map(cloneEffect),
      geometry: outlineEntry === null ? null : { vertices: outlineEntry.vertices, points: outlineEntry.points.slice() },
      text: (flags[i] & 2) !== 0 ? r.str('text') : null,
    })
  }
  if (!r.done) throw new CorruptError('unexpected bytes after the last element')
  return { rootId, rootBounds, elements }
}

function checkIndex(i: number, size: number, what: string): number {
  if (i >= size) throw new CorruptError(`${what} refers to entry ${i} of ${size}`)
  return i
}

function readBounds(r: Reader): Bounds {
  return { x: r.sv('bounds') / PX, y: r.sv('bounds') / PX, w: r.sv('bounds') / PX, h: r.sv('bounds') / PX }
}

function cloneRgba(c: Rgba): Rgba {
  return { r: c.r, g: c.g, b: c.b, a: c.a }
}

function clonePaint(p: PaintSnapshot): PaintSnapshot {
  switch (p.kind) {
    case 'solid':
      return { kind: 'solid', color: cloneRgba(p.color) }
    case 'gradient':
      return { kind: 'gradient', stops: p.stops.map((s) => ({ position: s.position, color: cloneRgba(s.color) })) }
    default:
      return { ...p }
  }
}

function cloneEffect(e: EffectSnapshot): EffectSnapshot {
  const out: EffectSnapshot = { type: e.type, visible: e.visible, radius: e.radius }
  if (e.color) out.color = cloneRgba(e.color)
  if (e.offset) out.offset = { x: e.offset.x, y: e.offset.y }
  return out
}
