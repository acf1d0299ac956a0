/**
 * Paint-list and effect-list tables: each distinct list once, in first-use order;
 * elements refer to them from the fills, strokes and effects columns (see `tableRef`).
 */

import type { EffectSnapshot, PaintSnapshot, Rgba } from '../../coefficient/snapshot'
import { CorruptError, Reader, StringTable, Writer } from './bytes'
import { CHANNEL, OPACITY, PX, q } from './quantize'

const PAINT_SOLID = 0
const PAINT_GRADIENT = 1
const PAINT_IMAGE = 2
const PAINT_OTHER = 3
const PAINT_8BIT = 4 // flag on solid and gradient: colours as 4 bytes (k/255)

/**
 * A reference to a table entry, as seen when the table had `next` entries: 0 is the
 * entry just added (first use), 2k + 1 is entry k counted from the start (a list all
 * elements share, such as "no strokes"), 2k is k entries back from `next` (a recent
 * one); whichever is smaller.
 */
export function tableRef(next: number, index: number): number {
  if (index === next) return 0
  return index < next - index ? 2 * index + 1 : 2 * (next - index)
}

/**
 * Inverse of `tableRef` over a column of N references (each `+ 1`, 0 meaning none, when
 * `nullable`); -1 for none. The table is fully read, so replaying the "next new entry"
 * counter is enough.
 */
export function readTableRefs(r: Reader, n: number, size: number, what: string, nullable: boolean): number[] {
  const out: number[] = []
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
  return out
}

/** Interns byte strings (an encoded table entry) to indices, keeping first-seen order. */
class Table {
  private readonly index = new Map<string, number>()
  readonly out = new Writer()
  size = 0
  protected readonly scratch = new Writer()

  constructor(protected readonly strings: StringTable) {}

  /** The scratch writer, emptied, with an entry's list length written: the entry is written after it. */
  protected entry(length: number): Writer {
    this.scratch.len = 0
    this.scratch.uv(length)
    return this.scratch
  }

  protected intern(entry: Writer): number {
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

  write(out: Writer): void {
    out.uv(this.size)
    out.bytes(this.out.result())
  }
}

function writeRgba(w: Writer, c: Rgba): void {
  for (const v of [c.r, c.g, c.b, c.a]) w.sv(q(v, CHANNEL))
}

// Colours with all channels on the 8-bit grid (k/255, what Figma's colour picker and
// imported SVG/hex colours give) are stored as 4 bytes: k·257 is exactly k/255 at
// the 1/65535 quantization, so this is lossless.
function is8(c: Rgba): boolean {
  for (const v of [c.r, c.g, c.b, c.a]) {
    const x = q(v, CHANNEL)
    if (x < 0 || x > CHANNEL || x % 257 !== 0) return false
  }
  return true
}

function writeRgba8(w: Writer, c: Rgba): void {
  for (const v of [c.r, c.g, c.b, c.a]) w.u8(q(v, CHANNEL) / 257)
}

export class PaintTable extends Table {
  /** The index of `list` in the table, adding it on first use. */
  add(list: PaintSnapshot[]): number {
    const w = this.entry(list.length)
    for (const p of list) {
      switch (p.kind) {
        case 'solid':
          if (is8(p.color)) {
            w.u8(PAINT_SOLID | PAINT_8BIT)
            writeRgba8(w, p.color)
          } else {
            w.u8(PAINT_SOLID)
            writeRgba(w, p.color)
          }
          break
        case 'gradient': {
          const eight = p.stops.every((st) => is8(st.color))
          w.u8(PAINT_GRADIENT | (eight ? PAINT_8BIT : 0))
          w.uv(p.stops.length)
          for (const st of p.stops) {
            w.sv(q(st.position, CHANNEL))
            if (eight) writeRgba8(w, st.color)
            else writeRgba(w, st.color)
          }
          break
        }
        case 'image':
          w.u8(PAINT_IMAGE)
          w.uv(p.imageHash === null ? 0 : this.strings.intern(p.imageHash) + 1)
          w.sv(q(p.opacity, OPACITY))
          break
        default:
          w.u8(PAINT_OTHER)
          w.uv(this.strings.intern(p.type))
          w.sv(q(p.opacity, OPACITY))
      }
    }
    return this.intern(w)
  }
}

export class EffectTable extends Table {
  /** The index of `list` in the table, adding it on first use. */
  add(list: EffectSnapshot[]): number {
    const w = this.entry(list.length)
    for (const e of list) {
      w.uv(this.strings.intern(e.type))
      w.u8((e.visible ? 1 : 0) | (e.color !== undefined ? 2 : 0) | (e.offset !== undefined ? 4 : 0))
      w.sv(q(e.radius, PX))
      if (e.color !== undefined) writeRgba(w, e.color)
      if (e.offset !== undefined) {
        w.sv(q(e.offset.x, PX))
        w.sv(q(e.offset.y, PX))
      }
    }
    return this.intern(w)
  }
}

function readRgba(r: Reader): Rgba {
  return { r: r.sv('colour') / CHANNEL, g: r.sv('colour') / CHANNEL, b: r.sv('colour') / CHANNEL, a: r.sv('colour') / CHANNEL }
}

function readRgba8(r: Reader): Rgba {
  return {
    r: (r.u8('colour') * 257) / CHANNEL,
    g: (r.u8('colour') * 257) / CHANNEL,
    b: (r.u8('colour') * 257) / CHANNEL,
    a: (r.u8('colour') * 257) / CHANNEL,
  }
}

/** Inverse of `PaintTable.write`. */
export function readPaintTable(r: Reader, strings: readonly string[]): PaintSnapshot[][] {
  const paintLists: PaintSnapshot[][] = []
  const paintCount = r.count('paint-list count', 1)
  for (let i = 0; i < paintCount; i++) {
    const list: PaintSnapshot[] = []
    const len = r.count('paint count', 2)
    for (let j = 0; j < len; j++) {
      const kind = r.u8('paint kind')
      const colour = (kind & PAINT_8BIT) !== 0 ? readRgba8 : readRgba
      if (kind === PAINT_SOLID || kind === (PAINT_SOLID | PAINT_8BIT)) list.push({ kind: 'solid', color: colour(r) })
      else if (kind === PAINT_GRADIENT || kind === (PAINT_GRADIENT | PAINT_8BIT)) {
        const stops: { position: number; color: Rgba }[] = []
        const sc = r.count('gradient stops', 5)
        for (let k = 0; k < sc; k++) stops.push({ position: r.sv('stop') / CHANNEL, color: colour(r) })
        list.push({ kind: 'gradient', stops })
      } else if (kind === PAINT_IMAGE) {
        const h = r.uv('image hash')
        if (h > strings.length) throw new CorruptError(`image hash refers to entry ${h - 1} of ${strings.length}`)
        list.push({ kind: 'image', imageHash: h === 0 ? null : strings[h - 1], opacity: r.sv('opacity') / OPACITY })
      } else if (kind === PAINT_OTHER) {
        list.push({ kind: 'other', type: strings[r.index(strings.length, 'paint type')], opacity: r.sv('opacity') / OPACITY })
      } else throw new CorruptError(`unknown paint kind ${kind}`)
    }
    paintLists.push(list)
  }
  return paintLists
}

/** Inverse of `EffectTable.write`. */
export function readEffectTable(r: Reader, strings: readonly string[]): EffectSnapshot[][] {
  const effectLists: EffectSnapshot[][] = []
  const effectCount = r.count('effect-list count', 1)
  for (let i = 0; i < effectCount; i++) {
    const list: EffectSnapshot[] = []
    const len = r.count('effect count', 3)
    for (let j = 0; j < len; j++) {
      const type = strings[r.index(strings.length, 'effect type')]
      const flags = r.u8('effect flags')
      const e: EffectSnapshot = { type, visible: (flags & 1) !== 0, radius: r.sv('radius') / PX }
      if (flags & 2) e.color = readRgba(r)
      if (flags & 4) e.offset = { x: r.sv('offset') / PX, y: r.sv('offset') / PX }
      list.push(e)
    }
    effectLists.push(list)
  }
  return effectLists
}

function cloneRgba(c: Rgba): Rgba {
  return { r: c.r, g: c.g, b: c.b, a: c.a }
}

export function clonePaint(p: PaintSnapshot): PaintSnapshot {
  switch (p.kind) {
    case 'solid':
      return { kind: 'solid', color: cloneRgba(p.color) }
    case 'gradient':
      return { kind: 'gradient', stops: p.stops.map((s) => ({ position: s.position, color: cloneRgba(s.color) })) }
    default:
      return { ...p }
  }
}

export function cloneEffect(e: EffectSnapshot): EffectSnapshot {
  const out: EffectSnapshot = { type: e.type, visible: e.visible, radius: e.radius }
  if (e.color) out.color = cloneRgba(e.color)
  if (e.offset) out.offset = { x: e.offset.x, y: e.offset.y }
  return out
}
