/**
 * Outlines for the rasterizer: SVG path data flattened into polylines, in the
 * element's own box (0..w × 0..h), plus the stand-ins used when a snapshot has no
 * path data (a rectangle, an ellipse, or the stored outline signature).
 *
 * Determinism across engines: only + − × ÷ and Math.sqrt are used here, never
 * Math.hypot or trigonometry (their last bit may differ between JavaScript engines).
 * Curves are flattened with a fixed number of segments chosen by the caller, so the
 * same path always gives the same points.
 */
import type { OutlineSignature } from '../snapshot'
import { drawPath, type PathPen } from '../outline/path-data'

/** One flattened subpath: x,y interleaved, in the element's own box. */
export interface Polyline {
  points: Float64Array
  closed: boolean
}

/** Cubic Bézier handle length for a quarter circle, as a fraction of the radius. */
const KAPPA = 0.5522847498

/** Collects flattened subpaths; each curve is cut into `steps` straight segments. */
class PolyBuilder implements PathPen {
  readonly out: Polyline[] = []
  private pts: number[] = []
  private open = false
  x = 0
  y = 0
  private sx = 0
  private sy = 0

  constructor(private readonly steps: number) {}

  moveTo(x: number, y: number): void {
    this.finish(false)
    this.pts = [x, y]
    this.open = true
    this.x = this.sx = x
    this.y = this.sy = y
  }

  private ensure(): void {
    if (!this.open) {
      this.pts = [this.x, this.y]
      this.open = true
      this.sx = this.x
      this.sy = this.y
    }
  }

  lineTo(x: number, y: number): void {
    this.ensure()
    this.pts.push(x, y)
    this.x = x
    this.y = y
  }

  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    this.ensure()
    const x0 = this.x
    const y0 = this.y
    const steps = this.steps
    for (let i = 1; i <= steps; i++) {
      const t = i / steps
      const u = 1 - t
      const a = u * u * u
      const b = 3 * u * u * t
      const c = 3 * u * t * t
      const d = t * t * t
      this.pts.push(a * x0 + b * c1x + c * c2x + d * x, a * y0 + b * c1y + c * c2y + d * y)
    }
    this.x = x
    this.y = y
  }

  quadTo(cx: number, cy: number, x: number, y: number): void {
    this.ensure()
    const x0 = this.x
    const y0 = this.y
    const steps = this.steps
    for (let i = 1; i <= steps; i++) {
      const t = i / steps
      const u = 1 - t
      this.pts.push(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y)
    }
    this.x = x
    this.y = y
  }

  close(): void {
    if (!this.open) return
    this.finish(true)
    this.x = this.sx
    this.y = this.sy
  }

  finish(closed: boolean): void {
    if (!this.open) return
    this.open = false
    if (this.pts.length >= 4) this.out.push({ points: Float64Array.from(this.pts), closed })
  }
}

/**
 * Flattens SVG path data into polylines, each curve cut into `steps` straight segments,
 * with the same scanner as the outline signatures (outline/path-data.ts: M L H V C S Q T
 * A Z, absolute and relative; arcs become their chord). Unreadable input ends the path
 * where it became unreadable, keeping what was drawn.
 */
export function flattenPath(d: string, steps: number): Polyline[] {
  const pen = new PolyBuilder(steps)
  drawPath(d, pen)
  pen.finish(false) // the scanner may stop mid-path on a missing number
  return pen.out
}

/** The whole box, clockwise on screen. */
export function rectangleOutline(w: number, h: number): Polyline[] {
  return [{ points: Float64Array.of(0, 0, w, 0, w, h, 0, h), closed: true }]
}

/** An ellipse filling the box, as four cubics. */
export function ellipseOutline(w: number, h: number, steps: number): Polyline[] {
  const rx = w / 2
  const ry = h / 2
  const kx = rx * KAPPA
  const ky = ry * KAPPA
  const pen = new PolyBuilder(steps)
  pen.moveTo(w, ry)
  pen.cubicTo(w, ry + ky, rx + kx, h, rx, h)
  pen.cubicTo(rx - kx, h, 0, ry + ky, 0, ry)
  pen.cubicTo(0, ry - ky, rx - kx, 0, rx, 0)
  pen.cubicTo(rx + kx, 0, w, ry - ky, w, ry)
  pen.close()
  return pen.out
}

/**
 * The stored outline signature as a polygon in the box (its 16 resampled points).
 * Whether it was closed is not stored: it is read as closed when its last point lies
 * about as close to its first as the points lie to each other.
 */
export function signatureOutline(sig: OutlineSignature, w: number, h: number): Polyline[] {
  const n = sig.points.length >> 1
  if (n < 2) return []
  const points = new Float64Array(n * 2)
  for (let i = 0; i < n * 2; i += 2) {
    points[i] = (sig.points[i]! / 255) * w
    points[i + 1] = (sig.points[i + 1]! / 255) * h
  }
  let step = 0
  for (let i = 2; i < n * 2; i += 2) {
    const dx = points[i]! - points[i - 2]!
    const dy = points[i + 1]! - points[i - 1]!
    step += Math.sqrt(dx * dx + dy * dy)
  }
  step /= n - 1
  const dx = points[0]! - points[n * 2 - 2]!
  const dy = points[1]! - points[n * 2 - 1]!
  const gap = Math.sqrt(dx * dx + dy * dy)
  return [{ points, closed: gap <= 2 * step + 1e-9 }]
}

/**
 * Sine and cosine of an angle in degrees, exact at multiples of 90°, from a Taylor
 * series on a reduced angle: only arithmetic, so every engine gives the same bits.
 */
export function sinCosDegrees(deg: number): { sin: number; cos: number } {
  if (!Number.isFinite(deg)) return { sin: 0, cos: 1 }
  let q = deg % 360
  if (q < 0) q += 360
  const quadrant = Math.floor(q / 90)
  let r = q - quadrant * 90 // 0 ≤ r < 90
  let swap = false
  if (r > 45) {
    r = 90 - r
    swap = true
  }
  const x = (r * Math.PI) / 180
  const x2 = x * x
  // sin x = x − x³/3! + …, cos x = 1 − x²/2! + …; 8 terms reach double precision for |x| ≤ π/4.
  let s = 0
  let c = 0
  let termS = x
  let termC = 1
  for (let k = 1; k <= 8; k++) {
    s += termS
    c += termC
    termS *= -x2 / ((2 * k) * (2 * k + 1))
    termC *= -x2 / ((2 * k - 1) * (2 * k))
  }
  let sin = swap ? c : s
  let cos = swap ? s : c
  for (let k = 0; k < quadrant; k++) {
    const t = sin
    sin = cos
    cos = -t
  }
  return { sin: sin === 0 ? 0 : sin, cos: cos === 0 ? 0 : cos }
}
