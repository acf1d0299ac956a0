/**
 * Pictures on method 2's canvas: which layers show a picture, how much of a picture
 * changed between two states of a layer, which added pictures are a picture of the AI
 * layers they replaced (Rasterize selection), and the report a capture shows.
 */
import type { Placed, Painted } from '../canvas-layout'
import { paintsChange } from '../color'
import type { Affine } from '../raster/raster'
import type { ElementSnapshot, ImagePaintSnapshot, ImageSample, PaintSnapshot } from '../snapshot'
import { comparePictures, compareWithAppearance, PICTURE_SHOWN, type PictureChange, type PictureSide } from './compare'
import { applyFilters, lookup, placePoint } from './look'
import { decodeSample, type DecodedSample } from './sample'

type Images = Record<string, ImageSample> | undefined

/** The top visible image fill of a layer, its index among the fills, and its decoded sample (null if the snapshot holds none). */
export function pictureOf(el: ElementSnapshot, images: Images): { paint: ImagePaintSnapshot; index: number; sample: DecodedSample | null } | null {
  for (let i = el.fills.length - 1; i >= 0; i--) {
    const p = el.fills[i]!
    if (p.kind !== 'image' || !(p.opacity > 0)) continue
    const s = p.imageHash !== null ? images?.[p.imageHash] : undefined
    return { paint: p, index: i, sample: s ? decodeSample(s) : null }
  }
  return null
}

export interface PictureOutcome {
  /** The fill colour change, with the picture's pixels seen. */
  color: number
  /** Null when a state has no sample (a baseline from before pictures were read): the old rule. */
  change: PictureChange | null
  replaced: boolean
}

/**
 * The colour change of a layer's fills when a picture is among them in both states: the
 * picture by its pixels (compare.ts), the other paints as before; null when either state
 * has no picture (the paints rule applies).
 */
export function pictureFillChange(a: ElementSnapshot, b: ElementSnapshot, imagesA: Images, imagesB: Images): PictureOutcome | null {
  const pa = pictureOf(a, imagesA)
  const pb = pictureOf(b, imagesB)
  if (!pa || !pb || pa.index !== pb.index || a.fills.length !== b.fills.length) return null
  const replaced = pa.paint.imageHash !== pb.paint.imageHash
  if (!pa.sample || !pb.sample) return { color: paintsChange(a.fills, b.fills), change: null, replaced }
  const others = (fills: readonly PaintSnapshot[]) => fills.filter((_, i) => i !== pa.index)
  const change = comparePictures(side(pa.paint, pa.sample, a), side(pb.paint, pb.sample, b), !replaced)
  const rest = paintsChange(others(a.fills), others(b.fills))
  return { color: Math.max(change.change, rest), change, replaced }
}

function side(paint: ImagePaintSnapshot, sample: DecodedSample, el: ElementSnapshot): PictureSide {
  return { paint, sample, w: el.bounds.w, h: el.bounds.h, flipped: el.flipped === true }
}

function invert(m: Affine): Affine {
  const det = m.a * m.d - m.b * m.c
  return { a: m.d / det, b: -m.b / det, c: -m.c / det, d: m.a / det, e: (m.c * m.f - m.d * m.e) / det, f: (m.b * m.e - m.a * m.f) / det }
}

/** The colour (sRGB 0..1) a painted state shows at raster pixel p: its top element's fills on white (a picture by its sample). */
function colourAt(P: Painted, placed: readonly (Placed | undefined)[], images: Images, p: number, x: number, y: number, out: Float64Array): void {
  out[0] = out[1] = out[2] = 1
  const top = P.raster.top[p]!
  if (top === 0) return
  const pl = placed[P.order[top - 1]!]
  if (!pl) return
  const el = pl.seen.el
  const px = new Float64Array(4)
  for (const paint of el.fills) {
    let r = 0.5
    let g = 0.5
    let b = 0.5
    let a = 0
    if (paint.kind === 'solid') ({ r, g, b, a } = paint.color)
    else if (paint.kind === 'gradient' && paint.stops.length > 0) {
      r = g = b = 0
      for (const s of paint.stops) {
        r += s.color.r / paint.stops.length
        g += s.color.g / paint.stops.length
        b += s.color.b / paint.stops.length
        a += s.color.a / paint.stops.length
      }
    } else if (paint.kind === 'image') {
      a = paint.opacity
      const s = paint.imageHash !== null ? images?.[paint.imageHash] : undefined
      const d = s ? decodeSample(s) : null
      if (d) {
        // The raster pixel in the layer's box, then in its picture.
        const inv = invert(pl.item.transform)
        const u = (inv.a * x + inv.c * y + inv.e) / el.bounds.w
        const v = (inv.b * x + inv.d * y + inv.f) / el.bounds.h
        // A flipped layer's box shows its picture mirrored (ElementSnapshot.flipped).
        if (placePoint(paint, el.bounds.w, el.bounds.h, d.sourceWidth, d.sourceHeight, el.flipped ? 1 - u : u, v, px)) {
          lookup(d, px[0]!, px[1]!, (paint.scaleMode ?? 'FILL') === 'TILE', px)
          applyFilters(paint.filters, px)
          r = px[0]!
          g = px[1]!
          b = px[2]!
          a *= px[3]!
        } else a = 0
      }
    }
    const k = Math.max(0, Math.min(1, a)) * pl.seen.opacity
    out[0] += (r - out[0]!) * k
    out[1] += (g - out[1]!) * k
    out[2] += (b - out[2]!) * k
  }
}


/** An added picture that shows what lay there before no more changed than this is that content rasterized. */
const RASTERIZED = 0.5
/** A deleted AI layer lying at least this much inside such a picture's box went into it. */
const INSIDE = 0.9

export interface Rasterized {
  /** Pair index of the added picture layer. */
  picture: number
  /** Pair indices of the deleted AI layers it replaced. */
  replaced: number[]
  change: PictureChange
}

interface Candidate {
  index: number
  p: Placed
}

/**
 * Rasterize selection: AI layers deleted and a picture of them added where they were. An
 * added layer showing a sampled picture is compared, cell by cell, with the colours the
 * baseline showed under its box; when it mostly shows the same (change below RASTERIZED),
 * it and the deleted layers inside its box are one thing remade, changed by that much.
 */
export function findRasterized(gone: readonly Candidate[], fresh: readonly Candidate[], A: Painted, placedA: readonly (Placed | undefined)[], imagesA: Images, imagesB: Images): Rasterized[] {
  const out: Rasterized[] = []
  if (gone.length === 0) return out
  const { width, height } = A.raster
  for (const f of fresh) {
    const pic = pictureOf(f.p.seen.el, imagesB)
    if (!pic || !pic.sample) continue
    const el = f.p.seen.el
    const m = f.p.item.transform
    const before = (u: number, v: number, out: Float64Array) => {
      const x = m.a * u * el.bounds.w + m.c * v * el.bounds.h + m.e
      const y = m.b * u * el.bounds.w + m.d * v * el.bounds.h + m.f
      const px = Math.floor(x)
      const py = Math.floor(y)
      if (px < 0 || py < 0 || px >= width || py >= height) {
        out[0] = out[1] = out[2] = 1
        return
      }
      colourAt(A, placedA, imagesA, py * width + px, x, y, out)
    }
    // Is it a picture of what lay there? Asked of the picture itself: adjustments made in
    // Figma afterwards are a change of it, not another picture.
    const bare: ImagePaintSnapshot = { ...pic.paint, filters: undefined }
    const likeness = pic.paint.filters ? compareWithAppearance(side(bare, pic.sample, el), before) : null
    const change = compareWithAppearance(side(pic.paint, pic.sample, el), before)
    if (!((likeness ?? change).change < RASTERIZED)) continue
    const box = f.p.box
    const replaced = gone
      .filter((g) => {
        const b = g.p.box
        const area = (b.x1 - b.x0) * (b.y1 - b.y0)
        const ix = Math.max(0, Math.min(b.x1, box.x1) - Math.max(b.x0, box.x0))
        const iy = Math.max(0, Math.min(b.y1, box.y1) - Math.max(b.y0, box.y0))
        return area > 0 && ix * iy >= INSIDE * area
      })
      .map((g) => g.index)
    if (replaced.length > 0) out.push({ picture: f.index, replaced, change })
  }
  return out
}

/** What a capture says about a picture. */
export interface PictureReport {
  /** The layer showing it now (or, removed, before). */
  id: string
  /** The layer shows another image than the AI's (a new image hash). */
  replaced: boolean
  /** Share of the picture's area that changed visibly (cells at or above PICTURE_SHOWN), 0..1; null when the baseline holds no sample of it. */
  changedShare: number | null
  /** Its change, 0..1 (the colour dimension of the layer). */
  change: number
  /** How the AI's picture was found placed in the new one. */
  placement: 'as before' | 'mirrored or turned' | 'cropped, scaled or shifted'
  /** Rasterize selection: a picture of AI layers that were deleted. */
  rasterized?: boolean
}

export function pictureReport(id: string, replaced: boolean, change: PictureChange | null, rasterized = false): PictureReport {
  if (!change) return { id, replaced, changedShare: null, change: 1, placement: 'as before' }
  let shown = 0
  for (const c of change.cells) if (c >= PICTURE_SHOWN) shown++
  const f = change.fit
  const moved = f.sx !== 1 || f.sy !== 1 || f.tx !== 0 || f.ty !== 0
  const placement = f.turn !== 0 ? 'mirrored or turned' : moved ? 'cropped, scaled or shifted' : 'as before'
  const report: PictureReport = { id, replaced, changedShare: change.cells.length > 0 ? shown / change.cells.length : 0, change: change.change, placement }
  if (rasterized) report.rasterized = true
  return report
}

/** For the heat map: per raster pixel of a picture layer, is its cell changed? */
export function changedAt(change: PictureChange, transform: Affine, w: number, h: number): (x: number, y: number) => boolean {
  const inv = invert(transform)
  const { width, height } = change.grid
  return (x, y) => {
    const u = (inv.a * x + inv.c * y + inv.e) / w
    const v = (inv.b * x + inv.d * y + inv.f) / h
    const gx = Math.max(0, Math.min(width - 1, Math.floor(u * width)))
    const gy = Math.max(0, Math.min(height - 1, Math.floor(v * height)))
    return change.cells[gy * width + gx]! >= PICTURE_SHOWN
  }
}
