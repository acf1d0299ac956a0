/**
 * The magnitude spectrum of a square window on log-polar axes: the descriptor
 * behind the catalogue's short list (docs/enforcement.md, "Catalogue scale").
 *
 * Why it works: the magnitude of a window's spectrum does not change when the
 * repeat under it is shifted (any crop offset). Turning the copy turns the
 * spectrum, scaling it scales the spectrum the other way, mirroring mirrors it,
 * and swapping light and dark only flips the sign of the signal, which the
 * magnitude ignores. On log-polar axes (ρ = log radius, φ = angle) a turn is a
 * circular shift along φ, a scale a shift along ρ, a mirror φ → −φ. The angular
 * harmonics of each ring, |FFT_φ|, drop the turn and the mirror; what is left of
 * the scale is a shift along the rings, which the short list searches.
 */
import { fft2, fftPlan, type FftPlan } from './fft'
import type { GreyImage } from './grey'
import { resampleGrey } from './resample'

/** Samples per window side for the spectrum. */
export const WINDOW_SAMPLES = 64
/** Rings per doubling of the frequency, and the radius (cycles per window) of the first one. */
export const RINGS_PER_OCTAVE = 4
export const FIRST_RADIUS = 1.5
export const RINGS = 18
/** Angle bins over half a turn (the spectrum of a real picture is point-symmetric). */
export const ANGLES = 64
/** Angular harmonics kept per ring. */
export const HARMONICS = 32

export type LogPolarPlan = {
  fft: FftPlan
  hann: Float64Array
  /** Per half-plane spectrum bin: up to 4 log-polar cells and weights (bilinear splat). */
  cell: Int32Array
  weight: Float32Array
  bins: Int32Array
  angleFft: FftPlan1
}

export type FftPlan1 = { n: number; cos: Float64Array; sin: Float64Array; reverse: Uint16Array }

export function fftPlan1(n: number): FftPlan1 {
  const plan = fftPlan(n)
  return { n, cos: plan.cos, sin: plan.sinForward, reverse: plan.reverse }
}

/** In-place 1-D complex FFT (forward; `inverse` flips the sign of the twiddles, unscaled). */
export function fft1(plan: FftPlan1, re: Float64Array, im: Float64Array, inverse = false): void {
  const { n, reverse, cos, sin } = plan
  for (let i = 0; i < n; i++) {
    const j = reverse[i]!
    if (j > i) {
      let t = re[i]!
      re[i] = re[j]!
      re[j] = t
      t = im[i]!
      im[i] = im[j]!
      im[j] = t
    }
  }
  const sign = inverse ? -1 : 1
  for (let size = 2, step = n >> 1; size <= n; size <<= 1, step >>= 1) {
    const half = size >> 1
    for (let k = 0, t = 0; k < half; k++, t += step) {
      const wr = cos[t]!
      const wi = sign * sin[t]!
      for (let a = k; a < n; a += size) {
        const b = a + half
        const xr = re[b]! * wr - im[b]! * wi
        const xi = re[b]! * wi + im[b]! * wr
        re[b] = re[a]! - xr
        im[b] = im[a]! - xi
        re[a]! += xr
        im[a]! += xi
      }
    }
  }
}

export function logPolarPlan(): LogPolarPlan {
  const n = WINDOW_SAMPLES
  const hann = new Float64Array(n * n)
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) hann[y * n + x] = (0.5 - 0.5 * Math.cos((2 * Math.PI * (x + 0.5)) / n)) * (0.5 - 0.5 * Math.cos((2 * Math.PI * (y + 0.5)) / n))
  }
  const cells: number[] = []
  const weights: number[] = []
  const bins: number[] = []
  // Upper half-plane (v > 0, or v = 0 and u > 0): the other half is its mirror image.
  for (let v = 0; v < n / 2; v++) {
    for (let u = -n / 2 + 1; u < n / 2; u++) {
      if (v === 0 && u <= 0) continue
      const r = Math.hypot(u, v)
      const rho = RINGS_PER_OCTAVE * Math.log2(r / FIRST_RADIUS)
      if (rho < -0.999 || rho > RINGS - 0.001) continue
      let phi = (Math.atan2(v, u) / Math.PI) * ANGLES // 0..ANGLES
      if (phi >= ANGLES) phi -= ANGLES
      const r0 = Math.floor(rho)
      const p0 = Math.floor(phi)
      const fr = rho - r0
      const fp = phi - p0
      const bin = (((v + n) % n) * n + ((u + n) % n)) | 0
      for (const [dr, wr] of [[0, 1 - fr], [1, fr]] as const) {
        const ring = r0 + dr
        if (ring < 0 || ring >= RINGS || wr <= 0) continue
        for (const [dp, wp] of [[0, 1 - fp], [1, fp]] as const) {
          if (wp <= 0) continue
          cells.push(ring * ANGLES + ((p0 + dp) % ANGLES))
          weights.push(wr * wp)
          bins.push(bin)
        }
      }
    }
  }
  return { fft: fftPlan(n), hann, cell: Int32Array.from(cells), weight: Float32Array.from(weights), bins: Int32Array.from(bins), angleFft: fftPlan1(ANGLES) }
}

/**
 * Adds the power spectrum of one WINDOW_SAMPLES² block (grey, any offset) into the
 * log-polar map `into` (RINGS × ANGLES). The block is made zero-mean and Hann-windowed
 * so the window's edges add no spectrum of their own. Returns the block's energy.
 */
export function addWindowPower(plan: LogPolarPlan, block: Float64Array, into: Float64Array, re: Float64Array, im: Float64Array): number {
  const nn = block.length
  let mean = 0
  for (let i = 0; i < nn; i++) mean += block[i]!
  mean /= nn
  let energy = 0
  for (let i = 0; i < nn; i++) {
    const v = (block[i]! - mean) * plan.hann[i]!
    re[i] = v
    im[i] = 0
    energy += v * v
  }
  if (energy < 1e-9) return 0
  fft2(plan.fft, re, im)
  const { cell, weight, bins } = plan
  for (let k = 0; k < cell.length; k++) {
    const b = bins[k]!
    into[cell[k]!]! += weight[k]! * (re[b]! * re[b]! + im[b]! * im[b]!)
  }
  return energy
}

/**
 * Power map → the form that is compared: the square root (amplitude, so that a few
 * strong peaks do not drown the rest), times the radius (the 1/f fall-off of
 * natural pictures flattened), then per-ring angular harmonics H(ring, m).
 */
export type RingHarmonics = { re: Float32Array; im: Float32Array; magnitude: Float32Array; /** register.ts fills it when first needed. */ ringEnergies?: Float64Array }

export function ringHarmonics(plan: LogPolarPlan, power: Float64Array): RingHarmonics {
  const re = new Float32Array(RINGS * HARMONICS)
  const im = new Float32Array(RINGS * HARMONICS)
  const magnitude = new Float32Array(RINGS * HARMONICS)
  const rowRe = new Float64Array(ANGLES)
  const rowIm = new Float64Array(ANGLES)
  for (let ring = 0; ring < RINGS; ring++) {
    const radius = FIRST_RADIUS * 2 ** (ring / RINGS_PER_OCTAVE)
    for (let a = 0; a < ANGLES; a++) {
      rowRe[a] = Math.sqrt(power[ring * ANGLES + a]!) * radius
      rowIm[a] = 0
    }
    fft1(plan.angleFft, rowRe, rowIm)
    for (let m = 0; m < HARMONICS; m++) {
      re[ring * HARMONICS + m] = rowRe[m]!
      im[ring * HARMONICS + m] = rowIm[m]!
      magnitude[ring * HARMONICS + m] = Math.hypot(rowRe[m]!, rowIm[m]!)
    }
  }
  return { re, im, magnitude }
}

/** A square of `side` pixels at (x0, y0) of `image`, area-averaged to WINDOW_SAMPLES². */
export function sampleWindow(levels: readonly GreyImage[], x0: number, y0: number, side: number, out: Float64Array): void {
  const n = WINDOW_SAMPLES
  const level = Math.min(levels.length - 1, Math.max(0, Math.floor(Math.log2(side / n))))
  const src = levels[level]!
  const f = 2 ** level
  const lx = Math.floor(x0 / f)
  const ly = Math.floor(y0 / f)
  const ls = Math.max(1, Math.min(Math.floor(side / f), src.width - lx, src.height - ly))
  const crop = new Float32Array(ls * ls)
  for (let y = 0; y < ls; y++) crop.set(src.data.subarray((ly + y) * src.width + lx, (ly + y) * src.width + lx + ls), y * ls)
  const small = resampleGrey({ width: ls, height: ls, data: crop }, n / ls, n / ls, n, n)
  for (let i = 0; i < n * n; i++) out[i] = small.data[i]!
}
