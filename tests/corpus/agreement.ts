/**
 * Method 2's raster in colour, against @resvg/resvg-js (the reference renderer) on the same
 * SVG. Method 2 paints coverage top-first (coefficient/raster/raster.ts): what each layer adds at a
 * pixel is how much it takes of what was still bare there. Giving that share the layer's
 * colour composes the picture method 2 sees, which is compared pixel by pixel with resvg's:
 * a pixel agrees when both paint it (coverage ≥ ½) or neither does, and, where both paint,
 * its colours over white lie within ΔE 5 (CIEDE2000).
 */
import { Resvg } from '@resvg/resvg-js'
import { layout, OutlineCache, RASTER_LONG_SIDE } from '../../src/coefficient/canvas-layout'
import { deltaE } from '../../src/coefficient/color'
import { Raster, rasterSize, type Affine } from '../../src/coefficient/raster/raster'
import type { PaintSnapshot, PatternSnapshot, Rgba } from '../../src/coefficient/snapshot'
import { see } from '../../src/coefficient/visibility'

export interface Picture {
  width: number
  height: number
  /** Coverage 0..1 per pixel. */
  cover: Float64Array
  /** Colour over white, 0..1, r g b per pixel. */
  rgb: Float64Array
}

/** The colour a list of paints shows, composited bottom-up (solid paints and gradients' mean). */
function paintColour(paints: readonly PaintSnapshot[]): { r: number; g: number; b: number } {
  let r = 0
  let g = 0
  let b = 0
  let seen = false
  for (const p of paints) {
    let c: Rgba | null = null
    if (p.kind === 'solid') c = p.color
    else if (p.kind === 'gradient' && p.stops.length > 0) {
      const n = p.stops.length
      c = { r: p.stops.reduce((s, x) => s + x.color.r, 0) / n, g: p.stops.reduce((s, x) => s + x.color.g, 0) / n, b: p.stops.reduce((s, x) => s + x.color.b, 0) / n, a: 1 }
    }
    if (!c) continue
    const a = seen ? c.a : 1 // the bottom paint sets the colour; the alpha is already in the coverage
    r = r * (1 - a) + c.r * a
    g = g * (1 - a) + c.g * a
    b = b * (1 - a) + c.b * a
    seen = true
  }
  return { r, g, b }
}

/** The current state of a snapshot as method 2 paints it, in colour, at RASTER_LONG_SIDE. */
export function method2Picture(snapshot: PatternSnapshot): Picture {
  const seen = see(snapshot)
  const root = snapshot.rootBounds
  const { width, height, scale } = rasterSize(root.w, root.h, RASTER_LONG_SIDE)
  const frame: Affine = { a: scale, b: 0, c: 0, d: scale, e: 0, f: 0 }
  const n = seen.length
  const exact = new Uint8Array(n).fill(1)
  const clips = Uint8Array.from(seen, (s) => (s.el.clipsContent ? 1 : 0))
  const masks = Uint8Array.from(seen, (s) => (s.el.isMask ? 1 : 0))
  const lay = layout(seen, exact, frame, { x0: 0, y0: 0, x1: width, y1: height }, new Uint8Array(n), clips, masks, new OutlineCache(), snapshot.kindsRead === true)
  const raster = new Raster(width, height)
  const acc = new Float64Array(width * height * 3)
  for (const i of lay.order) {
    const p = lay.placed[i]!
    const el = p.seen.el
    const parts: [number, readonly PaintSnapshot[]][] = [
      [0, el.strokes],
      [1, el.fills],
    ]
    for (const [fill, paints] of parts) {
      const item = fill ? { ...p.item, strokeAlpha: 0 } : { ...p.item, fillAlpha: 0 }
      if (!(item.fillAlpha > 0) && !(item.strokeAlpha > 0)) continue
      const before = raster.clear.slice()
      raster.paint(i, item)
      const c = paintColour(paints)
      for (let k = 0; k < before.length; k++) {
        const d = before[k]! - raster.clear[k]!
        if (d > 0) {
          acc[3 * k] += d * c.r
          acc[3 * k + 1] += d * c.g
          acc[3 * k + 2] += d * c.b
        }
      }
    }
  }
  const cover = new Float64Array(width * height)
  const rgb = new Float64Array(width * height * 3)
  for (let k = 0; k < cover.length; k++) {
    const bare = raster.clear[k]!
    cover[k] = 1 - bare
    for (let ch = 0; ch < 3; ch++) rgb[3 * k + ch] = acc[3 * k + ch]! + bare
  }
  return { width, height, cover, rgb }
}

/**
 * resvg's rendering of the SVG at the given width (premultiplied RGBA), as a Picture over
 * white. `crisp`: shape-rendering crispEdges, no anti-aliasing, each pixel painted or not as
 * method 2 samples it (at its centre); otherwise anti-aliased, as a browser shows it, where
 * every edge pixel is a blend method 2 never makes.
 */
export function resvgPicture(svg: string, width: number, crisp = true): Picture {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false }, shapeRendering: crisp ? 1 : 2 }).render()
  const px = image.pixels
  const n = image.width * image.height
  const cover = new Float64Array(n)
  const rgb = new Float64Array(n * 3)
  for (let k = 0; k < n; k++) {
    const a = px[4 * k + 3]! / 255
    cover[k] = a
    for (let ch = 0; ch < 3; ch++) rgb[3 * k + ch] = px[4 * k + ch]! / 255 + (1 - a)
  }
  return { width: image.width, height: image.height, cover, rgb }
}

export interface Agreement {
  /** Share of pixels that agree (painted or not, and colour within ΔE 5 where both paint). */
  share: number
  /** Share agreeing on painted vs not alone. */
  coverage: number
  pixels: number
}

/** Compares two pictures over the pixels both have (sizes may differ by a rounding pixel). */
export function agreement(a: Picture, b: Picture, maxDeltaE = 5): Agreement {
  const w = Math.min(a.width, b.width)
  const h = Math.min(a.height, b.height)
  let agree = 0
  let sameCover = 0
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ka = y * a.width + x
      const kb = y * b.width + x
      const pa = a.cover[ka]! >= 0.5
      const pb = b.cover[kb]! >= 0.5
      if (pa !== pb) continue
      sameCover++
      if (!pa) {
        agree++
        continue
      }
      const ca = { r: a.rgb[3 * ka]!, g: a.rgb[3 * ka + 1]!, b: a.rgb[3 * ka + 2]!, a: 1 }
      const cb = { r: b.rgb[3 * kb]!, g: b.rgb[3 * kb + 1]!, b: b.rgb[3 * kb + 2]!, a: 1 }
      if (deltaE(ca, cb) <= maxDeltaE) agree++
    }
  }
  const pixels = w * h
  return { share: agree / pixels, coverage: sameCover / pixels, pixels }
}
