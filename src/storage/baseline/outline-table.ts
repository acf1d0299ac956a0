/**
 * The outline table: every distinct outline signature once, as columns over the
 * outlines (vertex counts, formats, references, 32 planes of residuals, generic
 * outlines). Elements refer to it from the geometry column.
 */

import type { OutlineSignature } from '../../coefficient/snapshot'
import { CorruptError, Reader, Writer } from './bytes'
import { qInt } from './quantize'

const OUTLINE_PREDICTED = 0 // compact, residuals of its own prediction
const OUTLINE_GENERIC = 1 // off-spec: length, zz values
const OUTLINE_REFERENCE = 2 // compact, residuals from an earlier outline

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

function residualCost(res: number[]): number {
  let sum = 0
  for (const r of res) sum += r < 128 ? r : 256 - r
  return sum
}

/** The encoder's side: interns outlines and builds the table's columns. */
export class OutlineTable {
  private readonly index = new Map<string, number>()
  private readonly points: number[][] = []
  private readonly lastByVertices = new Map<number, number>()
  private readonly vertices = new Writer()
  private readonly formats = new Writer()
  private readonly refs = new Writer()
  private readonly residuals: number[][] = []
  private readonly generic = new Writer()

  get size(): number {
    return this.points.length
  }

  /** The index of `g` in the table, adding it on first use. */
  add(g: OutlineSignature): number {
    const vertices = qInt(g.vertices)
    const pts = g.points.map(qInt)
    const key = vertices + ':' + pts.join(',')
    const known = this.index.get(key)
    if (known !== undefined) return known
    const index = this.points.length
    this.index.set(key, index)
    this.points.push(pts)
    this.vertices.sv(vertices)
    let compact = pts.length === 32
    for (let i = 0; compact && i < pts.length; i++) compact = pts[i] >= 0 && pts[i] <= 255
    if (compact) {
      // Residuals of the outline's own prediction, or — for a motif drawn again with
      // small differences — of the last outline with the same vertex count, whichever
      // is smaller.
      const own = outlineResiduals(pts, null)
      const refIndex = this.lastByVertices.get(vertices)
      this.lastByVertices.set(vertices, index)
      const fromRef = refIndex === undefined ? null : outlineResiduals(pts, this.points[refIndex])
      if (fromRef !== null && residualCost(fromRef) < residualCost(own)) {
        this.formats.u8(OUTLINE_REFERENCE)
        this.refs.uv(index - (refIndex as number))
        this.residuals.push(fromRef)
      } else {
        this.formats.u8(OUTLINE_PREDICTED)
        this.residuals.push(own)
      }
    } else {
      this.formats.u8(OUTLINE_GENERIC)
      this.generic.uv(pts.length)
      for (const p of pts) this.generic.sv(p)
    }
    return index
  }

  /** Count, then the columns over the outlines; `readOutlineTable` is the inverse. */
  write(out: Writer): void {
    out.uv(this.points.length)
    out.bytes(this.vertices.result())
    out.bytes(this.formats.result())
    out.bytes(this.refs.result())
    for (let j = 0; j < 16; j++) for (let c = 0; c < 2; c++) for (const res of this.residuals) out.u8(res[c * 16 + j])
    out.bytes(this.generic.result())
  }
}

export function readOutlineTable(r: Reader): OutlineSignature[] {
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
  const outlineList: OutlineSignature[] = []
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
  return outlineList
}
