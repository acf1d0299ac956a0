/** Resampling a flattened outline into its signature. */
import { OUTLINE_POINTS, type OutlineSignature } from '../snapshot'
import type { Pen } from './flat-outline'

/** Quantization levels per axis (coordinates become 0..QMAX). */
export const QMAX = 255

/** Index of the last point in [lo, hi) whose arc position is ≤ s. */
function segmentAt(cum: Float64Array, s: number, lo: number, hi: number): number {
  let a = lo
  let b = hi - 1
  while (a < b) {
    const mid = (a + b + 1) >> 1
    if (cum[mid]! <= s) a = mid
    else b = mid - 1
  }
  return a
}

function quantize(v: number, size: number): number {
  if (!(size > 0)) return 0
  const q = Math.round((v / size) * QMAX)
  return q < 0 ? 0 : q > QMAX ? QMAX : q
}

/** Turns a flattened outline into a signature: OUTLINE_POINTS samples at equal arc steps, canonical start and direction. */
export function signatureOf(pen: Pen, w: number, h: number): OutlineSignature {
  pen.finish(false)
  const { xs, ys, cum, count, subStart, subEnd, subClosed, vertices } = pen.o
  const points = new Array<number>(OUTLINE_POINTS * 2)
  const subs = subStart.length

  // Arc lengths. Jumps between subpaths are pen-up moves and add no length.
  let total = 0
  for (let k = 0; k < subs; k++) {
    const lo = subStart[k]!
    const hi = subEnd[k]!
    cum[lo] = total
    for (let j = lo + 1; j < hi; j++) {
      const dx = xs[j]! - xs[j - 1]!
      const dy = ys[j]! - ys[j - 1]!
      total += Math.sqrt(dx * dx + dy * dy)
      cum[j] = total
    }
  }

  if (!(total > 0)) {
    const x = count > 0 ? xs[0]! : 0
    const y = count > 0 ? ys[0]! : 0
    for (let k = 0; k < OUTLINE_POINTS; k++) {
      points[2 * k] = quantize(x, w)
      points[2 * k + 1] = quantize(y, h)
    }
    return { vertices, points }
  }

  const eps = total * 1e-9
  let k = 0
  for (let sp = 0; sp < subs && k < OUTLINE_POINTS; sp++) {
    const lo = subStart[sp]!
    const hi = subEnd[sp]!
    const base = cum[lo]!
    const len = cum[hi - 1]! - base
    if (!(len > 0)) continue
    // Canonical start (as an arc offset) and direction.
    let from = 0
    let dir = 1
    if (subClosed[sp]) {
      let best = lo
      let area = 0
      for (let j = lo; j < hi; j++) {
        const y = ys[j]!
        const by = ys[best]!
        if (y < by - eps || (y <= by + eps && xs[j]! < xs[best]! - eps)) best = j
        if (j > lo) area += xs[j - 1]! * y - xs[j]! * ys[j - 1]!
      }
      from = cum[best]! - base
      dir = area < 0 ? -1 : 1 // positive shoelace area is clockwise on screen (y down)
    } else {
      const ey = ys[hi - 1]!
      const sy = ys[lo]!
      if (ey < sy - eps || (ey <= sy + eps && xs[hi - 1]! < xs[lo]! - eps)) {
        from = len
        dir = -1
      }
    }
    const end = cum[hi - 1]! // last arc position inside this subpath
    // Samples k whose global position k·total/N falls inside this subpath.
    for (; k < OUTLINE_POINTS; k++) {
      const s = (k * total) / OUTLINE_POINTS
      if (s >= end && sp < subs - 1) break // a sample on the seam belongs to the next subpath
      let t = from + dir * (s - base)
      t = t % len
      if (t < 0) t += len
      const at = base + t
      const j = segmentAt(cum, at, lo, hi)
      let x = xs[j]!
      let y = ys[j]!
      if (j + 1 < hi) {
        const seg = cum[j + 1]! - cum[j]!
        if (seg > 0) {
          const f = (at - cum[j]!) / seg
          x += (xs[j + 1]! - x) * f
          y += (ys[j + 1]! - y) * f
        }
      }
      points[2 * k] = quantize(x, w)
      points[2 * k + 1] = quantize(y, h)
    }
  }
  // Numerical slack can leave the last samples unassigned: repeat the last point.
  for (; k < OUTLINE_POINTS; k++) {
    points[2 * k] = points[2 * k - 2] ?? 0
    points[2 * k + 1] = points[2 * k - 1] ?? 0
  }
  return { vertices, points }
}
