/**
 * Finds which pack patterns an image most likely copies (docs/enforcement.md).
 *
 * For every tile size in the pack and every candidate scale, the image is
 * resampled so that one period of the repeat would span TILE_SAMPLES² samples.
 * Windows of exactly one period are cut on a half-period grid; each window is
 * correlated circularly with each tile (all shifts at once, via the FFT). A copy
 * cropped at any offset of the repeat is a circular shift of the tile, so at the
 * right scale one window correlates highly whatever the crop. The best
 * correlation over scales, windows and shifts is the pattern's score.
 *
 * Cost is bounded: the image is first shrunk to MATCH_DEFAULTS.maxSide, at most
 * maxWindows² windows are cut per scale, and a window's correlation with a tile is
 * only computed when an upper bound from the two magnitude spectra
 * (Σ|W||T| ≥ every circular correlation) could beat what is already known.
 */
import type { RgbaImage } from './decode-image'
import { fft2, fftPlan, type FftPlan } from './fft'
import { toGrey, type GreyImage } from './grey'
import { MIN_CONTRAST, TILE_SAMPLES, blur121, normalise, prepareReference, type PatternTile, type Reference } from './reference'
import { fitWithin, pyramid, resampleGrey } from './resample'

export type MatchOptions = {
  /** Smallest and largest scale of the copy relative to the pack tile. */
  minScale: number
  maxScale: number
  /** Scales tried per doubling. */
  stepsPerOctave: number
  /** Images are shrunk so that their longer side is at most this many pixels. */
  maxSide: number
  /** Windows per axis per scale, at most. */
  maxWindows: number
  /** Correlations below this are not refined (they cannot be reported as matches). */
  floor: number
}

export const MATCH_DEFAULTS: MatchOptions = {
  minScale: 0.4,
  maxScale: 2.5,
  stepsPerOctave: 8,
  maxSide: 1024,
  maxWindows: 7,
  floor: 0.6,
}

/** A copy is reported when its distance (1 − correlation) is at most this. */
export const DEFAULT_THRESHOLD = 0.25

export type PatternScore = {
  patternId: string
  name: string
  /** Best circular correlation, −1..1 (1: the same picture). */
  correlation: number
  /** 1 − correlation: 0 for an exact copy. */
  distance: number
  /** Scale of the copy relative to the pack tile. */
  scale: number
  /** Where the best-matching period was found, in image pixels. */
  region: { x: number; y: number; width: number; height: number }
}

export type Matcher = {
  references: readonly Reference[]
  /** One score per reference, best first. */
  scoreImage(image: RgbaImage): PatternScore[]
}

export type PreparedMatcher = { ok: true; matcher: Matcher; skipped: { patternId: string; error: string }[] }

export function createMatcher(patterns: readonly PatternTile[], options: Partial<MatchOptions> = {}): PreparedMatcher {
  const opts = { ...MATCH_DEFAULTS, ...options }
  const plan = fftPlan(TILE_SAMPLES)
  const references: Reference[] = []
  const skipped: { patternId: string; error: string }[] = []
  for (const pattern of patterns) {
    const prepared = prepareReference(pattern, plan)
    if (prepared.ok) references.push(prepared.reference)
    else skipped.push({ patternId: pattern.patternId, error: prepared.error })
  }
  return {
    ok: true,
    skipped,
    matcher: { references, scoreImage: (image) => scoreGrey(toGrey(image), references, plan, opts) },
  }
}

function groupByTileSize(references: readonly Reference[]): Reference[][] {
  const groups = new Map<string, Reference[]>()
  for (const ref of references) {
    const key = `${ref.tileWidth}x${ref.tileHeight}`
    const group = groups.get(key)
    if (group) group.push(ref)
    else groups.set(key, [ref])
  }
  return [...groups.values()]
}

function windowStarts(size: number, n: number, maxWindows: number): number[] {
  const span = size - n
  if (span <= 0) return [0]
  const count = Math.min(maxWindows, Math.ceil(span / (n / 2)) + 1)
  const starts: number[] = []
  for (let i = 0; i < count; i++) starts.push(Math.round((span * i) / (count - 1)))
  return [...new Set(starts)]
}

type Window = {
  re: Float32Array
  im: Float32Array
  scale: number
  region: PatternScore['region']
}

function addWindow(windows: Window[], magnitudes: Float32Array[], re: Float32Array, im: Float32Array, meta: Omit<Window, 're' | 'im'>): void {
  const magnitude = new Float32Array(re.length)
  for (let k = 0; k < re.length; k++) magnitude[k] = Math.sqrt(re[k]! * re[k]! + im[k]! * im[k]!)
  windows.push({ re, im, ...meta })
  magnitudes.push(magnitude)
}

/**
 * Z = FFT(a + i·b) of two real blocks → FFT(a) and FFT(b), using the symmetry of
 * real signals: FFT(a)[k] = (Z[k] + conj Z[−k]) / 2, FFT(b)[k] = (Z[k] − conj Z[−k]) / 2i.
 */
function splitPair(
  n: number,
  zRe: Float64Array,
  zIm: Float64Array,
  windows: Window[],
  magnitudes: Float32Array[],
  first: Omit<Window, 're' | 'im'>,
  second: Omit<Window, 're' | 'im'>,
): void {
  const nn = n * n
  const aRe = new Float32Array(nn)
  const aIm = new Float32Array(nn)
  const bRe = new Float32Array(nn)
  const bIm = new Float32Array(nn)
  for (let v = 0; v < n; v++) {
    for (let u = 0; u < n; u++) {
      const k = v * n + u
      const m = ((n - v) % n) * n + ((n - u) % n)
      aRe[k] = (zRe[k]! + zRe[m]!) / 2
      aIm[k] = (zIm[k]! - zIm[m]!) / 2
      bRe[k] = (zIm[k]! + zIm[m]!) / 2
      bIm[k] = (zRe[m]! - zRe[k]!) / 2
    }
  }
  addWindow(windows, magnitudes, aRe, aIm, { scale: first.scale, region: first.region })
  addWindow(windows, magnitudes, bRe, bIm, { scale: second.scale, region: second.region })
}

/**
 * Best-first search: every window's spectrum is computed once; for each tile the
 * windows are visited in order of their upper bound, and the visit stops when no
 * remaining bound can beat the best correlation found (or the floor). The result
 * is the same as trying every window, at a fraction of the inverse transforms.
 */
export function scoreGrey(input: GreyImage, references: readonly Reference[], plan: FftPlan, opts: MatchOptions): PatternScore[] {
  const n = plan.n
  const nn = n * n
  const { image, factor } = fitWithin(input, opts.maxSide)
  const levels = pyramid(image, n)
  const results: PatternScore[] = []
  const wRe = new Float64Array(nn)
  const wIm = new Float64Array(nn)
  const cRe = new Float64Array(nn)
  const cIm = new Float64Array(nn)
  // The grid is anchored at 1× so that an unscaled copy is tried at exactly its size.
  const firstStep = Math.ceil(Math.log2(opts.minScale) * opts.stepsPerOctave - 1e-9)
  const lastStep = Math.floor(Math.log2(opts.maxScale) * opts.stepsPerOctave + 1e-9)

  for (const group of groupByTileSize(references)) {
    const { tileWidth, tileHeight } = group[0]!
    const windows: Window[] = []
    const magnitudes: Float32Array[] = []
    let pending: { block: Float64Array; scale: number; region: PatternScore['region'] } | null = null
    for (let step = firstStep; step <= lastStep; step++) {
      const scale = 2 ** (step / opts.stepsPerOctave)
      const periodX = scale * tileWidth * factor // one period, in pixels of the shrunk image
      const periodY = scale * tileHeight * factor
      if (periodX > image.width || periodY > image.height) continue
      const fx = n / periodX
      const fy = n / periodY
      const rw = Math.floor(image.width * fx)
      const rh = Math.floor(image.height * fy)
      if (rw < n || rh < n) continue
      // Shrink from the smallest pyramid level that is still at least as fine as the target.
      const level = Math.min(levels.length - 1, Math.max(0, Math.floor(Math.log2(1 / Math.max(fx, fy)))))
      const resampled = resampleGrey(levels[level]!, fx * 2 ** level, fy * 2 ** level, rw, rh)
      blur121(resampled.data, rw, rh, false)
      const r = resampled.data
      for (const y0 of windowStarts(rh, n, opts.maxWindows)) {
        for (const x0 of windowStarts(rw, n, opts.maxWindows)) {
          for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) wRe[y * n + x] = r[(y0 + y) * rw + x0 + x]!
          if (normalise(wRe) < MIN_CONTRAST) continue
          const region = {
            x: Math.round(x0 / fx / factor),
            y: Math.round(y0 / fy / factor),
            width: Math.round(periodX / factor),
            height: Math.round(periodY / factor),
          }
          if (pending === null) {
            pending = { block: Float64Array.from(wRe), scale, region }
            continue
          }
          // Two real windows in one complex transform: the first as the real part, this one as the imaginary.
          wIm.set(wRe)
          wRe.set(pending.block)
          fft2(plan, wRe, wIm)
          splitPair(n, wRe, wIm, windows, magnitudes, pending, { scale, region })
          pending = null
        }
      }
    }
    if (pending !== null) {
      wRe.set(pending.block)
      wIm.fill(0)
      fft2(plan, wRe, wIm)
      addWindow(windows, magnitudes, Float32Array.from(wRe), Float32Array.from(wIm), pending)
    }

    for (const ref of group) {
      const best: PatternScore = {
        patternId: ref.patternId,
        name: ref.name,
        correlation: -1,
        distance: 2,
        scale: 0,
        region: { x: 0, y: 0, width: 0, height: 0 },
      }
      // Upper bound of every circular correlation of a window with this tile (Σ|W||T| / n²).
      const bounds = magnitudes.map((magnitude, i) => {
        let bound = 0
        for (let k = 0; k < nn; k++) bound += magnitude[k]! * ref.magnitude[k]!
        return { bound: bound / nn, i }
      })
      bounds.sort((a, b) => b.bound - a.bound || a.i - b.i)
      for (const { bound, i } of bounds) {
        // Always measure the most promising window, so every score is a real correlation.
        if (best.correlation > -1 && bound <= Math.max(best.correlation, opts.floor)) break
        const w = windows[i]!
        for (let k = 0; k < nn; k++) {
          // W · conj(T)
          cRe[k] = w.re[k]! * ref.re[k]! + w.im[k]! * ref.im[k]!
          cIm[k] = w.im[k]! * ref.re[k]! - w.re[k]! * ref.im[k]!
        }
        fft2(plan, cRe, cIm, true)
        let peak = -Infinity
        for (let k = 0; k < nn; k++) if (cRe[k]! > peak) peak = cRe[k]!
        const correlation = peak / nn
        if (correlation > best.correlation) {
          best.correlation = correlation
          best.distance = 1 - correlation
          best.scale = w.scale
          best.region = w.region
        }
      }
      results.push(best)
    }
  }
  return results.sort((a, b) => b.correlation - a.correlation || (a.patternId < b.patternId ? -1 : 1))
}

/**
 * Distances at which, on the generated corpus (bench/match.bench.ts), unrelated
 * pictures stop (none came closer than 0.29) and copies start (none were farther
 * than 0.19); confidence runs linearly from 0.4 to 0.1: a reading aid for people, not
 * a probability.
 */
export const CONFIDENCE_RANGE = { certain: 0.1, none: 0.4 } as const

export function confidenceOf(distance: number): number {
  const { certain, none } = CONFIDENCE_RANGE
  return Math.min(1, Math.max(0, (none - distance) / (none - certain)))
}
