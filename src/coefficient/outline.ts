/**
 * Outline signatures: a fixed-size, quantized summary of a vector outline, small
 * enough to store for 10,000 shapes and enough to tell how far a shape was reshaped.
 *
 * Parsing runs in the UI iframe (readings from main carry raw path data), for every
 * element of a pattern: the path is scanned by char codes (outline/path-data.ts) into
 * a flattened outline in typed arrays (outline/flat-outline.ts), then resampled
 * (outline/resample.ts). Each call has its own buffers; nothing is shared between calls.
 *
 * Canonical form: the same outline drawn from another start vertex, or in the other
 * direction, gives the same signature. Closed subpaths start at their top-most, then
 * left-most point and run clockwise (on screen, y down); open subpaths run from their
 * top-left end. That way redrawing a path from another corner is not a "change".
 */
import type { OutlineSignature } from './snapshot'
import { Pen } from './outline/flat-outline'
import { drawPath } from './outline/path-data'
import { QMAX, signatureOf } from './outline/resample'

/** The diagonal of the quantized square: the largest possible point displacement. */
const QUANT_DIAGONAL = QMAX * Math.SQRT2

/**
 * Signature of a vector outline from SVG path data, as Figma gives it in
 * `vectorPaths[i].data` or `fillGeometry[i].data` (node-local coordinates, so
 * 0..w × 0..h). Several paths are concatenated into one outline.
 */
export function outlineSignature(pathData: readonly string[], bounds: { w: number; h: number }): OutlineSignature {
  const pen = new Pen()
  for (const d of pathData) drawPath(d, pen)
  return signatureOf(pen, bounds.w, bounds.h)
}

/** Signature of a rectangle (optionally with a uniform corner radius), without parsing. */
export function rectangleSignature(w: number, h: number, cornerRadius = 0): OutlineSignature {
  const pen = new Pen()
  const r = Math.max(0, Math.min(cornerRadius, w / 2, h / 2))
  if (r > 0) {
    const k = r * (1 - KAPPA)
    pen.moveTo(r, 0)
    pen.lineTo(w - r, 0)
    pen.cubicTo(w - k, 0, w, k, w, r)
    pen.lineTo(w, h - r)
    pen.cubicTo(w, h - k, w - k, h, w - r, h)
    pen.lineTo(r, h)
    pen.cubicTo(k, h, 0, h - k, 0, h - r)
    pen.lineTo(0, r)
    pen.cubicTo(0, k, k, 0, r, 0)
  } else {
    pen.moveTo(0, 0)
    pen.lineTo(w, 0)
    pen.lineTo(w, h)
    pen.lineTo(0, h)
  }
  pen.close()
  return signatureOf(pen, w, h)
}

/** Cubic Bézier handle length for a quarter circle, as a fraction of the radius. */
const KAPPA = 0.5522847498

/** Signature of an ellipse filling its bounds, without parsing. */
export function ellipseSignature(w: number, h: number): OutlineSignature {
  const pen = new Pen()
  const rx = w / 2
  const ry = h / 2
  const kx = rx * KAPPA
  const ky = ry * KAPPA
  pen.moveTo(w, ry)
  pen.cubicTo(w, ry + ky, rx + kx, h, rx, h)
  pen.cubicTo(rx - kx, h, 0, ry + ky, 0, ry)
  pen.cubicTo(0, ry - ky, rx - kx, 0, rx, 0)
  pen.cubicTo(rx + kx, 0, w, ry - ky, w, ry)
  pen.close()
  return signatureOf(pen, w, h)
}

/**
 * How far one outline is from another, in 0..1: the mean distance between
 * corresponding resampled points, over the diagonal of the quantized square. Shapes
 * are compared at their own size (scaling is a transform, not a reshape). The best
 * start point and direction are searched, so an outline drawn from another vertex
 * is not a change.
 */
export function outlineDisplacement(a: OutlineSignature, b: OutlineSignature): number {
  const pa = a.points
  const pb = b.points
  const n = pa.length >> 1
  if (n === 0 || pb.length !== pa.length) return pa.length === pb.length ? 0 : 1
  let same = true
  for (let i = 0; i < pa.length; i++) {
    if (pa[i] !== pb[i]) {
      same = false
      break
    }
  }
  if (same) return 0
  let best = Infinity
  for (let dir = 1; dir >= -1; dir -= 2) {
    for (let shift = 0; shift < n; shift++) {
      let sum = 0
      for (let i = 0; i < n && sum < best; i++) {
        let j = dir === 1 ? i + shift : shift - i
        if (j >= n) j -= n
        else if (j < 0) j += n
        const dx = pa[2 * i]! - pb[2 * j]!
        const dy = pa[2 * i + 1]! - pb[2 * j + 1]!
        sum += Math.sqrt(dx * dx + dy * dy)
      }
      if (sum < best) best = sum
    }
  }
  const d = best / n / QUANT_DIAGONAL
  return d < 1 ? d : 1
}

