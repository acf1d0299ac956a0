/**
 * Outline signatures: a fixed-size, quantized summary of a vector outline, small
 * enough to store for 10,000 shapes and enough to tell how far a shape was reshaped.
 *
 * This runs on Figma's main thread (a WebAssembly VM, ~13× slower than V8) for every
 * element of a pattern, so it avoids per-call allocation: the path is scanned by char
 * codes (no regex, no substrings), points go into reused typed-array buffers, and only
 * the final 2·OUTLINE_POINTS numbers are allocated.
 *
 * Canonical form: the same outline drawn from another start vertex, or in the other
 * direction, gives the same signature. Closed subpaths start at their top-most, then
 * left-most point and run clockwise (on screen, y down); open subpaths run from their
 * top-left end. That way redrawing a path from another corner is not a "change".
 */
import { OUTLINE_POINTS, type OutlineSignature } from './snapshot'

/** Segments per Bézier curve when flattening: plenty for 16 resampled points. */
const CURVE_STEPS = 8
/** Quantization levels per axis (coordinates become 0..QMAX). */
const QMAX = 255
/** The diagonal of the quantized square: the largest possible point displacement. */
const QUANT_DIAGONAL = QMAX * Math.SQRT2

// ---- reused buffers -------------------------------------------------------------

let cap = 256
let xs = new Float64Array(cap)
let ys = new Float64Array(cap)
let cum = new Float64Array(cap) // arc length from the start of the outline
let count = 0
// Subpaths: [start, end) point index ranges, closed flag.
const subStart: number[] = []
const subEnd: number[] = []
const subClosed: boolean[] = []
let vertices = 0

function reset(): void {
  count = 0
  vertices = 0
  subStart.length = 0
  subEnd.length = 0
  subClosed.length = 0
}

function grow(): void {
  cap *= 2
  const nx = new Float64Array(cap)
  const ny = new Float64Array(cap)
  const nc = new Float64Array(cap)
  nx.set(xs)
  ny.set(ys)
  nc.set(cum)
  xs = nx
  ys = ny
  cum = nc
}

function push(x: number, y: number): void {
  if (count === cap) grow()
  xs[count] = x
  ys[count] = y
  count++
}

// ---- a pen that draws into the buffers -------------------------------------------

/** Builds the flattened outline; the parser and the shape helpers both drive it. */
class Pen {
  x = 0
  y = 0
  private startX = 0
  private startY = 0
  private open = false // a subpath is in progress

  moveTo(x: number, y: number): void {
    this.finish(false)
    subStart.push(count)
    push(x, y)
    this.open = true
    vertices++
    this.x = this.startX = x
    this.y = this.startY = y
  }

  private ensureOpen(): void {
    // Drawing after Z (or with no M) starts a new subpath at the current point.
    if (!this.open) {
      subStart.push(count)
      push(this.x, this.y)
      this.open = true
      this.startX = this.x
      this.startY = this.y
    }
  }

  lineTo(x: number, y: number): void {
    this.ensureOpen()
    push(x, y)
    vertices++
    this.x = x
    this.y = y
  }

  quadTo(cx: number, cy: number, x: number, y: number): void {
    this.ensureOpen()
    const x0 = this.x
    const y0 = this.y
    for (let i = 1; i <= CURVE_STEPS; i++) {
      const t = i / CURVE_STEPS
      const u = 1 - t
      push(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y)
    }
    vertices++
    this.x = x
    this.y = y
  }

  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    this.ensureOpen()
    const x0 = this.x
    const y0 = this.y
    for (let i = 1; i <= CURVE_STEPS; i++) {
      const t = i / CURVE_STEPS
      const u = 1 - t
      const a = u * u * u
      const b = 3 * u * u * t
      const c = 3 * u * t * t
      const d = t * t * t
      push(a * x0 + b * c1x + c * c2x + d * x, a * y0 + b * c1y + c * c2y + d * y)
    }
    vertices++
    this.x = x
    this.y = y
  }

  close(): void {
    if (!this.open) return
    const last = count - 1
    if (xs[last] !== this.startX || ys[last] !== this.startY) {
      push(this.startX, this.startY)
    } else if (last > subStart[subStart.length - 1]!) {
      vertices-- // an explicit line back to the start is not a vertex of its own
    }
    this.finish(true)
    this.x = this.startX
    this.y = this.startY
  }

  finish(closed: boolean): void {
    if (!this.open) return
    subEnd.push(count)
    subClosed.push(closed)
    this.open = false
  }
}

// ---- SVG path data scanner ---------------------------------------------------------

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

/** Scans numbers and command letters from one path string without allocating. */
class Scanner {
  s = ''
  i = 0
  ok = true

  reset(s: string): void {
    this.s = s
    this.i = 0
    this.ok = true
  }

  /** Skips separators; returns the next char code (or -1 at the end). */
  peek(): number {
    const s = this.s
    let i = this.i
    while (i < s.length) {
      const c = s.charCodeAt(i)
      if (c === 32 || c === 44 || c === 10 || c === 13 || c === 9 || c === 12) i++
      else break
    }
    this.i = i
    return i < s.length ? s.charCodeAt(i) : -1
  }

  /** True when the next token is a number (so an implicit command repeat follows). */
  atNumber(): boolean {
    const c = this.peek()
    return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46
  }

  /**
   * Reads a number. Mantissas under 2^53 with small exponents are exact in doubles,
   * so m·10^e (or m/10^e) is correctly rounded, the same as parseFloat; anything
   * else falls back to Number() on the slice.
   */
  num(): number {
    if (!this.atNumber()) {
      this.ok = false
      return 0
    }
    const s = this.s
    const start = this.i
    let i = start
    let neg = false
    let c = s.charCodeAt(i)
    if (c === 45 || c === 43) {
      neg = c === 45
      c = s.charCodeAt(++i)
    }
    let mant = 0
    let digits = 0
    let exp = 0
    while (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48)
      digits++
      c = s.charCodeAt(++i)
    }
    if (c === 46) {
      c = s.charCodeAt(++i)
      while (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48)
        digits++
        exp--
        c = s.charCodeAt(++i)
      }
    }
    if (digits === 0) {
      this.ok = false
      this.i = i
      return 0
    }
    if (c === 101 || c === 69) {
      // exponent: only if digits follow, otherwise "e" is not ours
      let j = i + 1
      let ec = s.charCodeAt(j)
      let eneg = false
      if (ec === 45 || ec === 43) {
        eneg = ec === 45
        ec = s.charCodeAt(++j)
      }
      if (ec >= 48 && ec <= 57) {
        let e = 0
        while (ec >= 48 && ec <= 57) {
          e = e * 10 + (ec - 48)
          ec = s.charCodeAt(++j)
        }
        exp += eneg ? -e : e
        i = j
      }
    }
    this.i = i
    if (mant <= 9007199254740991 && exp >= -22 && exp <= 22) {
      const v = exp < 0 ? mant / POW10[-exp]! : mant * POW10[exp]!
      return neg ? -v : v
    }
    return Number(s.slice(start, i)) // rare: very long or very large numbers
  }

  /** Reads an arc flag ("0" or "1"), which may be written without a separator. */
  flag(): number {
    const c = this.peek()
    if (c === 48 || c === 49) {
      this.i++
      return c - 48
    }
    this.ok = false
    return 0
  }
}

const pen = new Pen()
const scan = new Scanner()

/** Draws one SVG path string (M L H V C S Q T A Z, absolute and relative) with the pen. */
function drawPath(d: string): void {
  scan.reset(d)
  let cmd = 0
  // Reflected control point for S/T; reset by any other command.
  let lastCtrlX = 0
  let lastCtrlY = 0
  let lastKind = 0 // 1 = cubic, 2 = quadratic
  for (;;) {
    const c = scan.peek()
    if (c === -1) break
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      cmd = c
      scan.i++
      if (cmd === 90 || cmd === 122) {
        pen.close()
        lastKind = 0
        continue
      }
    } else if (cmd === 0 || !scan.atNumber()) {
      break // garbage: keep what we have
    }
    const rel = cmd >= 97
    const ox = rel ? pen.x : 0
    const oy = rel ? pen.y : 0
    let kind = 0
    switch (cmd | 32) {
      case 109: { // m
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.moveTo(x, y)
        cmd = rel ? 108 : 76 // further pairs are line-tos
        break
      }
      case 108: { // l
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.lineTo(x, y)
        break
      }
      case 104: { // h
        const x = scan.num() + ox
        if (!scan.ok) return
        pen.lineTo(x, pen.y)
        break
      }
      case 118: { // v
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.lineTo(pen.x, y)
        break
      }
      case 99: { // c
        const c1x = scan.num() + ox
        const c1y = scan.num() + oy
        const c2x = scan.num() + ox
        const c2y = scan.num() + oy
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.cubicTo(c1x, c1y, c2x, c2y, x, y)
        lastCtrlX = c2x
        lastCtrlY = c2y
        kind = 1
        break
      }
      case 115: { // s
        const c1x = lastKind === 1 ? 2 * pen.x - lastCtrlX : pen.x
        const c1y = lastKind === 1 ? 2 * pen.y - lastCtrlY : pen.y
        const c2x = scan.num() + ox
        const c2y = scan.num() + oy
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.cubicTo(c1x, c1y, c2x, c2y, x, y)
        lastCtrlX = c2x
        lastCtrlY = c2y
        kind = 1
        break
      }
      case 113: { // q
        const cx = scan.num() + ox
        const cy = scan.num() + oy
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.quadTo(cx, cy, x, y)
        lastCtrlX = cx
        lastCtrlY = cy
        kind = 2
        break
      }
      case 116: { // t
        const cx = lastKind === 2 ? 2 * pen.x - lastCtrlX : pen.x
        const cy = lastKind === 2 ? 2 * pen.y - lastCtrlY : pen.y
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.quadTo(cx, cy, x, y)
        lastCtrlX = cx
        lastCtrlY = cy
        kind = 2
        break
      }
      case 97: { // a — Figma never emits arcs; approximated by the chord.
        scan.num()
        scan.num()
        scan.num()
        scan.flag()
        scan.flag()
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.lineTo(x, y)
        break
      }
      default:
        return // unknown command: keep what we have
    }
    lastKind = kind
  }
  pen.finish(false)
}

// ---- resampling ------------------------------------------------------------------

/** Index of the last point in [lo, hi) whose arc position is ≤ s. */
function segmentAt(s: number, lo: number, hi: number): number {
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

/** Turns the flattened outline in the buffers into a signature. */
function signatureFromBuffers(w: number, h: number): OutlineSignature {
  pen.finish(false)
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
      const j = segmentAt(at, lo, hi)
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

// ---- public API --------------------------------------------------------------------

/**
 * Signature of a vector outline from SVG path data, as Figma gives it in
 * `vectorPaths[i].data` or `fillGeometry[i].data` (node-local coordinates, so
 * 0..w × 0..h). Several paths are concatenated into one outline.
 */
export function outlineSignature(pathData: readonly string[], bounds: { w: number; h: number }): OutlineSignature {
  reset()
  for (const d of pathData) drawPath(d)
  return signatureFromBuffers(bounds.w, bounds.h)
}

/** Signature of a rectangle (optionally with a uniform corner radius), without parsing. */
export function rectangleSignature(w: number, h: number, cornerRadius = 0): OutlineSignature {
  reset()
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
  return signatureFromBuffers(w, h)
}

/** Cubic Bézier handle length for a quarter circle, as a fraction of the radius. */
const KAPPA = 0.5522847498

/** Signature of an ellipse filling its bounds, without parsing. */
export function ellipseSignature(w: number, h: number): OutlineSignature {
  reset()
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
  return signatureFromBuffers(w, h)
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
