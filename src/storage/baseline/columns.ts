/**
 * The element columns of the baseline layout, in stored order. Each column is one
 * `{ write, read }` pair: `write` walks all elements and appends the column; `read`
 * reads it back into the elements being decoded. Both directions walk this one list,
 * so the two sides of a field sit together.
 *
 * Adding a field: one entry at the end of `COLUMNS` (usually `numberColumn`,
 * `stringColumn` or `tableColumn`) with `since` set to a new BASELINE_FORMAT_VERSION
 * (layout.ts), and its value for older baselines in `blankElement`. Baselines stored
 * in an older version stay readable: their decoder skips the columns they predate
 * (tests/provenance/golden holds baselines of every version). A fact about the whole
 * snapshot is a column too (`placementColumn`): one value instead of N.
 */

import { OWN_BOX, type ElementSnapshot, type OutlineSignature, type PatternSnapshot } from '../../coefficient/snapshot'
import { CorruptError, checkIndex, type Reader, type StringTable, type Writer } from './bytes'
import { readNumbers, writeNumbers } from './numbers'
import type { OutlineTable } from './outline-table'
import { clonePaint, cloneEffect, readTableRefs, tableRef, type EffectTable, type PaintTable } from './paint-tables'
import { OPACITY, PX, q } from './quantize'
import type { EffectSnapshot, PaintSnapshot } from '../../coefficient/snapshot'

/** What the columns share while encoding: the string table and the entry tables they fill. */
export interface EncodeState {
  readonly elements: readonly ElementSnapshot[]
  readonly placement: PatternSnapshot['placement']
  readonly strings: StringTable
  readonly fills: PaintTable
  readonly strokes: PaintTable
  readonly effects: EffectTable
  readonly outlines: OutlineTable
  /** Each element's path form (flags and path columns both need it); computed on first use. */
  paths(): readonly PathForm[]
}

/** What the columns share while decoding: the tables (read before the columns) and the elements so far. */
export interface DecodeState {
  readonly n: number
  readonly strings: readonly string[]
  readonly fills: readonly PaintSnapshot[][]
  readonly strokes: readonly PaintSnapshot[][]
  readonly effects: readonly EffectSnapshot[][]
  readonly outlines: readonly OutlineSignature[]
  readonly elements: ElementSnapshot[]
  /** The flags column, for columns whose form depends on it (path, text). */
  readonly flags: number[]
  /** The snapshot's placement (absent before format 4). */
  placement: PatternSnapshot['placement']
}

export interface ColumnCodec {
  readonly name: string
  /** The format version that added this column (absent: the first, 2). Older baselines lack it. */
  readonly since?: number
  write(out: Writer, enc: EncodeState): void
  read(r: Reader, dec: DecodeState): void
}

/** A decoded element before its columns are read; the key order is the snapshot's. */
export function blankElement(): ElementSnapshot {
  return {
    id: '',
    path: '',
    type: '',
    bounds: { x: 0, y: 0, w: 0, h: 0 },
    rotation: 0,
    opacity: 0,
    visible: false,
    blendMode: '',
    fills: [],
    strokes: [],
    strokeWeight: 0,
    effects: [],
    geometry: null,
    text: null,
  }
}

// ---------------------------------------------------------------------------
// Column kinds

/** Integers in units of 1/`scale`, as a numeric column (see `writeNumbers`). */
function numberColumn(name: string, scale: number, get: (e: ElementSnapshot) => number, set: (e: ElementSnapshot, v: number) => void): ColumnCodec {
  return {
    name,
    write: (out, enc) => writeNumbers(out, enc.elements.map((e) => q(get(e), scale))),
    read: (r, dec) => {
      const values = readNumbers(r, dec.n, name)
      for (let i = 0; i < dec.n; i++) set(dec.elements[i], values[i] / scale)
    },
  }
}

/** One string-table index per element. */
function stringColumn(name: string, get: (e: ElementSnapshot) => string, set: (e: ElementSnapshot, v: string) => void): ColumnCodec {
  return {
    name,
    write: (out, enc) => {
      for (const e of enc.elements) out.uv(enc.strings.intern(get(e)))
    },
    read: (r, dec) => {
      for (const e of dec.elements) set(e, dec.strings[r.index(dec.strings.length, name)])
    },
  }
}

/**
 * One table reference per element (see `tableRef`). References count back from the
 * next new entry: a first use is 0, so tables that grow with every element (no
 * sharing) cost nothing per reference.
 */
function tableColumn<T>(
  name: string,
  table: (enc: EncodeState) => { readonly size: number; add(entry: T): number },
  get: (e: ElementSnapshot) => T,
  entries: (dec: DecodeState) => readonly T[],
  set: (e: ElementSnapshot, entry: T) => void,
): ColumnCodec {
  return {
    name,
    write: (out, enc) => {
      const t = table(enc)
      for (const e of enc.elements) {
        const next = t.size
        out.uv(tableRef(next, t.add(get(e))))
      }
    },
    read: (r, dec) => {
      const list = entries(dec)
      const refs = readTableRefs(r, dec.n, list.length, name, false)
      for (let i = 0; i < dec.n; i++) set(dec.elements[i], list[refs[i]])
    },
  }
}

// ---------------------------------------------------------------------------
// Paths and ids

const PATH_ROOT = 0 // ""
const PATH_PARENT_ELEMENT = 1 // parent path = path of an earlier element; A = back distance
const PATH_PARENT_STRING = 2 // parent path from the string table; A = string index
const PATH_LITERAL = 3 // whole path from the string table; A = string index

const ID_PATTERN = /^([\s\S]*?)(0|[1-9][0-9]{0,14})$/
const CHILD_INDEX = /^(0|[1-9][0-9]{0,8})$/

/** How one element's path is stored: a mode, A (see the modes) and B (the last child index). */
export interface PathForm {
  mode: number
  a: number
  b: number
}

/** Paths as parent reference + last child index where the path is canonical. */
export function pathForms(elements: readonly ElementSnapshot[], strings: StringTable): PathForm[] {
  const pathIndex = new Map<string, number>()
  const forms: PathForm[] = []
  for (let i = 0; i < elements.length; i++) {
    const path = elements[i].path
    let mode = PATH_LITERAL
    let a = 0
    let b = 0
    if (path === '') mode = PATH_ROOT
    else {
      const dot = path.lastIndexOf('.')
      const last = path.slice(dot + 1)
      if (dot !== 0 && CHILD_INDEX.test(last)) {
        const parent = dot < 0 ? '' : path.slice(0, dot)
        const pi = pathIndex.get(parent)
        b = Number(last)
        if (pi !== undefined) {
          mode = PATH_PARENT_ELEMENT
          a = pi
        } else {
          mode = PATH_PARENT_STRING
          a = strings.intern(parent)
        }
      }
      if (mode === PATH_LITERAL) a = strings.intern(path)
    }
    pathIndex.set(path, i)
    forms.push({ mode, a, b })
  }
  return forms
}

/** Visible, has-text and the path mode, one byte per element. */
const flagsColumn: ColumnCodec = {
  name: 'flags',
  write: (out, enc) => {
    const paths = enc.paths()
    enc.elements.forEach((e, i) => out.u8((e.visible ? 1 : 0) | (e.text !== null ? 2 : 0) | (paths[i].mode << 2)))
  },
  read: (r, dec) => {
    for (const e of dec.elements) {
      const flags = r.u8('flags')
      dec.flags.push(flags)
      e.visible = (flags & 1) !== 0
    }
  },
}

/** Id: a prefix from the string table, then a column of numeric suffixes as deltas. */
const idColumn: ColumnCodec = {
  name: 'id',
  write: (out, enc) => {
    const nums: number[] = []
    for (const e of enc.elements) {
      const m = ID_PATTERN.exec(e.id)
      out.uv(enc.strings.intern(m ? m[1] : e.id))
      nums.push(m ? Number(m[2]) + 1 : 0)
    }
    let prev = 0
    for (const idNum of nums) {
      out.sv(idNum - prev)
      prev = idNum
    }
  },
  read: (r, dec) => {
    for (const e of dec.elements) e.id = dec.strings[r.index(dec.strings.length, 'id')]
    let idNum = 0
    for (const e of dec.elements) {
      idNum += r.sv('id number')
      if (idNum < 0) throw new CorruptError('negative id number')
      if (idNum !== 0) e.id += String(idNum - 1)
    }
  },
}

/** Path: column A (parent or string), then column B (child index); siblings make both deltas 0. */
const pathColumn: ColumnCodec = {
  name: 'path',
  write: (out, enc) => {
    const forms = enc.paths()
    let prevParent = 0
    for (const { mode, a } of forms) {
      if (mode === PATH_PARENT_ELEMENT) {
        out.sv(a - prevParent)
        prevParent = a
      } else out.uv(a)
    }
    let prevChild = -1
    for (const { mode, b } of forms) {
      if (mode === PATH_PARENT_ELEMENT || mode === PATH_PARENT_STRING) {
        out.sv(b - prevChild - 1)
        prevChild = b
      }
    }
  },
  read: (r, dec) => {
    const { n, flags, strings, elements } = dec
    const pathA: number[] = []
    let prevParent = 0
    for (let i = 0; i < n; i++) {
      if (flags[i] >> 2 === PATH_PARENT_ELEMENT) pathA.push((prevParent += r.sv('path')))
      else pathA.push(r.uv('path'))
    }
    let prevChild = -1
    for (let i = 0; i < n; i++) {
      const mode = flags[i] >> 2
      const a = pathA[i]
      if (mode === PATH_ROOT) elements[i].path = ''
      else if (mode === PATH_LITERAL) elements[i].path = strings[checkIndex(a, strings.length, 'path')]
      else {
        let parent: string
        if (mode === PATH_PARENT_ELEMENT) {
          if (!(a >= 0 && a < i)) throw new CorruptError(`path of element ${i} refers to element ${a}`)
          parent = elements[a].path
        } else if (mode === PATH_PARENT_STRING) parent = strings[checkIndex(a, strings.length, 'parent path')]
        else throw new CorruptError(`unknown path mode ${mode}`)
        const last = (prevChild += r.sv('child index') + 1)
        if (!(last >= 0 && last <= 999_999_999)) throw new CorruptError(`path of element ${i} has child index ${last}`)
        elements[i].path = parent === '' ? String(last) : parent + '.' + last
      }
    }
  },
}

/** Outline reference + 1, or 0 for an element without an outline. */
const geometryColumn: ColumnCodec = {
  name: 'geometry',
  write: (out, enc) => {
    for (const e of enc.elements) {
      const before = enc.outlines.size
      out.uv(e.geometry === null ? 0 : tableRef(before, enc.outlines.add(e.geometry)) + 1)
    }
  },
  read: (r, dec) => {
    const refs = readTableRefs(r, dec.n, dec.outlines.length, 'geometry', true)
    for (let i = 0; i < dec.n; i++) {
      const g = refs[i] < 0 ? null : dec.outlines[refs[i]]
      dec.elements[i].geometry = g === null ? null : { vertices: g.vertices, points: g.points.slice() }
    }
  },
}

/** Texts of the elements flagged as text (UTF-8, length-prefixed). */
const textColumn: ColumnCodec = {
  name: 'text',
  write: (out, enc) => {
    for (const e of enc.elements) if (e.text !== null) out.str(e.text)
  },
  read: (r, dec) => {
    dec.elements.forEach((e, i) => {
      e.text = (dec.flags[i] & 2) !== 0 ? r.str('text') : null
    })
  },
}

/**
 * The elements for which a flag holds, as a count and then their indices as deltas:
 * nearly free while the flag is rare.
 */
function flagColumn(name: string, since: number, get: (e: ElementSnapshot) => boolean | undefined, set: (e: ElementSnapshot) => void): ColumnCodec {
  return {
    name,
    since,
    write: (out, enc) => {
      const at: number[] = []
      enc.elements.forEach((e, i) => {
        if (get(e)) at.push(i)
      })
      out.uv(at.length)
      let prev = -1
      for (const i of at) {
        out.uv(i - prev - 1)
        prev = i
      }
    },
    read: (r, dec) => {
      const count = r.count(name, 1)
      let prev = -1
      for (let k = 0; k < count; k++) {
        prev = prev + 1 + r.uv(name)
        checkIndex(prev, dec.n, name)
        set(dec.elements[prev]!)
      }
    },
  }
}

/** Frames that clip their children (method 2 clips to them). Since format 3. */
const clipsColumn = flagColumn('clips', 3, (e) => e.clipsContent, (e) => (e.clipsContent = true))

/**
 * Unique path data per element, kept only while the table of distinct outlines stays
 * within PATH_DATA_BYTES per element (repeated motifs share one entry; a traced pattern
 * where every outline is its own does not fit, and method 2 then paints the outline
 * signatures). Since format 3.
 */
export const PATH_DATA_BYTES = 16
const pathDataColumn: ColumnCodec = {
  name: 'path data',
  since: 3,
  write: (out, enc) => {
    const index = new Map<string, number>()
    const refs: number[] = []
    let chars = 0
    for (const e of enc.elements) {
      if (!e.pathData || e.pathData.length === 0) {
        refs.push(0)
        continue
      }
      const joined = e.pathData.join('\u001f')
      let k = index.get(joined)
      if (k === undefined) {
        k = index.size
        index.set(joined, k)
        chars += joined.length
      }
      refs.push(k + 1)
    }
    if (index.size === 0 || chars > PATH_DATA_BYTES * enc.elements.length) {
      out.uv(0)
      return
    }
    out.uv(index.size)
    for (const joined of index.keys()) out.str(joined)
    for (const ref of refs) out.uv(ref)
  },
  read: (r, dec) => {
    const size = r.count('path data', 1)
    if (size === 0) return
    const table: string[][] = []
    for (let k = 0; k < size; k++) table.push(r.str('path data').split('\u001f'))
    for (const e of dec.elements) {
      const ref = r.index(size + 1, 'path data')
      if (ref > 0) e.pathData = [...table[ref - 1]!]
    }
  },
}

/**
 * How the snapshot's elements are placed (`PatternSnapshot.placement`), one byte:
 * 0 = Figma's bounding boxes, as every baseline before format 4; 1 = own boxes. A
 * baseline says which, so a capture can compare like with like (legacy-placement.ts).
 * Since format 4.
 */
const placementColumn: ColumnCodec = {
  name: 'placement',
  since: 4,
  write: (out, enc) => out.u8(enc.placement === OWN_BOX ? 1 : 0),
  read: (r, dec) => {
    const v = r.u8('placement')
    if (v > 1) throw new CorruptError(`unknown placement ${v}`)
    if (v === 1) dec.placement = OWN_BOX
  },
}

/** Flipped elements (outline stored mirrored, `ElementSnapshot.flipped`). Since format 4. */
const flippedColumn = flagColumn('flipped', 4, (e) => e.flipped, (e) => (e.flipped = true))

/** Masks (`ElementSnapshot.isMask`: clips the layers above it in its parent). Since format 5. */
const maskColumn = flagColumn('masks', 5, (e) => e.isMask, (e) => (e.isMask = true))

// ---------------------------------------------------------------------------
// The layout's element columns, in stored order.

export const COLUMNS: readonly ColumnCodec[] = [
  flagsColumn,
  stringColumn('type', (e) => e.type, (e, v) => (e.type = v)),
  idColumn,
  pathColumn,
  numberColumn('x', PX, (e) => e.bounds.x, (e, v) => (e.bounds.x = v)),
  numberColumn('y', PX, (e) => e.bounds.y, (e, v) => (e.bounds.y = v)),
  numberColumn('w', PX, (e) => e.bounds.w, (e, v) => (e.bounds.w = v)),
  numberColumn('h', PX, (e) => e.bounds.h, (e, v) => (e.bounds.h = v)),
  numberColumn('rotation', PX, (e) => e.rotation, (e, v) => (e.rotation = v)),
  numberColumn('opacity', OPACITY, (e) => e.opacity, (e, v) => (e.opacity = v)),
  stringColumn('blend mode', (e) => e.blendMode, (e, v) => (e.blendMode = v)),
  // Fresh objects per element: callers may mutate a decoded snapshot.
  tableColumn('fills', (enc) => enc.fills, (e) => e.fills, (dec) => dec.fills, (e, list) => (e.fills = list.map(clonePaint))),
  tableColumn('strokes', (enc) => enc.strokes, (e) => e.strokes, (dec) => dec.strokes, (e, list) => (e.strokes = list.map(clonePaint))),
  tableColumn('effects', (enc) => enc.effects, (e) => e.effects, (dec) => dec.effects, (e, list) => (e.effects = list.map(cloneEffect))),
  numberColumn('stroke weight', PX, (e) => e.strokeWeight, (e, v) => (e.strokeWeight = v)),
  geometryColumn,
  textColumn,
  clipsColumn,
  pathDataColumn,
  placementColumn,
  flippedColumn,
  maskColumn,
]
