/**
 * Image fills in the fake's PNG export (raster.ts): a layer's `ImagePaint` painted the way
 * Figma places it (plugin-api.d.ts:4807-4839):
 *
 * - `scaleMode` "How the image is positioned and scaled within the layer. Same as in the
 *   properties panel": FILL scales the picture to cover the layer, centred, the overflow
 *   cut; FIT scales it to lie wholly inside, centred, the margins empty; TILE repeats it
 *   from the layer's top-left corner; CROP places it by `imageTransform`.
 * - `imageTransform` "Applicable only for scaleMode == "CROP". Determines how the image is
 *   positioned (thus, cropped) within the layer." The typings do not say which way it maps;
 *   read here (as in src/coefficient/picture/look.ts) as the map from the layer's
 *   normalized box (0..1) to the picture's normalized space: [[0.5, 0, 0], [0, 0.5, 0]]
 *   shows the picture's top-left quarter over the whole layer.
 * - `scalingFactor` "Applicable only for scaleMode == "TILE" … Determines the scaling (thus,
 *   repetition) of the image": one picture pixel spans scalingFactor layer units.
 * - `rotation` "Applicable only for scaleMode == "TILE" | "FILL" | "FIT" … Must be in
 *   increments of +90": the picture turned clockwise before it is placed.
 * - `filters` "The values for the image filter slides … default to 0.0": Figma does not
 *   publish its formulas, so an export of a visible image paint with any non-zero filter
 *   is refused as not modelled rather than guessed.
 * - `opacity`, `visible` as for any paint; the picture's own alpha multiplies.
 *
 * Pixels are decoded from the image's real bytes (image-decode.ts, once per image) and
 * sampled with bilinear filtering on a box-filtered mip level matching how many picture
 * pixels fall in one exported pixel, so a 4096 px picture exported at 400 px averages
 * rather than aliases (Figma draws pictures smoothly; its exact filter is not documented).
 */
import { decodeFakeImage } from './image-decode'
import { imageBytes } from './images'

/** One level of a picture's pyramid: premultiplied RGBA, 0..1. */
interface Level {
  w: number
  h: number
  px: Float32Array
}

const pyramids = new WeakMap<Uint8Array, Level[]>()

function pyramidOf(bytes: Uint8Array): Level[] {
  const known = pyramids.get(bytes)
  if (known) return known
  const { width, height, data } = decodeFakeImage(bytes)
  const base = new Float32Array(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    const a = data[i * 4 + 3]! / 255
    base[i * 4] = (data[i * 4]! / 255) * a
    base[i * 4 + 1] = (data[i * 4 + 1]! / 255) * a
    base[i * 4 + 2] = (data[i * 4 + 2]! / 255) * a
    base[i * 4 + 3] = a
  }
  const levels: Level[] = [{ w: width, h: height, px: base }]
  for (;;) {
    const prev = levels[levels.length - 1]!
    if (prev.w === 1 && prev.h === 1) break
    const w = Math.max(1, prev.w >> 1)
    const h = Math.max(1, prev.h >> 1)
    const px = new Float32Array(w * h * 4)
    // Each pixel the mean of the 2 × 2 (or 1 × 2, 2 × 1 at an odd edge) block above it.
    for (let y = 0; y < h; y++) {
      const y0 = Math.min(prev.h - 1, y * 2)
      const y1 = Math.min(prev.h - 1, y * 2 + 1)
      for (let x = 0; x < w; x++) {
        const x0 = Math.min(prev.w - 1, x * 2)
        const x1 = Math.min(prev.w - 1, x * 2 + 1)
        for (let c = 0; c < 4; c++) {
          px[(y * w + x) * 4 + c] =
            (prev.px[(y0 * prev.w + x0) * 4 + c]! + prev.px[(y0 * prev.w + x1) * 4 + c]! + prev.px[(y1 * prev.w + x0) * 4 + c]! + prev.px[(y1 * prev.w + x1) * 4 + c]!) / 4
        }
      }
    }
    levels.push({ w, h, px })
  }
  pyramids.set(bytes, levels)
  return levels
}

/** A visible image paint ready to paint: `colourAt` writes straight RGBA (0..1) for a layer-local point. */
export interface ImageLayer {
  /** Paint opacity × the layer's. */
  opacity: number
  /** Writes straight (not premultiplied) RGBA at layer point (lx, ly) into out; false where the picture does not reach. */
  colourAt(lx: number, ly: number, out: Float32Array): boolean
}

const frac = (v: number): number => v - Math.floor(v)

function hasFilters(f: ImageFilters | undefined): boolean {
  return !!f && Object.values(f).some((v) => typeof v === 'number' && v !== 0)
}

/**
 * The image layer for `paint` on a layer of w × h units; `unitsPerPixel`: layer units one
 * exported pixel spans (for the mip level). Null for a paint that shows nothing.
 */
export function imageLayer(host: object, paint: ImagePaint, w: number, h: number, opacity: number, unitsPerPixel: number): ImageLayer | null {
  if (paint.visible === false || paint.imageHash === null) return null
  const op = (paint.opacity === undefined ? 1 : paint.opacity) * opacity
  if (!(op > 0)) return null
  if (hasFilters(paint.filters)) throw new Error('in exportAsync: image filters (exposure, contrast, …) are not modelled by the fake')
  const bytes = imageBytes(host, paint.imageHash)
  if (!bytes) throw new Error(`in exportAsync: the image ${paint.imageHash} of an image fill is not in the file`)
  const levels = pyramidOf(bytes)
  const iw = levels[0]!.w
  const ih = levels[0]!.h
  const mode = paint.scaleMode
  const turns = mode === 'CROP' ? 0 : (((Math.round((paint.rotation ?? 0) / 90) % 4) + 4) % 4)
  // The picture as placed (turned): its size in picture pixels.
  const rw = turns % 2 ? ih : iw
  const rh = turns % 2 ? iw : ih
  const bw = w > 0 ? w : 1
  const bh = h > 0 ? h : 1
  // Placement: layer point → turned picture's normalized point (tx, ty), plus picture pixels per layer unit.
  let toPicture: (lx: number, ly: number, out: Float64Array) => void
  let pixelsPerUnit: number
  const wrap = mode === 'TILE'
  if (mode === 'CROP') {
    const m = paint.imageTransform ?? [[1, 0, 0], [0, 1, 0]]
    toPicture = (lx, ly, out) => {
      const u = lx / bw
      const v = ly / bh
      out[0] = m[0][0] * u + m[0][1] * v + m[0][2]
      out[1] = m[1][0] * u + m[1][1] * v + m[1][2]
    }
    pixelsPerUnit = Math.max((Math.hypot(m[0][0], m[1][0]) * iw) / bw, (Math.hypot(m[0][1], m[1][1]) * ih) / bh)
  } else if (mode === 'TILE') {
    const sf = paint.scalingFactor && paint.scalingFactor > 0 ? paint.scalingFactor : 1
    toPicture = (lx, ly, out) => {
      out[0] = lx / (rw * sf)
      out[1] = ly / (rh * sf)
    }
    pixelsPerUnit = 1 / sf
  } else {
    const s = mode === 'FIT' ? Math.min(bw / rw, bh / rh) : Math.max(bw / rw, bh / rh)
    const dw = rw * s
    const dh = rh * s
    toPicture = (lx, ly, out) => {
      out[0] = (lx - (bw - dw) / 2) / dw
      out[1] = (ly - (bh - dh) / 2) / dh
    }
    pixelsPerUnit = 1 / s
  }
  const footprint = pixelsPerUnit * unitsPerPixel
  const level = levels[Math.max(0, Math.min(levels.length - 1, Math.floor(Math.log2(Math.max(1, footprint)))))]!
  const p = new Float64Array(2)
  return {
    opacity: op,
    colourAt(lx, ly, out) {
      toPicture(lx, ly, p)
      let x = p[0]!
      let y = p[1]!
      if (wrap) {
        x = frac(x)
        y = frac(y)
      } else if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) return false
      // Undo the clockwise quarter turns: the stored picture's normalized point.
      if (turns === 1) [x, y] = [y, 1 - x]
      else if (turns === 2) [x, y] = [1 - x, 1 - y]
      else if (turns === 3) [x, y] = [1 - y, x]
      bilinear(level, x, y, wrap, out)
      return true
    },
  }
}

/** Bilinear lookup at normalized (x, y) in a level (premultiplied), written out straight. */
function bilinear(l: Level, x: number, y: number, wrap: boolean, out: Float32Array): void {
  const fx = x * l.w - 0.5
  const fy = y * l.h - 0.5
  const x0f = Math.floor(fx)
  const y0f = Math.floor(fy)
  const tx = fx - x0f
  const ty = fy - y0f
  const ix = (i: number): number => (wrap ? ((i % l.w) + l.w) % l.w : i < 0 ? 0 : i >= l.w ? l.w - 1 : i)
  const iy = (i: number): number => (wrap ? ((i % l.h) + l.h) % l.h : i < 0 ? 0 : i >= l.h ? l.h - 1 : i)
  const a = (iy(y0f) * l.w + ix(x0f)) * 4
  const b = (iy(y0f) * l.w + ix(x0f + 1)) * 4
  const c = (iy(y0f + 1) * l.w + ix(x0f)) * 4
  const d = (iy(y0f + 1) * l.w + ix(x0f + 1)) * 4
  const wa = (1 - tx) * (1 - ty)
  const wb = tx * (1 - ty)
  const wc = (1 - tx) * ty
  const wd = tx * ty
  const px = l.px
  const alpha = px[a + 3]! * wa + px[b + 3]! * wb + px[c + 3]! * wc + px[d + 3]! * wd
  for (let k = 0; k < 3; k++) {
    const v = px[a + k]! * wa + px[b + k]! * wb + px[c + k]! * wc + px[d + k]! * wd
    out[k] = alpha > 0 ? v / alpha : 0
  }
  out[3] = alpha
}
