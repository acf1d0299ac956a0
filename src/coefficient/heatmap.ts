/**
 * The heat map of a capture: method 2's change map (score-v2.ts, `CanvasMap`) drawn
 * over the pattern itself — every unchanged pixel shows the colour of the element the
 * current raster painted there, faded, and changed, added and removed paint is
 * highlighted on top. Pure: the UI draws the pixels into a canvas, heatmap-png.ts
 * encodes the same pixels for the record and the pack, and a click on a highlight
 * finds its element (`elementAt`).
 *
 * The image is indexed over one fixed palette (three highlights and a cube of faded
 * colours), so it always fits an 8-bit palette PNG: the stored map stays small and
 * decodes to exactly the pixels the capture result showed.
 */
import { TEXT_INK } from './canvas-layout'
import { CHANGE, type CanvasComparison, type CanvasMap } from './score-v2'
import type { ElementSnapshot, PaintSnapshot } from './snapshot'

/** RGBA per change kind (index = CHANGE value); `none` is the paper where nothing is painted. */
export const HEAT_COLORS: readonly (readonly [number, number, number, number])[] = [
  [255, 255, 255, 255], // none: paper (unchanged paint shows faded, below)
  [245, 158, 11, 255], // changed: amber
  [16, 150, 120, 255], // added: teal
  [200, 40, 120, 255], // removed or hidden: magenta
]

/**
 * How the backdrop fades: keep this share of the colour's saturation, then of its
 * darkness. Every faded channel ends up in FADE_FLOOR..255, far from the highlights'
 * dark channels (each highlight has one channel ≤ 40), so the two never read alike.
 */
const SATURATION_KEPT = 0.4
const DARKNESS_KEPT = 0.45
const FADE_FLOOR = 140
/** Levels per channel of the faded cube: 6³ = 216 colours, + 3 highlights ≤ 256. */
const LEVELS = 6

/** The fixed palette: 0..2 the highlights (changed, added, removed), then the faded cube (r-major). */
export const PALETTE: readonly (readonly [number, number, number])[] = (() => {
  const out: [number, number, number][] = [1, 2, 3].map((k) => [HEAT_COLORS[k]![0], HEAT_COLORS[k]![1], HEAT_COLORS[k]![2]])
  const level = (i: number) => Math.round(FADE_FLOOR + ((255 - FADE_FLOOR) * i) / (LEVELS - 1))
  for (let r = 0; r < LEVELS; r++) for (let g = 0; g < LEVELS; g++) for (let b = 0; b < LEVELS; b++) out.push([level(r), level(g), level(b)])
  return out
})()

/** Palette index of a highlight kind (CHANGE.changed … CHANGE.removed). */
const highlightIndex = (kind: number): number => kind - 1
/** Palette index of the paper (the faded cube's white corner). */
export const PAPER_INDEX = 3 + LEVELS ** 3 - 1

/** A heat map as pixels: one palette index per pixel, row by row. */
export interface HeatImage {
  width: number
  height: number
  index: Uint8Array
}

/** The faded palette index of a colour (0..255 channels, composited on white). */
export function fadedIndex(r: number, g: number, b: number): number {
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
  const q = (c: number) => {
    const desaturated = lum + SATURATION_KEPT * (c - lum)
    const light = 255 - DARKNESS_KEPT * (255 - desaturated)
    const t = (light - FADE_FLOOR) / (255 - FADE_FLOOR)
    return Math.max(0, Math.min(LEVELS - 1, Math.round(t * (LEVELS - 1))))
  }
  return 3 + (q(r) * LEVELS + q(g)) * LEVELS + q(b)
}

const clamp01 = (v: number) => (v > 0 ? (v < 1 ? v : 1) : 0)

/** Paints composited bottom to top over white (Figma lists a node's paints bottom first); alpha scaled by `alpha`. */
function compositeOnWhite(paints: readonly PaintSnapshot[], alpha: number): [number, number, number] {
  let r = 1
  let g = 1
  let b = 1
  for (const p of paints) {
    let cr: number, cg: number, cb: number, a: number
    if (p.kind === 'solid') {
      ;({ r: cr, g: cg, b: cb, a } = p.color)
    } else if (p.kind === 'gradient' && p.stops.length > 0) {
      // A gradient shows, on average, the mean of its stops.
      cr = cg = cb = a = 0
      for (const s of p.stops) {
        cr += s.color.r
        cg += s.color.g
        cb += s.color.b
        a += s.color.a
      }
      const n = p.stops.length
      cr /= n
      cg /= n
      cb /= n
      a /= n
    } else {
      // An image or another paint: its pixels are not in the snapshot; a mid grey stands in.
      cr = cg = cb = 0.5
      a = p.kind === 'gradient' ? 0 : p.opacity
    }
    const k = clamp01(a) * alpha
    r += (clamp01(cr) - r) * k
    g += (clamp01(cg) - g) * k
    b += (clamp01(cb) - b) * k
  }
  return [r * 255, g * 255, b * 255]
}

/** The faded palette index of what an element visibly shows: its fills, or its strokes when it has no fill. */
export function elementIndex(el: ElementSnapshot, opacity: number): number {
  const alpha = clamp01(opacity) * (el.type === 'TEXT' ? TEXT_INK : 1)
  const hasFill = el.fills.some((p) => (p.kind === 'solid' ? p.color.a > 0 : p.kind === 'gradient' ? p.stops.some((s) => s.color.a > 0) : p.opacity > 0))
  const [r, g, b] = compositeOnWhite(hasFill ? el.fills : el.strokes, alpha)
  return fadedIndex(r, g, b)
}

/**
 * The heat map's pixels: highlights where the map has a change, elsewhere the faded
 * colour of the current raster's top element (`current.top`, `colours` from
 * elementIndex of the paint order compareOnCanvas returns), or paper. Without `backdrop` every unchanged pixel is paper.
 */
export function heatMapImage(map: CanvasMap, backdrop?: { top: Int32Array; colours: Uint8Array }): HeatImage {
  const index = new Uint8Array(map.width * map.height)
  const top = backdrop?.top
  const colours = backdrop?.colours
  for (let p = 0; p < index.length; p++) {
    const k = map.kinds[p]!
    if (k !== CHANGE.none) index[p] = highlightIndex(k)
    else {
      const r = top ? top[p]! : 0
      index[p] = r > 0 && colours && r <= colours.length ? colours[r - 1]! : PAPER_INDEX
    }
  }
  return { width: map.width, height: map.height, index }
}

/**
 * The heat map of a capture from what compareOnCanvas returned: the change map over
 * the current raster's faded colours (`rendered` is that raster's paint order).
 */
export function captureHeatMap({ map, current, rendered }: Pick<CanvasComparison, 'map' | 'current' | 'rendered'>): HeatImage {
  if (current.width !== map.width || current.height !== map.height) return heatMapImage(map)
  const colours = Uint8Array.from(rendered, (s) => elementIndex(s.el, s.opacity))
  return heatMapImage(map, { top: current.top, colours })
}

/** RGBA bytes of a heat image (for a canvas), row by row. */
export function heatImageRgba(image: HeatImage): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(image.width * image.height * 4)
  for (let p = 0; p < image.index.length; p++) {
    const c = PALETTE[image.index[p]!]!
    out[4 * p] = c[0]
    out[4 * p + 1] = c[1]
    out[4 * p + 2] = c[2]
    out[4 * p + 3] = 255
  }
  return out
}

/**
 * Half the size: each 2 × 2 block becomes its most common highlight (a small change
 * stays visible), or its top-left pixel where nothing is highlighted.
 */
export function halveHeatImage(image: HeatImage): HeatImage {
  const width = Math.max(1, Math.ceil(image.width / 2))
  const height = Math.max(1, Math.ceil(image.height / 2))
  const index = new Uint8Array(width * height)
  const counts = [0, 0, 0]
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      counts[0] = counts[1] = counts[2] = 0
      for (let dy = 0; dy < 2; dy++) {
        for (let dx = 0; dx < 2; dx++) {
          const sx = 2 * x + dx
          const sy = 2 * y + dy
          if (sx >= image.width || sy >= image.height) continue
          const v = image.index[sy * image.width + sx]!
          if (v < 3) counts[v]!++
        }
      }
      let best = -1
      for (let k = 0; k < 3; k++) if (counts[k]! > 0 && (best < 0 || counts[k]! > counts[best]!)) best = k
      index[y * width + x] = best >= 0 ? best : image.index[2 * y * image.width + 2 * x]!
    }
  }
  return { width, height, index }
}

/** Share of the pixels per highlight (for the legend and the record). */
export function heatImageShares(image: HeatImage): { changed: number; added: number; removed: number } {
  let changed = 0
  let added = 0
  let removed = 0
  for (const v of image.index) {
    if (v === 0) changed++
    else if (v === 1) added++
    else if (v === 2) removed++
  }
  const n = Math.max(1, image.index.length)
  return { changed: changed / n, added: added / n, removed: removed / n }
}

/** The node id of the element that made the change at a pixel, or null. */
export function elementAt(map: CanvasMap, x: number, y: number): string | null {
  const px = Math.floor(x)
  const py = Math.floor(y)
  if (px < 0 || py < 0 || px >= map.width || py >= map.height) return null
  const slot = map.at[py * map.width + px]!
  return slot > 0 ? (map.ids[slot - 1] ?? null) : null
}

/** Share of the map's pixels per kind (for the legend). */
export function heatMapShares(map: CanvasMap): { changed: number; added: number; removed: number } {
  let changed = 0
  let added = 0
  let removed = 0
  for (const k of map.kinds) {
    if (k === CHANGE.changed) changed++
    else if (k === CHANGE.added) added++
    else if (k === CHANGE.removed) removed++
  }
  const n = Math.max(1, map.kinds.length)
  return { changed: changed / n, added: added / n, removed: removed / n }
}
