/**
 * Registration: for one short-listed pattern, the turn, mirror and scale that best
 * line its log-polar spectrum up with the image's (the Fourier–Mellin idea). With
 * the angular harmonics of both, the correlation over every turn at once is one
 * inverse FFT along φ per ring shift: C(τ) = IFFT_m Σ_rings H_img · conj(H_pat), and
 * for a mirrored copy (φ → −φ, so conj(H_pat) becomes H_pat) IFFT_m Σ H_img · H_pat.
 * The spectrum of a real picture is point-symmetric, so a turn is known up to
 * half a turn (θ or θ + 180°); the exact check tries both.
 */
import { ANGLES, fft1, fftPlan1, HARMONICS, RINGS, RINGS_PER_OCTAVE, type FftPlan1, type RingHarmonics } from './log-polar'

export type Pose = {
  /** Normalised spectral correlation, −1..1. */
  score: number
  /** Ring shift, refined between rings. */
  shift: number
  /** Turn in radians, 0..π (or that + π). */
  angle: number
  mirrored: boolean
}

/** Prefix sums of the rings' energies, kept on the spectrum: views and patterns are registered against many others. */
function ringEnergies(h: RingHarmonics): Float64Array {
  if (h.ringEnergies) return h.ringEnergies
  const e = new Float64Array(RINGS + 1)
  for (let r = 0; r < RINGS; r++) {
    let s = h.magnitude[r * HARMONICS]! ** 2
    for (let m = 1; m < HARMONICS; m++) s += 2 * h.magnitude[r * HARMONICS + m]! ** 2
    e[r + 1] = e[r]! + s
  }
  h.ringEnergies = e
  return e
}

/** Parabola through three samples around a peak: the offset of its top, −0.5..0.5. */
function vertex(a: number, b: number, c: number): number {
  const d = a - 2 * b + c
  return d < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / d)) : 0
}

type Turn = { score: number; angle: number; alternative: { score: number; angle: number } | null }

const HALF = ANGLES / 2

/** Work arrays and the half-length FFT plan `turnCurve` uses, made once per matcher. */
export type RegisterScratch = { re: Float64Array; im: Float64Array; curve: Float64Array; half: FftPlan1; twiddleRe: Float64Array; twiddleIm: Float64Array }

export function registerScratch(): RegisterScratch {
  return {
    re: new Float64Array(HALF),
    im: new Float64Array(HALF),
    curve: new Float64Array(ANGLES),
    half: fftPlan1(HALF),
    twiddleRe: Float64Array.from({ length: HALF }, (_, k) => Math.cos((2 * Math.PI * k) / ANGLES)),
    twiddleIm: Float64Array.from({ length: HALF }, (_, k) => Math.sin((2 * Math.PI * k) / ANGLES)),
  }
}

/** E + iO at harmonic k of the half-length transform, from a = X[k] and b = X[k + HALF]. */
function fold(s: RegisterScratch, k: number, ar: number, ai: number, br: number, bi: number): void {
  const dr = ar - br
  const di = ai - bi
  const or = dr * s.twiddleRe[k]! - di * s.twiddleIm[k]!
  const oi = dr * s.twiddleIm[k]! + di * s.twiddleRe[k]!
  s.re[k] = ar + br - oi
  s.im[k] = ai + bi + or
}

/**
 * The real correlation C(τ) at every one of ANGLES turns, from its harmonics 0..HALF − 1
 * in `s.re`, `s.im` (harmonic HALF is zero and the others are their conjugates, both maps
 * being real), into `s.curve`. One inverse FFT of half the length instead of a full one:
 * the even turns are IFFT(E) and the odd ones IFFT(O), for E[k] = X[k] + X[k + HALF] and
 * O[k] = (X[k] − X[k + HALF])·e^{2πik/ANGLES}; both are real, so IFFT(E + iO) holds the even
 * turns in its real part and the odd ones in its imaginary part.
 */
export function turnCurve(s: RegisterScratch): Float64Array {
  const { re, im, curve } = s
  // X[k + HALF] = conj X[HALF − k], X[HALF] = 0: harmonics k and HALF − k are read together,
  // before either is overwritten.
  for (let k = 0; k <= HALF / 2; k++) {
    const l = HALF - k
    const xr = re[k]!
    const xi = im[k]!
    const yr = k === 0 ? 0 : re[l]!
    const yi = k === 0 ? 0 : im[l]!
    fold(s, k, xr, xi, yr, -yi)
    if (k > 0 && l !== k) fold(s, l, yr, yi, xr, -xi)
  }
  fft1(s.half, re, im, true)
  for (let n = 0; n < HALF; n++) {
    curve[2 * n] = re[n]!
    curve[2 * n + 1] = im[n]!
  }
  return curve
}

/**
 * For one ring shift, per harmonic m, the four real sums over the rings both spectra
 * share from which the plain and the mirrored correlation both follow (H = a + ib for the
 * image, b = c + id for the pattern): Σac, Σbd, Σad, Σbc. One pass serves both mirrors.
 */
function ringSums(img: RingHarmonics, pat: RingHarmonics, shift: number): Float64Array {
  const out = new Float64Array(4 * HARMONICS)
  const j0 = Math.max(0, shift)
  const j1 = Math.min(RINGS, RINGS + shift)
  const { re: ir, im: ii } = img
  const { re: pr, im: pi } = pat
  // Harmonic by harmonic down the rings, the four sums in locals (not read and written back
  // in memory for every ring).
  for (let m = 0; m < HARMONICS; m++) {
    let ac = 0
    let bd = 0
    let ad = 0
    let bc = 0
    for (let j = j0; j < j1; j++) {
      const a = j * HARMONICS + m
      const b = (j - shift) * HARMONICS + m
      const ar = ir[a]!
      const ai = ii[a]!
      const br = pr[b]!
      const bi = pi[b]!
      ac += ar * br
      bd += ai * bi
      ad += ar * bi
      bc += ai * br
    }
    out[m] = ac
    out[HARMONICS + m] = bd
    out[2 * HARMONICS + m] = ad
    out[3 * HARMONICS + m] = bc
  }
  return out
}

/**
 * The best turn for one ring shift and mirror, from its ring sums: Σ H_img · conj(H_pat)
 * (plain) or Σ H_img · H_pat (mirrored) per harmonic, back to turns by one inverse FFT.
 */
function bestTurn(sums: Float64Array, mirrored: boolean, s: RegisterScratch, norm: number): Turn {
  const sign = mirrored ? -1 : 1
  for (let m = 0; m < HARMONICS; m++) {
    s.re[m] = sums[m]! + sign * sums[HARMONICS + m]!
    s.im[m] = sums[3 * HARMONICS + m]! - sign * sums[2 * HARMONICS + m]!
  }
  const re = turnCurve(s)
  // The best peak, and the best local maximum at least 20° from it (lattices with
  // near-square symmetry give several peaks; the exact check tells them apart).
  let at = 0
  for (let t = 1; t < ANGLES; t++) if (re[t]! > re[at]!) at = t
  const far = Math.round(ANGLES / 9)
  let second = -1
  for (let t = 0; t < ANGLES; t++) {
    const gap = Math.min(Math.abs(t - at), ANGLES - Math.abs(t - at))
    if (gap < far) continue
    if (re[t]! >= re[(t + 1) % ANGLES]! && re[t]! >= re[(t + ANGLES - 1) % ANGLES]! && (second < 0 || re[t]! > re[second]!)) second = t
  }
  const angleAt = (t: number): number => {
    const offset = vertex(re[(t + ANGLES - 1) % ANGLES]!, re[t]!, re[(t + 1) % ANGLES]!)
    return (((t + offset + ANGLES) % ANGLES) * Math.PI) / ANGLES
  }
  return {
    score: norm > 0 ? re[at]! / norm : 0,
    angle: angleAt(at),
    alternative: second >= 0 ? { score: norm > 0 ? re[second]! / norm : 0, angle: angleAt(second) } : null,
  }
}

const BOTH = [false, true] as const

/** Poses for ring shifts around `shift`, plain and mirrored (or only those in `mirrors`), best first. */
export function register(img: RingHarmonics, pat: RingHarmonics, shift: number, shiftRange: { lo: number; hi: number }, s: RegisterScratch, mirrors: readonly boolean[] = BOTH): Pose[] {
  const ei = ringEnergies(img)
  const ep = ringEnergies(pat)
  const poses: Pose[] = []
  // Both mirrors' climbs mostly visit the same shifts: their ring sums are made once.
  const sumsAt = new Map<number, Float64Array>()
  for (const mirrored of mirrors) {
    const scores = new Map<number, Turn>()
    const at = (sh: number): Turn => {
      let r = scores.get(sh)
      if (!r) {
        if (sh < shiftRange.lo || sh > shiftRange.hi) r = { score: -1, angle: 0, alternative: null }
        else {
          const j0 = Math.max(0, sh)
          const j1 = Math.min(RINGS, RINGS + sh)
          const norm = Math.sqrt((ei[j1]! - ei[j0]!) * (ep[j1 - sh]! - ep[j0 - sh]!))
          let sums = sumsAt.get(sh)
          if (!sums) sumsAt.set(sh, (sums = ringSums(img, pat, sh)))
          r = bestTurn(sums, mirrored, s, norm)
        }
        scores.set(sh, r)
      }
      return r
    }
    // Climb to the best shift near the short list's one, then refine between rings.
    let best = shift
    for (const sh of [shift - 1, shift + 1]) if (at(sh).score > at(best).score) best = sh
    for (let step = 0; step < 2; step++) {
      const next = at(best - 1).score > at(best + 1).score ? best - 1 : best + 1
      if (at(next).score > at(best).score) best = next
      else break
    }
    const top = at(best)
    const offset = vertex(at(best - 1).score, top.score, at(best + 1).score)
    poses.push({ score: top.score, shift: best + offset, angle: top.angle, mirrored })
    if (top.alternative) poses.push({ score: top.alternative.score, shift: best + offset, angle: top.alternative.angle, mirrored })
  }
  return poses.sort((a, b) => b.score - a.score)
}

export { RINGS_PER_OCTAVE }
