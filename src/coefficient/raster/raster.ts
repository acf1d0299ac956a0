/**
 * A scanline rasterizer that measures visible paint: elements are painted top-first
 * onto a grid, and each pixel remembers how much of it is still uncovered. An
 * element's visible share at a pixel is (what is still uncovered) × (its alpha), so
 * later layers occlude earlier ones and transparency lets what lies beneath show
 * through in proportion.
 *
 * Pixels are sampled at their centres (no antialiasing: every pixel belongs wholly
 * to an element or not), with the nonzero or even-odd rule. Elements smaller than a
 * pixel, and strokes thinner than one, keep their analytic area instead, so a dot
 * or a hairline counts by what it paints, not by whether it happens to cover a
 * pixel centre.
 *
 * Determinism across engines: only + − × ÷ and Math.sqrt, and typed arrays of
 * doubles, so Node, Chromium and the CLI produce the same bytes.
 */
import type { Polyline } from './raster-path'

/** x' = a·x + c·y + e, y' = b·x + d·y + f. */
export interface Affine {
  a: number
  b: number
  c: number
  d: number
  e: number
  f: number
}

export const IDENTITY: Affine = Object.freeze({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 })

/** `outer` after `inner`: p ↦ outer(inner(p)). */
export function compose(outer: Affine, inner: Affine): Affine {
  return {
    a: outer.a * inner.a + outer.c * inner.b,
    b: outer.b * inner.a + outer.d * inner.b,
    c: outer.a * inner.c + outer.c * inner.d,
    d: outer.b * inner.c + outer.d * inner.d,
    e: outer.a * inner.e + outer.c * inner.f + outer.e,
    f: outer.b * inner.e + outer.d * inner.f + outer.f,
  }
}

/** Integer pixel rectangle [x0, x1) × [y0, y1). */
export interface PixelRect {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** One element as the rasterizer paints it. */
export interface RenderItem {
  /** Outline in the element's own box. */
  outline: readonly Polyline[]
  /** The element's box → raster pixels. */
  transform: Affine
  /** Alpha of the fill region (0 = no fill). */
  fillAlpha: number
  /** Alpha of the stroke band (0 = no stroke). */
  strokeAlpha: number
  /** Stroke weight in the element's own units (the band is centred on the outline). */
  strokeWeight: number
  /** Where it may paint (the frame, and any clipping ancestors). */
  clip: PixelRect
  /** Counted into `Raster.flagged` (the score flags human-drawn elements). */
  flagged: boolean
  evenOdd?: boolean
  /**
   * What the fill paints, when it is not the whole outline: the closed paths only (an open
   * path, Figma's windingRule NONE, "won't have a fill", plugin-api.d.ts:5490).
   */
  fillOutline?: readonly Polyline[]
  /**
   * The stroke's own outline (Figma's strokeGeometry, plugin-api.d.ts:8766), filled nonzero
   * with the stroke's alpha instead of a band around `outline`.
   */
  strokeRegion?: readonly Polyline[]
  /** Masks it is painted through (Figma: a mask clips the layers above it in its parent). */
  masks?: readonly MaskBits[]
  /**
   * The faded containers it is painted in, innermost first (layers.ts): each is composited
   * as one layer and faded as a whole, as Figma and SVG do group opacity. `fillAlpha` and
   * `strokeAlpha` still hold their opacities (what the element shows alone); the raster takes
   * them out inside the layer. Items of one layer are painted one after another (a
   * container's content is contiguous in paint order).
   */
  layers?: readonly Layer[]
}

/** A container with opacity below 1: its content is composited first, then faded by `alpha`. */
export interface Layer {
  readonly alpha: number
}

/** A mask's shape in raster pixels: 1 where it lets paint through, over [x0, x1) × [y0, y1). */
export interface MaskBits {
  x0: number
  y0: number
  x1: number
  y1: number
  bits: Uint8Array
}

export interface VisiblePaint {
  /** Visible paint of the fill region, in pixels. */
  fill: number
  /** Visible paint of the stroke band, in pixels. */
  stroke: number
}

/** Octagon offsets for round-ish stroke joins. */
const JOIN = [1, 0, Math.SQRT1_2, Math.SQRT1_2, 0, 1, -Math.SQRT1_2, Math.SQRT1_2, -1, 0, -Math.SQRT1_2, -Math.SQRT1_2, 0, -1, Math.SQRT1_2, -Math.SQRT1_2]
/** Below this size (pixels on both sides) an element keeps its analytic area. */
const SUBPIXEL = 1.5

export class Raster {
  /** What is still uncovered at each pixel (1 = bare, 0 = fully painted). */
  readonly clear: Float64Array
  /** 1 + the render index of the top-most element painting each pixel; 0 = none. */
  readonly top: Int32Array
  /** That element's visible share at the pixel. */
  readonly topShare: Float64Array
  /** Visible share taken by flagged elements at each pixel. */
  readonly flagged: Float64Array

  private ex0 = new Float64Array(64)
  private ey0 = new Float64Array(64)
  private ex1 = new Float64Array(64)
  private ey1 = new Float64Array(64)
  private edges = 0
  private minY = Infinity
  private maxY = -Infinity
  private minX = Infinity
  private maxX = -Infinity
  private cx = new Float64Array(64)
  private cd = new Int8Array(64)
  private masks: readonly MaskBits[] | null = null
  private layerBufs = new Map<Layer, Float64Array>()
  private chain: Float64Array[] | null = null
  private chainLayers: readonly Layer[] = []
  private chainAlpha = 1

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    const n = width * height
    this.clear = new Float64Array(n).fill(1)
    this.top = new Int32Array(n)
    this.topShare = new Float64Array(n)
    this.flagged = new Float64Array(n)
  }

  /**
   * Paints one element under everything painted so far (call top-most first) and
   * returns what of it stays visible. `index` is what `top` records for it.
   */
  paint(index: number, item: RenderItem): VisiblePaint {
    const out: VisiblePaint = { fill: 0, stroke: 0 }
    this.enterLayers(item.layers)
    let { clip } = item
    this.masks = item.masks && item.masks.length > 0 ? item.masks : null
    for (const k of this.masks ?? []) clip = { x0: Math.max(clip.x0, k.x0), y0: Math.max(clip.y0, k.y0), x1: Math.min(clip.x1, k.x1), y1: Math.min(clip.y1, k.y1) }
    if (clip.x1 <= clip.x0 || clip.y1 <= clip.y0) return out
    const m = item.transform
    // Uniform scale of the transform (similarities only): stroke width in pixels.
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c))
    let half = item.strokeAlpha > 0 ? (item.strokeWeight * scale) / 2 : 0
    let strokeAlpha = item.strokeAlpha
    if (half > 0 && half < 0.5) {
      // A hairline: paint one pixel wide at proportionally lower alpha (its true area).
      strokeAlpha *= 2 * half
      half = 0.5
    }

    // Stroke first: it lies over the element's own fill.
    if (half > 0) {
      this.begin()
      const region = item.strokeRegion
      if (region && region.length > 0 && half === (item.strokeWeight * scale) / 2) {
        for (const poly of region) this.addPolygon(poly.points, m)
      } else if (region && region.length > 0 && item.outline.length === 0) {
        // A hairline with no centre line of its own (a LINE): a band around its thin
        // outline covers both long sides, so it counts at half the alpha.
        strokeAlpha /= 2
        this.addBand(region, m, half)
      } else this.addBand(item.outline, m, half)
      out.stroke = this.fillEdges(clip, false, strokeAlpha, index, item.flagged)
    }
    if (item.fillAlpha > 0) {
      this.begin()
      for (const poly of item.fillOutline ?? item.outline) this.addPolygon(poly.points, m)
      out.fill = this.fillEdges(clip, item.evenOdd === true, item.fillAlpha, index, item.flagged)
    }
    return out
  }

  private begin(): void {
    this.edges = 0
    this.minY = this.minX = Infinity
    this.maxY = this.maxX = -Infinity
  }

  private edge(x0: number, y0: number, x1: number, y1: number): void {
    if (this.edges === this.ex0.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2)
        b.set(a)
        return b
      }
      this.ex0 = grow(this.ex0)
      this.ey0 = grow(this.ey0)
      this.ex1 = grow(this.ex1)
      this.ey1 = grow(this.ey1)
    }
    const i = this.edges++
    this.ex0[i] = x0
    this.ey0[i] = y0
    this.ex1[i] = x1
    this.ey1[i] = y1
    if (y0 < this.minY) this.minY = y0
    if (y1 < this.minY) this.minY = y1
    if (y0 > this.maxY) this.maxY = y0
    if (y1 > this.maxY) this.maxY = y1
    if (x0 < this.minX) this.minX = x0
    if (x1 < this.minX) this.minX = x1
    if (x0 > this.maxX) this.maxX = x0
    if (x1 > this.maxX) this.maxX = x1
  }

  /** A closed polygon (open subpaths are filled as if closed, as SVG does). */
  private addPolygon(pts: Float64Array, m: Affine): void {
    const n = pts.length >> 1
    if (n < 2) return
    let px = m.a * pts[2 * n - 2]! + m.c * pts[2 * n - 1]! + m.e
    let py = m.b * pts[2 * n - 2]! + m.d * pts[2 * n - 1]! + m.f
    for (let i = 0; i < n; i++) {
      const x = m.a * pts[2 * i]! + m.c * pts[2 * i + 1]! + m.e
      const y = m.b * pts[2 * i]! + m.d * pts[2 * i + 1]! + m.f
      this.edge(px, py, x, y)
      px = x
      py = y
    }
  }

  /**
   * The stroke band as a union of one quad per segment and an octagon per vertex, all
   * wound the same way so that nonzero filling unites them.
   */
  private addBand(outline: readonly Polyline[], m: Affine, half: number): void {
    for (const poly of outline) {
      const pts = poly.points
      const n = pts.length >> 1
      const segments = poly.closed ? n : n - 1
      for (let i = 0; i < n; i++) {
        const x = m.a * pts[2 * i]! + m.c * pts[2 * i + 1]! + m.e
        const y = m.b * pts[2 * i]! + m.d * pts[2 * i + 1]! + m.f
        // Joins (and round caps): an octagon, wound like the quads below (negative area).
        let qx = x + half * JOIN[14]!
        let qy = y - half * JOIN[15]!
        for (let k = 0; k < 16; k += 2) {
          const ox = x + half * JOIN[k]!
          const oy = y - half * JOIN[k + 1]!
          this.edge(qx, qy, ox, oy)
          qx = ox
          qy = oy
        }
        if (i >= segments) continue
        const j = (i + 1) % n
        const x2 = m.a * pts[2 * j]! + m.c * pts[2 * j + 1]! + m.e
        const y2 = m.b * pts[2 * j]! + m.d * pts[2 * j + 1]! + m.f
        const dx = x2 - x
        const dy = y2 - y
        const len = Math.sqrt(dx * dx + dy * dy)
        if (!(len > 0)) continue
        const nx = (-dy / len) * half
        const ny = (dx / len) * half
        this.edge(x + nx, y + ny, x2 + nx, y2 + ny)
        this.edge(x2 + nx, y2 + ny, x2 - nx, y2 - ny)
        this.edge(x2 - nx, y2 - ny, x - nx, y - ny)
        this.edge(x - nx, y - ny, x + nx, y + ny)
      }
    }
  }

  /** Fills the collected edges; returns the visible paint. */
  private fillEdges(clip: PixelRect, evenOdd: boolean, alpha: number, index: number, flagged: boolean): number {
    if (this.edges === 0 || !(alpha > 0)) return 0
    if (this.maxX - this.minX < SUBPIXEL && this.maxY - this.minY < SUBPIXEL) return this.subpixel(clip, alpha, index, flagged)
    const rowFrom = Math.max(clip.y0, Math.ceil(this.minY - 0.5))
    const rowTo = Math.min(clip.y1, Math.ceil(this.maxY - 0.5))
    const { ex0, ey0, ex1, ey1 } = this
    let total = 0
    for (let row = rowFrom; row < rowTo; row++) {
      const yc = row + 0.5
      let k = 0
      for (let i = 0; i < this.edges; i++) {
        const y0 = ey0[i]!
        const y1 = ey1[i]!
        let dir: number
        if (y0 <= yc && yc < y1) dir = 1
        else if (y1 <= yc && yc < y0) dir = -1
        else continue
        const x = ex0[i]! + ((yc - y0) * (ex1[i]! - ex0[i]!)) / (y1 - y0)
        if (k === this.cx.length) {
          const nx = new Float64Array(k * 2)
          nx.set(this.cx)
          this.cx = nx
          const nd = new Int8Array(k * 2)
          nd.set(this.cd)
          this.cd = nd
        }
        // Insertion into sorted order (crossings per row are few).
        let at = k
        while (at > 0 && this.cx[at - 1]! > x) {
          this.cx[at] = this.cx[at - 1]!
          this.cd[at] = this.cd[at - 1]!
          at--
        }
        this.cx[at] = x
        this.cd[at] = dir
        k++
      }
      let winding = 0
      let start = 0
      for (let i = 0; i < k; i++) {
        const was = evenOdd ? winding & 1 : winding
        winding += evenOdd ? 1 : this.cd[i]!
        const now = evenOdd ? winding & 1 : winding
        if (was === 0 && now !== 0) start = this.cx[i]!
        else if (was !== 0 && now === 0) total += this.span(row, start, this.cx[i]!, clip, alpha, index, flagged)
      }
    }
    return total
  }

  /**
   * Pixels whose centres lie in (xa, xb] on a row. A centre exactly on an edge goes to the
   * shape on its left, as Skia's (and so resvg's) non-anti-aliased scan fills
   * [round(xa), round(xb)): 45° edges of integer outlines at whole scales pass through
   * pixel centres, and taking them the other way shifted every such edge by a pixel
   * against the reference renderer (tests/corpus, hero-patterns overlappingDiamonds).
   */
  private span(row: number, xa: number, xb: number, clip: PixelRect, alpha: number, index: number, flagged: boolean): number {
    const from = Math.max(clip.x0, Math.floor(xa + 0.5))
    const to = Math.min(clip.x1, Math.floor(xb + 0.5))
    const { clear, top, topShare, masks } = this
    let sum = 0
    let p = row * this.width + from
    for (let x = from; x < to; x++, p++) {
      const t = clear[p]!
      if (t > 0 && (masks === null || masked(masks, x, row))) {
        const v = this.chain === null ? t * alpha : this.layered(p, alpha / this.chainAlpha)
        clear[p] = t - v
        sum += v
        if (top[p] === 0) {
          top[p] = index + 1
          topShare[p] = v
        }
        if (flagged) this.flagged[p] = this.flagged[p]! + v
      }
    }
    return sum
  }

  /**
   * The layers the next item paints in: each keeps what of its own content is still bare
   * per pixel (1 at first). A layer the item is not in is finished and let go.
   */
  private enterLayers(layers: readonly Layer[] | undefined): void {
    if (!layers || layers.length === 0) {
      this.chain = null
      this.chainAlpha = 1
      if (this.layerBufs.size > 0) this.layerBufs.clear()
      return
    }
    for (const k of this.layerBufs.keys()) if (!layers.includes(k)) this.layerBufs.delete(k)
    this.chain = layers.map((l) => {
      let buf = this.layerBufs.get(l)
      if (!buf) {
        buf = new Float64Array(this.width * this.height).fill(1)
        this.layerBufs.set(l, buf)
      }
      return buf
    })
    this.chainLayers = layers
    this.chainAlpha = layers.reduce((a, l) => a * l.alpha, 1)
  }

  /**
   * What an item of alpha `a` (its own, the layers' taken out) takes of pixel p through its
   * layers: it takes `a` of what is still bare in its innermost layer; a layer of alpha α whose content so far covers 1 − c
   * (so it has taken α(1 − c) of what was bare beneath it when it began) passes a take t on
   * as (bare beneath now) / (1 − α(1 − c)) · α · t. Two opaque overlapping children of a
   * group at 50 % take 50 % together, not 75 %.
   */
  private layered(p: number, a: number): number {
    const chain = this.chain!
    const layers = this.chainLayers
    let take = chain[0]![p]! * a
    for (let k = 0; k < chain.length; k++) {
      const buf = chain[k]!
      const c = buf[p]!
      const alpha = layers[k]!.alpha
      const u = 1 - alpha * (1 - c)
      buf[p] = c - take
      const beneath = k + 1 < chain.length ? chain[k + 1]![p]! : this.clear[p]!
      take = u > 0 ? (beneath / u) * alpha * take : 0
    }
    return take
  }

  /**
   * An element smaller than a pixel: its analytic area (shoelace of the collected
   * edges, which all belong to closed loops), seen through the pixel at its centre.
   * It does not cover that pixel for what lies beneath: it is too small to.
   */
  private subpixel(clip: PixelRect, alpha: number, index: number, flagged: boolean): number {
    let area = 0
    for (let i = 0; i < this.edges; i++) area += this.ex0[i]! * this.ey1[i]! - this.ex1[i]! * this.ey0[i]!
    area = Math.abs(area / 2)
    if (area > 1) area = 1
    const x = Math.floor((this.minX + this.maxX) / 2)
    const y = Math.floor((this.minY + this.maxY) / 2)
    if (x < clip.x0 || x >= clip.x1 || y < clip.y0 || y >= clip.y1) return 0
    if (this.masks !== null && !masked(this.masks, x, y)) return 0
    const p = y * this.width + x
    const v = this.clear[p]! * alpha * area
    if (v > 0) {
      if (this.top[p] === 0) {
        this.top[p] = index + 1
        this.topShare[p] = v
      }
      if (flagged) this.flagged[p] = this.flagged[p]! + v
    }
    return v
  }
}

/** Does every mask let paint through at (x, y)? (The clip already keeps x, y within each.) */
function masked(masks: readonly MaskBits[], x: number, y: number): boolean {
  for (const k of masks) if (k.bits[(y - k.y0) * (k.x1 - k.x0) + (x - k.x0)] === 0) return false
  return true
}

/** The raster size for a frame: `long` pixels on its long side, at least 1 on the other. */
export function rasterSize(w: number, h: number, long: number): { width: number; height: number; scale: number } {
  if (!(w > 0) || !(h > 0)) return { width: 1, height: 1, scale: 0 }
  const scale = long / (w > h ? w : h)
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)), scale }
}
