/**
 * A flattened outline: points in growable typed arrays (arc lengths beside them),
 * split into subpaths, and the pen that draws into it. One per signature: no state
 * is shared between calls.
 */

/** Segments per Bézier curve when flattening: plenty for 16 resampled points. */
const CURVE_STEPS = 8

export class FlatOutline {
  private cap = 256
  xs = new Float64Array(this.cap)
  ys = new Float64Array(this.cap)
  /** Arc length from the start of the outline (filled by the resampler). */
  cum = new Float64Array(this.cap)
  count = 0
  // Subpaths: [start, end) point index ranges, closed flag.
  readonly subStart: number[] = []
  readonly subEnd: number[] = []
  readonly subClosed: boolean[] = []
  vertices = 0

  push(x: number, y: number): void {
    if (this.count === this.cap) this.grow()
    this.xs[this.count] = x
    this.ys[this.count] = y
    this.count++
  }

  private grow(): void {
    this.cap *= 2
    const nx = new Float64Array(this.cap)
    const ny = new Float64Array(this.cap)
    const nc = new Float64Array(this.cap)
    nx.set(this.xs)
    ny.set(this.ys)
    nc.set(this.cum)
    this.xs = nx
    this.ys = ny
    this.cum = nc
  }
}

/** Builds the flattened outline; the parser and the shape helpers both drive it. */
export class Pen {
  constructor(readonly o: FlatOutline = new FlatOutline()) {}

  x = 0
  y = 0
  private startX = 0
  private startY = 0
  private open = false // a subpath is in progress

  moveTo(x: number, y: number): void {
    this.finish(false)
    this.o.subStart.push(this.o.count)
    this.o.push(x, y)
    this.open = true
    this.o.vertices++
    this.x = this.startX = x
    this.y = this.startY = y
  }

  private ensureOpen(): void {
    // Drawing after Z (or with no M) starts a new subpath at the current point.
    if (!this.open) {
      this.o.subStart.push(this.o.count)
      this.o.push(this.x, this.y)
      this.open = true
      this.startX = this.x
      this.startY = this.y
    }
  }

  lineTo(x: number, y: number): void {
    this.ensureOpen()
    this.o.push(x, y)
    this.o.vertices++
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
      this.o.push(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y)
    }
    this.o.vertices++
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
      this.o.push(a * x0 + b * c1x + c * c2x + d * x, a * y0 + b * c1y + c * c2y + d * y)
    }
    this.o.vertices++
    this.x = x
    this.y = y
  }

  close(): void {
    if (!this.open) return
    const last = this.o.count - 1
    if (this.o.xs[last] !== this.startX || this.o.ys[last] !== this.startY) {
      this.o.push(this.startX, this.startY)
    } else if (last > this.o.subStart[this.o.subStart.length - 1]!) {
      this.o.vertices-- // an explicit line back to the start is not a vertex of its own
    }
    this.finish(true)
    this.x = this.startX
    this.y = this.startY
  }

  finish(closed: boolean): void {
    if (!this.open) return
    this.o.subEnd.push(this.o.count)
    this.o.subClosed.push(closed)
    this.open = false
  }
}
