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

export type PreparedReference = { ok: true; reference: Reference } | { ok: false; error: string }

/** [1 2 1] / 4 along both axes; circular for tiles, clamped for photos. */
export function blur121(data: Float32Array | Float64Array, width: number, height: number, wrap: boolean): void {
  const tmp = new Float64Array(width * height)
  const at = (i: number, n: number): number => (wrap ? (i + n) % n : Math.min(n - 1, Math.max(0, i)))
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      tmp[y * width + x] =
        (data[y * width + at(x - 1, width)]! + 2 * data[y * width + x]! + data[y * width + at(x + 1, width)]!) / 4
    }
  }
  for (let y = 0; y < height; y++) {
    const up = at(y - 1, height) * width
    const down = at(y + 1, height) * width
    for (let x = 0; x < width; x++) data[y * width + x] = (tmp[up + x]! + 2 * tmp[y * width + x]! + tmp[down + x]!) / 4
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
