/**
 * What a picture looks like inside its layer's box: the sample placed by the paint's
 * scale mode, crop, tiling and quarter turns (Figma's `ImagePaint`, plugin-api.d.ts:
 * 4807-4839), with the image adjustments applied, composited on white, in CIELAB, on a
 * grid over the box. Both states of a picture are compared on such grids (compare.ts).
 */
import type { ImageFilterSnapshot, ImagePaintSnapshot } from '../snapshot'
import type { DecodedSample } from './sample'

/** The long side of the grid a picture is compared on, in cells. */
export const LOOK_LONG_SIDE = 128

export interface Grid {
  width: number
  height: number
}

export function gridFor(boxW: number, boxH: number, long: number = LOOK_LONG_SIDE): Grid {
  const w = boxW > 0 ? boxW : 1
  const h = boxH > 0 ? boxH : 1
  const m = Math.max(w, h)
  return { width: Math.max(1, Math.round((w / m) * long)), height: Math.max(1, Math.round((h / m) * long)) }
}

const frac = (v: number) => v - Math.floor(v)

/**
 * Where the box's normalized point (u, v) falls in the picture (normalized 0..1, the
 * picture as stored, before its quarter turns), written to out[0], out[1]; false where
 * the picture does not reach (FIT's margins, a crop beyond the picture). TILE repeats.
 */
export function placePoint(paint: ImagePaintSnapshot, boxW: number, boxH: number, srcW: number, srcH: number, u: number, v: number, out: Float64Array): boolean {
  const mode = paint.scaleMode ?? 'FILL'
  // Quarter turns (FILL, FIT, TILE; "must be in increments of +90", d.ts:4829).
  const k = mode === 'CROP' ? 0 : ((Math.round((paint.rotation ?? 0) / 90) % 4) + 4) % 4
  const rw = k % 2 ? srcH : srcW
  const rh = k % 2 ? srcW : srcH
  const bw = boxW > 0 ? boxW : 1
  const bh = boxH > 0 ? boxH : 1
  let x: number
  let y: number
  if (mode === 'CROP') {
    // Assumed: the box's normalized space → the picture's (Figma does not document the
    // direction; a crop showing the top-left half is [[0.5, 0, 0], [0, 0.5, 0]]).
    const m = paint.imageTransform ?? [[1, 0, 0], [0, 1, 0]]
    x = m[0][0] * u + m[0][1] * v + m[0][2]
    y = m[1][0] * u + m[1][1] * v + m[1][2]
  } else if (mode === 'TILE') {
    const sf = paint.scalingFactor && paint.scalingFactor > 0 ? paint.scalingFactor : 1
    x = frac((u * bw) / (rw * sf))
    y = frac((v * bh) / (rh * sf))
  } else {
    const s = mode === 'FIT' ? Math.min(bw / rw, bh / rh) : Math.max(bw / rw, bh / rh)
    const dw = rw * s
    const dh = rh * s
    x = (u * bw - (bw - dw) / 2) / dw
    y = (v * bh - (bh - dh) / 2) / dh
  }
  if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) return false
  // Undo the quarter turns (clockwise on screen): the stored picture's coordinates.
  if (k === 1) [x, y] = [y, 1 - x]
  else if (k === 2) [x, y] = [1 - x, 1 - y]
  else if (k === 3) [x, y] = [1 - y, x]
  out[0] = x
  out[1] = y
  return true
}

/**
 * `placePoint` at every grid cell's centre: xs, ys per cell, NaN where the picture does not
 * reach. `flipped`: the layer is mirrored (ElementSnapshot.flipped), so its box shows the
 * picture mirrored left to right: the cell at u shows what the unmirrored box shows at 1 − u.
 */
export function placeOnGrid(paint: ImagePaintSnapshot, boxW: number, boxH: number, srcW: number, srcH: number, grid: Grid, flipped = false): { xs: Float64Array; ys: Float64Array; wrap: boolean } {
  const n = grid.width * grid.height
  const xs = new Float64Array(n)
  const ys = new Float64Array(n)
  const pt = new Float64Array(2)
  let i = 0
  for (let gy = 0; gy < grid.height; gy++) {
    for (let gx = 0; gx < grid.width; gx++, i++) {
      const u = (gx + 0.5) / grid.width
      if (placePoint(paint, boxW, boxH, srcW, srcH, flipped ? 1 - u : u, (gy + 0.5) / grid.height, pt)) {
        xs[i] = pt[0]!
        ys[i] = pt[1]!
      } else {
        xs[i] = NaN
        ys[i] = NaN
      }
    }
  }
  return { xs, ys, wrap: (paint.scaleMode ?? 'FILL') === 'TILE' }
}

/** Bilinear lookup at normalized (x, y); `wrap` repeats the picture, else edges extend. Writes r, g, b, a into `out`. */
export function lookup(s: DecodedSample, x: number, y: number, wrap: boolean, out: Float64Array): void {
  const w = s.width
  const h = s.height
  let fx = x * w - 0.5
  let fy = y * h - 0.5
  if (wrap) {
    // Floor-based, not %: a float % is a slow library call, and this runs per lookup.
    fx -= Math.floor(fx / w) * w
    fy -= Math.floor(fy / h) * h
    if (fx >= w) fx -= w
    if (fy >= h) fy -= h
  }
  let x0 = Math.floor(fx)
  let y0 = Math.floor(fy)
  const tx = fx - x0
  const ty = fy - y0
  let x1 = x0 + 1
  let y1 = y0 + 1
  if (wrap) {
    if (x1 >= w) x1 -= w
    if (y1 >= h) y1 -= h
  } else {
    x0 = x0 < 0 ? 0 : x0 >= w ? w - 1 : x0
    y0 = y0 < 0 ? 0 : y0 >= h ? h - 1 : y0
    x1 = x1 < 0 ? 0 : x1 >= w ? w - 1 : x1
    y1 = y1 < 0 ? 0 : y1 >= h ? h - 1 : y1
  }
  const i00 = y0 * w + x0
  const i10 = y0 * w + x1
  const i01 = y1 * w + x0
  const i11 = y1 * w + x1
  const w00 = (1 - tx) * (1 - ty)
  const w10 = tx * (1 - ty)
  const w01 = (1 - tx) * ty
  const w11 = tx * ty
  out[0] = s.r[i00]! * w00 + s.r[i10]! * w10 + s.r[i01]! * w01 + s.r[i11]! * w11
  out[1] = s.g[i00]! * w00 + s.g[i10]! * w10 + s.g[i01]! * w01 + s.g[i11]! * w11
  out[2] = s.b[i00]! * w00 + s.b[i10]! * w10 + s.b[i01]! * w01 + s.b[i11]! * w11
  out[3] = s.a[i00]! * w00 + s.a[i10]! * w10 + s.a[i01]! * w01 + s.a[i11]! * w11
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v)
const smooth = (e0: number, e1: number, v: number) => {
  const t = clamp01((v - e0) / (e1 - e0))
  return t * t * (3 - 2 * t)
}

/**
 * Figma's image adjustments, approximated (Figma does not publish its formulas; the same
 * approximation paints both states, so an untouched adjustment changes nothing):
 * exposure ±1 stop, contrast about mid grey, saturation about the luma, temperature and
 * tint as channel gains, highlights and shadows as lifts of the bright and dark tones.
 * `rgb` in 0..1, changed in place.
 */
export function applyFilters(f: ImageFilterSnapshot | undefined, rgb: Float64Array): void {
  if (!f) return
  let r = rgb[0]!
  let g = rgb[1]!
  let b = rgb[2]!
  const e = f.exposure ?? 0
  if (e !== 0) {
    const k = Math.pow(2, e)
    r *= k
    g *= k
    b *= k
  }
  const c = f.contrast ?? 0
  if (c !== 0) {
    const k = 1 + c
    r = (r - 0.5) * k + 0.5
    g = (g - 0.5) * k + 0.5
    b = (b - 0.5) * k + 0.5
  }
  const t = f.temperature ?? 0
  if (t !== 0) {
    r *= 1 + 0.2 * t
    b *= 1 - 0.2 * t
  }
  const ti = f.tint ?? 0
  if (ti !== 0) g *= 1 - 0.2 * ti
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b
  const hi = f.highlights ?? 0
  const sh = f.shadows ?? 0
  if (hi !== 0 || sh !== 0) {
    const lift = 0.25 * (hi * smooth(0.5, 1, y) + sh * (1 - smooth(0, 0.5, y)))
    r += lift
    g += lift
    b += lift
  }
  const s = f.saturation ?? 0
  if (s !== 0) {
    const k = 1 + s
    r = y + (r - y) * k
    g = y + (g - y) * k
    b = y + (b - y) * k
  }
  rgb[0] = clamp01(r)
  rgb[1] = clamp01(g)
  rgb[2] = clamp01(b)
}

const linExact = (v: number) => (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
/** sRGB → linear on 0..1 from a table, linearly interpolated (error below 1e-7: a Math.pow per channel per cell was most of a grid's cost). */
const LIN_STEPS = 4096
const LIN = new Float64Array(LIN_STEPS + 2)
for (let i = 0; i <= LIN_STEPS + 1; i++) LIN[i] = linExact(Math.min(1, i / LIN_STEPS))
const lin = (v: number) => {
  if (!(v >= 0 && v < 1)) return linExact(v)
  const f = v * LIN_STEPS
  const i = Math.floor(f)
  return LIN[i]! + (LIN[i + 1]! - LIN[i]!) * (f - i)
}
const labF = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116)

/** sRGB (0..1) → CIELAB (D65), written to out[k..k+2]. */
export function toLab(r: number, g: number, b: number, out: Float32Array, k: number): void {
  const R = lin(r)
  const G = lin(g)
  const B = lin(b)
  const fx = labF((0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047)
  const fy = labF(0.2126729 * R + 0.7151522 * G + 0.072175 * B)
  const fz = labF((0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883)
  out[k] = 116 * fy - 16
  out[k + 1] = 500 * (fx - fy)
  out[k + 2] = 200 * (fy - fz)
}

/**
 * The grid's colours (Lab, 3 per cell): each cell's picture point `at(i)` (normalized,
 * NaN = none) looked up in `s`, adjusted by `filters`, at `opacity`, on white.
 */
export function lookGrid(s: DecodedSample, xs: Float64Array, ys: Float64Array, wrap: boolean, filters: ImageFilterSnapshot | undefined, opacity: number): Float32Array {
  const n = xs.length
  const lab = new Float32Array(n * 3)
  const px = new Float64Array(4)
  for (let i = 0; i < n; i++) {
    const x = xs[i]!
    if (x !== x) {
      lab[i * 3] = 100
      continue
    }
    lookup(s, x, ys[i]!, wrap, px)
    applyFilters(filters, px)
    const a = clamp01(px[3]! * opacity)
    toLab(px[0]! * a + 1 - a, px[1]! * a + 1 - a, px[2]! * a + 1 - a, lab, i * 3)
  }
  return lab
}
