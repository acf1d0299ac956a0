/**
 * A pack pattern as the matcher holds it: its tile (one period of the repeat) in
 * grey, resampled to TILE_SAMPLES × TILE_SAMPLES, lightly blurred, zero-mean and
 * of unit norm, with its 2-D spectrum. Because the tile is one period, every
 * circular shift of it is another valid crop of the repeat; correlating in the
 * frequency domain tries all of them at once.
 */
import type { RgbaImage } from './decode-image'
import { fft2, type FftPlan } from './fft'
import { toGrey } from './grey'
import { resampleGrey } from './resample'

/** Samples per tile side. 32 keeps motifs and 2-px lines of a 128–1024 px tile. */
export const TILE_SAMPLES = 32

/** A tile whose grey values vary less than this (std, 0..1) has nothing to match on. */
export const MIN_CONTRAST = 0.02

export type PatternTile = {
  patternId: string
  name: string
  /** One period of the repeat, RGBA. */
  tile: RgbaImage
}

export type Reference = {
  patternId: string
  name: string
  tileWidth: number
  tileHeight: number
  /** Spectrum of the normalised tile (TILE_SAMPLES² complex values). */
  re: Float64Array
  im: Float64Array
  magnitude: Float64Array
}

/** A 2-D spectrum, row-major; windows compared with it need `minContrast` (default MIN_CONTRAST). */
export type Spectrum = { re: Float64Array; im: Float64Array; minContrast?: number }

/**
 * The reference at plan.n² samples (fewer than TILE_SAMPLES): its spectrum's lowest
 * frequencies (those below the new Nyquist), blurred as a window of that size is,
 * normalised again. The exact check's first pass over poses and scales uses it: a
 * quarter of the samples, the same ranking (catalogue-matcher.ts). Fewer samples
 * average more of a faint repeat away (geopattern's translucent shapes fall under
 * MIN_CONTRAST at 16² where they pass at 32²), so its windows need a quarter of it.
 */
export function coarseReference(reference: Spectrum, plan: FftPlan): Spectrum {
  const n = plan.n
  const big = Math.sqrt(reference.re.length)
  const re = new Float64Array(n * n)
  const im = new Float64Array(n * n)
  const h = n / 2
  for (let fy = -h + 1; fy < h; fy++) {
    for (let fx = -h + 1; fx < h; fx++) {
      const from = ((fy + big) % big) * big + ((fx + big) % big)
      const to = ((fy + n) % n) * n + ((fx + n) % n)
      re[to] = reference.re[from]!
      im[to] = reference.im[from]!
    }
  }
  fft2(plan, re, im, true)
  blur121(re, n, n, true)
  normalise(re)
  im.fill(0)
  fft2(plan, re, im)
  return { re, im, minContrast: MIN_CONTRAST / 4 }
}

export type PreparedReference = { ok: true; reference: Reference } | { ok: false; error: string }

/** [1 2 1] / 4 along both axes; circular for tiles, clamped for photos. */
export function blur121(data: Float32Array | Float64Array, width: number, height: number, wrap: boolean): void {
  // The exact check blurs every window it samples (thousands per image): in place, each
  // pass carrying the previous original value along (no scratch rows, no allocation).
  for (let y = 0; y < height; y++) {
    const o = y * width
    const first = data[o]!
    let before = wrap ? data[o + width - 1]! : first
    for (let x = 0; x < width; x++) {
      const here = data[o + x]!
      const after = x < width - 1 ? data[o + x + 1]! : wrap ? first : here
      data[o + x] = (before + 2 * here + after) / 4
      before = here
    }
  }
  for (let x = 0; x < width; x++) {
    const first = data[x]!
    let before = wrap ? data[(height - 1) * width + x]! : first
    for (let y = 0; y < height; y++) {
      const i = y * width + x
      const here = data[i]!
      const after = y < height - 1 ? data[i + width]! : wrap ? first : here
      data[i] = (before + 2 * here + after) / 4
      before = here
    }
  }
}

/**
 * Makes `block` zero-mean with unit L2 norm in place. Returns its standard
 * deviation before normalising (0 for a flat block, which is left as zeros).
 */
export function normalise(block: Float64Array): number {
  const n = block.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += block[i]!
  const mean = sum / n
  let energy = 0
  for (let i = 0; i < n; i++) {
    const v = block[i]! - mean
    block[i] = v
    energy += v * v
  }
  const std = Math.sqrt(energy / n)
  if (std < 1e-9) {
    block.fill(0)
    return 0
  }
  const scale = 1 / Math.sqrt(energy)
  for (let i = 0; i < n; i++) block[i]! *= scale
  return std
}

export function prepareReference(pattern: PatternTile, plan: FftPlan): PreparedReference {
  const n = plan.n
  const { width, height } = pattern.tile
  if (width < 4 || height < 4) return { ok: false, error: `Tile of ${pattern.name} is only ${width} × ${height} pixels.` }
  const grey = toGrey(pattern.tile)
  const small = resampleGrey(grey, n / width, n / height, n, n, true)
  blur121(small.data, n, n, true)
  const re = Float64Array.from(small.data)
  const std = normalise(re)
  if (std < MIN_CONTRAST) return { ok: false, error: `Tile of ${pattern.name} is nearly flat; there is nothing to match on.` }
  const im = new Float64Array(n * n)
  fft2(plan, re, im)
  const magnitude = new Float64Array(n * n)
  for (let i = 0; i < n * n; i++) magnitude[i] = Math.hypot(re[i]!, im[i]!)
  return {
    ok: true,
    reference: { patternId: pattern.patternId, name: pattern.name, tileWidth: width, tileHeight: height, re, im, magnitude },
  }
}
