/**
 * The exact check, for a short-listed pattern at a registered pose (turn, mirror,
 * scale): one period of the image is sampled in the pattern's own frame — turned
 * back, un-mirrored, rescaled — so that it is a circular shift of the tile, and
 * circularly correlated with the tile (all shifts at once, as in match.ts). The
 * log-polar spectrum knows the turn only up to half a turn, so the window is also
 * correlated with the tile turned by 180° (its spectrum is the conjugate: one more
 * inverse FFT, no resampling). A copy with light and dark swapped correlates at −1:
 * the trough counts as much as the peak, and says so.
 */
import { fft2, type FftPlan } from './fft'
import type { GreyImage } from './grey'
import { blur121, MIN_CONTRAST, normalise, TILE_SAMPLES, type Spectrum } from './reference'
import type { PatternDescriptor } from './pattern-descriptor'

export type PoseGuess = { x: number; y: number; sigma: number; angle: number; mirrored: boolean }

export type Correlated = {
  correlation: number
  inverted: boolean
  /** The tile turned by a further half turn matched. */
  halfTurn: boolean
  /** Where the correlation peaked (tile samples); colour-verdict.ts says which tile sample each window sample sits on. */
  dx: number
  dy: number
}

export type VerifyScratch = { wRe: Float64Array; wIm: Float64Array; cRe: Float64Array; cIm: Float64Array; dRe: Float64Array; dIm: Float64Array }

export function verifyScratch(n = TILE_SAMPLES): VerifyScratch {
  const nn = n * n
  return { wRe: new Float64Array(nn), wIm: new Float64Array(nn), cRe: new Float64Array(nn), cIm: new Float64Array(nn), dRe: new Float64Array(nn), dIm: new Float64Array(nn) }
}

/** Where sample (u, v) of an n × n window lies in the image (pixels of level 0), for a pose. */
export function samplePoint(p: PoseGuess, d: PatternDescriptor, u: number, v: number, n = TILE_SAMPLES): [number, number] {
  const xt = ((u + 0.5 - n / 2) * d.tileWidth) / n
  const yt = (((v + 0.5 - n / 2) * d.tileHeight) / n) * (p.mirrored ? -1 : 1)
  const c = Math.cos(p.angle)
  const s = Math.sin(p.angle)
  return [p.x + p.sigma * (c * xt - s * yt), p.y + p.sigma * (s * xt + c * yt)]
}

/** Fills `out` with the n × n window; false when a tenth of it falls outside the image. */
function sampleGrey(levels: readonly GreyImage[], p: PoseGuess, d: PatternDescriptor, out: Float64Array, n: number): boolean {
  const step = (p.sigma * Math.min(d.tileWidth, d.tileHeight)) / n
  const level = Math.min(levels.length - 1, Math.max(0, Math.floor(Math.log2(Math.max(1, step)))))
  const img = levels[level]!
  const f = 2 ** level
  let outside = 0
  // samplePoint is affine in (u, v): its origin and two steps, so the loop needs no trigonometry.
  const [ox, oy] = samplePoint(p, d, 0, 0, n)
  const [ux, uy] = samplePoint(p, d, 1, 0, n)
  const [vx, vy] = samplePoint(p, d, 0, 1, n)
  const dux = ux - ox
  const duy = uy - oy
  const dvx = vx - ox
  const dvy = vy - oy
  for (let v = 0; v < n; v++) {
    for (let u = 0; u < n; u++) {
      let x = (ox + u * dux + v * dvx + 0.5) / f - 0.5
      let y = (oy + u * duy + v * dvy + 0.5) / f - 0.5
      if (x < -0.5 || y < -0.5 || x > img.width - 0.5 || y > img.height - 0.5) outside++
      x = Math.min(img.width - 1.001, Math.max(0, x))
      y = Math.min(img.height - 1.001, Math.max(0, y))
      const xi = Math.floor(x)
      const yi = Math.floor(y)
      const ax = x - xi
      const ay = y - yi
      const i = yi * img.width + xi
      const g = img.data
      out[v * n + u] = (g[i]! * (1 - ax) + g[i + 1]! * ax) * (1 - ay) + (g[i + img.width]! * (1 - ax) + g[i + img.width + 1]! * ax) * ay
    }
  }
  return outside <= (n * n) / 10
}


/**
 * The correlation at one pose, over `plan.n`² samples: TILE_SAMPLES against the
 * pattern's reference, or fewer against a coarser reference (coarseReference, for the
 * cheap first pass over poses and scales; `s` must be made for the same size).
 */
export function correlateAt(plan: FftPlan, levels: readonly GreyImage[], d: PatternDescriptor, pose: PoseGuess, s: VerifyScratch, reference: Spectrum = d.reference): Correlated | null {
  const n = plan.n
  const nn = n * n
  if (!sampleGrey(levels, pose, d, s.wRe, n)) return null
  blur121(s.wRe, n, n, false)
  if (normalise(s.wRe) < (reference.minContrast ?? MIN_CONTRAST)) return null
  s.wIm.fill(0)
  fft2(plan, s.wRe, s.wIm)
  const { re: tRe, im: tIm } = reference
  // W · conj(T) (the tile as it is) and W · T (the tile turned by 180°) both transform back to
  // real correlations, so one complex inverse FFT of C + i·D gives both: C's in the real part,
  // D's in the imaginary part.
  for (let k = 0; k < nn; k++) {
    const wr = s.wRe[k]!
    const wi = s.wIm[k]!
    const cr = wr * tRe[k]! + wi * tIm[k]!
    const ci = wi * tRe[k]! - wr * tIm[k]!
    const dr = wr * tRe[k]! - wi * tIm[k]!
    const di = wi * tRe[k]! + wr * tIm[k]!
    s.cRe[k] = cr - di
    s.cIm[k] = ci + dr
  }
  fft2(plan, s.cRe, s.cIm, true)
  // The strongest of four: the peak and the trough of each plane, in that order on ties.
  let value = -Infinity
  let at = 0
  let inverted = false
  let halfTurn = false
  for (const [plane, turned] of [
    [s.cRe, false],
    [s.cIm, true],
  ] as const) {
    let max = -Infinity
    let min = Infinity
    let maxAt = 0
    let minAt = 0
    for (let k = 0; k < nn; k++) {
      const v = plane[k]!
      if (v > max) {
        max = v
        maxAt = k
      }
      if (v < min) {
        min = v
        minAt = k
      }
    }
    if (max > value) [value, at, inverted, halfTurn] = [max, maxAt, false, turned]
    if (-min > value) [value, at, inverted, halfTurn] = [-min, minAt, true, turned]
  }
  return { correlation: value / nn, inverted, halfTurn, dx: at % n, dy: Math.floor(at / n) }
}

/**
 * The same copy a quarter period further along the tile's x or y axis: the window there
 * is the tile circularly shifted by n/4 samples more, so its correlation must peak where
 * the first one did, moved by n/4. A copy holds this wherever the window sits on it; a
 * pattern that only resembles one period of an image by chance rarely does
 * (docs/enforcement.md, "Catalogue scale"). A quarter, not a half: a copy of 1.3–1.5
 * periods inside a picture seldom has room for a window half a period on (measured:
 * copies inside pictures found 0.86 → 0.93, negatives unchanged). Returns the best such
 * correlation over the four directions whose window lies in the image (within a sample
 * of the predicted place), or null when none does.
 */
export function quarterPeriodAgreement(plan: FftPlan, levels: readonly GreyImage[], d: PatternDescriptor, pose: PoseGuess, found: Correlated, s: VerifyScratch): number | null {
  const n = TILE_SAMPLES
  const e = n / 4
  const [ox, oy] = samplePoint(pose, d, 0, 0)
  const [ux, uy] = samplePoint(pose, d, 1, 0)
  const [vx, vy] = samplePoint(pose, d, 0, 1)
  let best: number | null = null
  for (const [eu, ev] of [[e, 0], [-e, 0], [0, e], [0, -e]] as const) {
    const moved = { ...pose, x: pose.x + eu * (ux - ox) + ev * (vx - ox), y: pose.y + eu * (uy - oy) + ev * (vy - oy) }
    if (!correlateAt(plan, levels, d, moved, s)) continue
    // Window origin moved by +e samples: W'(u) = W(u + e) ≈ T(u − (k − e)), for the tile as it
    // is and turned by 180° alike, so the peak moves from k to k − e.
    const plane = found.halfTurn ? s.cIm : s.cRe
    const sign = found.inverted ? -1 : 1
    let here = -Infinity
    for (let j = -1; j <= 1; j++) {
      for (let i = -1; i <= 1; i++) {
        const x = (((found.dx - eu + i) % n) + n) % n
        const y = (((found.dy - ev + j) % n) + n) % n
        here = Math.max(here, (sign * plane[y * n + x]!) / (n * n))
      }
    }
    if (best === null || here > best) best = here
  }
  return best
}
