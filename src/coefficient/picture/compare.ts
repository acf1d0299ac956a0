/**
 * A picture's change, pixel by pixel: the new picture as it shows in its box, against the
 * AI's picture placed the way that best explains it (fit.ts) with the AI's adjustments.
 * Each grid cell counts by how far its colour moved (CIELAB ΔE, counted fully at
 * PICTURE_SATURATION, like a recolour), after a tolerance for what resampling and
 * compression do: a cell is compared with its neighbours too (a sub-pixel shift of an
 * edge is not a change), and differences below PICTURE_TOLERANCE are none. So a
 * re-saved JPEG, an upscale or another export of the same picture ≈ 0; a region painted
 * over counts its share; a colour grade counts the pixels it moved, by how far.
 */
import { fieldSalience } from '../ground'
import type { ImagePaintSnapshot } from '../snapshot'
import { applyFit, fitPlacement, NO_FIT, type Fit } from './fit'
import { gridFor, lookGrid, placeOnGrid, toLab, type Grid } from './look'
import type { DecodedSample } from './sample'

/** ΔE below this is what compression and resampling do to a sample: no change. */
export const PICTURE_TOLERANCE = 4
/** ΔE at which a cell counts fully changed ("a different colour", as for paints). */
export const PICTURE_SATURATION = 30
/** A fitted placement is taken when it leaves at most this share of the change as the picture lies. */
const FIT_GAIN = 0.75
/** A cell this changed shows on the heat map. */
export const PICTURE_SHOWN = 0.1

/** One state of a picture: its paint, its sample, its layer's box size, and whether the layer is mirrored. */
export interface PictureSide {
  paint: ImagePaintSnapshot
  sample: DecodedSample
  w: number
  h: number
  /** The layer is flipped (ElementSnapshot.flipped): its picture shows mirrored in its box (a placement, as a mirrored file is). */
  flipped?: boolean
}

export interface PictureChange {
  /** Mean change over the box's grid, 0..1. */
  change: number
  /** Per grid cell, 0..1 (row-major over `grid`, in the new state's box). */
  cells: Float32Array
  grid: Grid
  /** How the AI's picture was found placed in the new one (NO_FIT: as it was). */
  fit: Fit
}

/** Per cell change between two Lab grids, with the neighbour tolerance (see the file comment). */
export function cellChanges(now: Float32Array, was: Float32Array, grid: Grid): Float32Array {
  const { width, height } = grid
  const out = new Float32Array(width * height)
  const span = PICTURE_SATURATION - PICTURE_TOLERANCE
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x
      const nl = now[p * 3]!
      const na = now[p * 3 + 1]!
      const nb = now[p * 3 + 2]!
      const wl = was[p * 3]!
      const wa = was[p * 3 + 1]!
      const wb = was[p * 3 + 2]!
      // Nearest colour among the neighbours, both ways (a shifted edge matches a neighbour);
      // squared distances, one root at the end (the root keeps the order).
      let fwd = Infinity
      let back = Infinity
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy
        if (yy < 0 || yy >= height) continue
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx
          if (xx < 0 || xx >= width) continue
          const q = (yy * width + xx) * 3
          let dl = nl - was[q]!
          let da = na - was[q + 1]!
          let db = nb - was[q + 2]!
          const f = dl * dl + da * da + db * db
          if (f < fwd) fwd = f
          dl = now[q]! - wl
          da = now[q + 1]! - wa
          db = now[q + 2]! - wb
          const b = dl * dl + da * da + db * db
          if (b < back) back = b
        }
      }
      const e = Math.sqrt(fwd > back ? fwd : back)
      const c = (e - PICTURE_TOLERANCE) / span
      out[p] = c <= 0 ? 0 : c >= 1 ? 1 : c
    }
  }
  return out
}

/** A flat colour covering at least this share of a picture is its ground. */
const GROUND_SHARE = 0.25
/** Cells within this ΔE of the ground's colour are ground. */
const GROUND_DE = 6

/**
 * Figure and ground inside a picture, as on the canvas (ground.ts): a flat colour
 * covering at least GROUND_SHARE of the picture is its ground, and its cells weigh
 * together by the field law against the figures' (`fieldSalience`); every other cell is
 * figure and weighs 1. A painterly picture has no flat ground: every cell weighs 1.
 */
export function cellWeights(lab: Float32Array): Float32Array {
  const n = lab.length / 3
  const w = new Float32Array(n).fill(1)
  const bins = new Map<number, number>()
  let mode = -1
  let most = 0
  for (let i = 0; i < n; i++) {
    const k = (Math.round(lab[i * 3]! / 4) * 64 + Math.round(lab[i * 3 + 1]! / 4) + 32) * 64 + Math.round(lab[i * 3 + 2]! / 4) + 32
    const c = (bins.get(k) ?? 0) + 1
    bins.set(k, c)
    if (c > most) {
      most = c
      mode = i
    }
  }
  if (mode < 0 || most < GROUND_SHARE * n * 0.25) return w
  const L = lab[mode * 3]!
  const A = lab[mode * 3 + 1]!
  const B = lab[mode * 3 + 2]!
  let ground = 0
  const inGround = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const dl = lab[i * 3]! - L
    const da = lab[i * 3 + 1]! - A
    const db = lab[i * 3 + 2]! - B
    if (dl * dl + da * da + db * db <= GROUND_DE * GROUND_DE) {
      inGround[i] = 1
      ground++
    }
  }
  if (ground < GROUND_SHARE * n) return w
  const g = fieldSalience(ground, n - ground)
  for (let i = 0; i < n; i++) if (inGround[i]) w[i] = g
  return w
}

/** The change of the whole picture: cells weighed at the larger of their two weights (as layers are). */
function weighed(cells: Float32Array, wn: Float32Array, was: Float32Array): number {
  const ww = cellWeights(was)
  let sum = 0
  let total = 0
  for (let i = 0; i < cells.length; i++) {
    const w = wn[i]! > ww[i]! ? wn[i]! : ww[i]!
    sum += w * cells[i]!
    total += w
  }
  return total > 0 ? sum / total : 0
}

/**
 * How much of a picture changed between the AI's state `a` and the current `b`.
 * `samePicture`: the same image (hash), so only placement and adjustments can differ,
 * and no fit is needed.
 */
export function comparePictures(a: PictureSide, b: PictureSide, samePicture: boolean): PictureChange {
  const grid = gridFor(b.w, b.h)
  const at = placeOnGrid(b.paint, b.w, b.h, b.sample.sourceWidth, b.sample.sourceHeight, grid, b.flipped === true)
  const now = lookGrid(b.sample, at.xs, at.ys, at.wrap, b.paint.filters, b.paint.opacity)
  // A flipped layer shows its picture mirrored (both states are read through the current
  // placement, flip included): mirroring is arrangement, not drawing (issue #20), so a
  // flip of the layer, like a mirrored copy of the file, shows the AI's own pixels.
  const was = (f: Fit) => {
    if (f === NO_FIT && samePicture) return lookGrid(a.sample, at.xs, at.ys, at.wrap, a.paint.filters, a.paint.opacity)
    const xs = new Float64Array(at.xs.length)
    const ys = new Float64Array(at.ys.length)
    const tmp = new Float64Array(2)
    for (let i = 0; i < xs.length; i++) {
      const x = at.xs[i]!
      if (x !== x) {
        xs[i] = NaN
        ys[i] = NaN
        continue
      }
      applyFit(f, x, at.ys[i]!, tmp)
      xs[i] = tmp[0]!
      ys[i] = tmp[1]!
    }
    // A fitted placement may reach past the old picture's edge: it is a repeat, wrap it.
    return lookGrid(a.sample, xs, ys, f !== NO_FIT || at.wrap, a.paint.filters, a.paint.opacity)
  }
  const before = was(NO_FIT)
  const asWas = cellChanges(now, before, grid)
  const nowWeights = cellWeights(now)
  const plain = { change: weighed(asWas, nowWeights, before), cells: asWas, grid, fit: NO_FIT }
  // The same image re-placed shows the AI's pixels however it is placed; a picture
  // unchanged where it lies needs no fit either.
  if (samePicture || plain.change === 0) return plain
  const fit = fitPlacement(a.sample, b.sample)
  if (fit === NO_FIT) return plain
  const fitted = was(fit)
  const cells = cellChanges(now, fitted, grid)
  const change = weighed(cells, nowWeights, fitted)
  // A placement is taken only where it explains much of the difference (another picture
  // can match a little better mirrored, which says nothing); and fitting never makes a
  // picture more changed than comparing it as it lies.
  return change < FIT_GAIN * plain.change ? { change, cells, grid, fit } : plain
}

/**
 * A picture against what lay there before (Rasterize selection: AI layers replaced by a
 * picture of themselves). `before(u, v, out)` writes the baseline's colour (sRGB 0..1) at
 * the box's normalized point; the picture is compared as it shows in its box.
 */
export function compareWithAppearance(b: PictureSide, before: (u: number, v: number, rgb: Float64Array) => void): PictureChange {
  const grid = gridFor(b.w, b.h)
  const at = placeOnGrid(b.paint, b.w, b.h, b.sample.sourceWidth, b.sample.sourceHeight, grid, b.flipped === true)
  const now = lookGrid(b.sample, at.xs, at.ys, at.wrap, b.paint.filters, b.paint.opacity)
  const was = new Float32Array(now.length)
  const rgb = new Float64Array(3)
  const lab = new Float32Array(3)
  for (let gy = 0, i = 0; gy < grid.height; gy++) {
    for (let gx = 0; gx < grid.width; gx++, i++) {
      before((gx + 0.5) / grid.width, (gy + 0.5) / grid.height, rgb)
      toLabInto(rgb, lab)
      was[i * 3] = lab[0]!
      was[i * 3 + 1] = lab[1]!
      was[i * 3 + 2] = lab[2]!
    }
  }
  const cells = cellChanges(now, was, grid)
  return { change: weighed(cells, cellWeights(now), was), cells, grid, fit: NO_FIT }
}

function toLabInto(rgb: Float64Array, out: Float32Array): void {
  toLab(rgb[0]!, rgb[1]!, rgb[2]!, out, 0)
}
