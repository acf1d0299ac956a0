/**
 * The short list: which catalogue patterns could be in an image, from the
 * magnitudes of the log-polar angular harmonics alone (turn- and mirror-free,
 * log-polar.ts). What remains of the scale is a shift along the rings; each
 * pattern is compared at every shift its scale range allows, by cosine similarity
 * over the rings both sides share. The cost is patterns × shifts × a few hundred
 * multiply-adds per window size: small next to one exact correlation, so the
 * whole catalogue is scored for every image and only the best few go on.
 */
import { HARMONICS, RINGS, RINGS_PER_OCTAVE } from './log-polar'
import type { PatternDescriptor } from './pattern-descriptor'
import { REFERENCE_PERIODS } from './pattern-descriptor'

/** Harmonics per ring used by the short list (the low ones carry most of the energy). */
export const SHORTLIST_HARMONICS = 8
/** Fewest rings two spectra must share for a shift to count. */
const MIN_OVERLAP = 8

export type ShortlistIndex = {
  count: number
  /** Per pattern: RINGS × SHORTLIST_HARMONICS magnitudes, then the RINGS ring energies. */
  values: Float32Array
  energy: Float32Array
  /** sqrt(tileWidth × tileHeight): one period, in tile pixels. */
  period: Float32Array
}

const D = RINGS * SHORTLIST_HARMONICS

export function shortlistIndex(patterns: readonly PatternDescriptor[]): ShortlistIndex {
  const values = new Float32Array(patterns.length * D)
  const energy = new Float32Array(patterns.length * RINGS)
  const period = new Float32Array(patterns.length)
  patterns.forEach((p, i) => {
    period[i] = Math.sqrt(p.tileWidth * p.tileHeight)
    for (let r = 0; r < RINGS; r++) {
      let e = 0
      for (let m = 0; m < SHORTLIST_HARMONICS; m++) {
        const v = p.harmonics.magnitude[r * HARMONICS + m]!
        values[i * D + r * SHORTLIST_HARMONICS + m] = v
        e += v * v
      }
      energy[i * RINGS + r] = e
    }
  })
  return { count: patterns.length, values, energy, period }
}

export type ShortlistHit = { index: number; score: number; level: number; shift: number }

/**
 * Ring shift Δ for a copy at `scale` × its tile seen through a window of `side` px:
 * image ring j shows what the reference shows at ring j − Δ.
 */
export function shiftFor(side: number, period: number, scale: number): number {
  return RINGS_PER_OCTAVE * Math.log2(side / (REFERENCE_PERIODS * period * scale))
}

export function scaleFor(side: number, period: number, shift: number): number {
  return side / (REFERENCE_PERIODS * period * 2 ** (shift / RINGS_PER_OCTAVE))
}

/**
 * Best score per pattern over the levels (window sizes) and allowed shifts, then the
 * `keep` best patterns, best first.
 */
export function shortlist(
  index: ShortlistIndex,
  levels: readonly { side: number; magnitude: Float32Array }[],
  scaleRange: { min: number; max: number },
  keep: number,
): ShortlistHit[] {
  const best = new Float32Array(index.count).fill(-1)
  const bestLevel = new Int32Array(index.count)
  const bestShift = new Int32Array(index.count)
  const patEnergy = new Float64Array(RINGS + 1)
  // Each level's first SHORTLIST_HARMONICS per ring, one run, with its prefix energies.
  const img = levels.map((level) => {
    const values = new Float32Array(D)
    const energy = new Float64Array(RINGS + 1)
    for (let r = 0; r < RINGS; r++) {
      let e = 0
      for (let m = 0; m < SHORTLIST_HARMONICS; m++) {
        const v = level.magnitude[r * HARMONICS + m]!
        values[r * SHORTLIST_HARMONICS + m] = v
        e += v * v
      }
      energy[r + 1] = energy[r]! + e
    }
    return { values, energy }
  })
  // Levels of one window size share every pattern's shift range: patterns outside, levels
  // inside, so each pattern's numbers are read once for all of them (the closer look has dozens).
  const sides = [...new Set(levels.map((l) => l.side))]
  const values = index.values
  for (const side of sides) {
    const group = levels.map((l, li) => li).filter((li) => levels[li]!.side === side)
    for (let p = 0; p < index.count; p++) {
      const period = index.period[p]!
      // Larger scale → fewer periods per window → smaller shift.
      const lo = Math.max(MIN_OVERLAP - RINGS, Math.ceil(shiftFor(side, period, scaleRange.max)))
      const hi = Math.min(RINGS - MIN_OVERLAP, Math.floor(shiftFor(side, period, scaleRange.min)))
      if (lo > hi) continue
      const base = p * D
      for (let r = 0; r < RINGS; r++) patEnergy[r + 1] = patEnergy[r]! + index.energy[p * RINGS + r]!
      for (const li of group) {
        const { values: iv, energy: ie } = img[li]!
        for (let shift = lo; shift <= hi; shift++) {
          const j0 = Math.max(0, shift)
          const j1 = Math.min(RINGS, RINGS + shift)
          // Rings j0..j1 of the image against rings j0−shift.. of the pattern: one contiguous run each.
          const a = j0 * SHORTLIST_HARMONICS
          const b = base + (j0 - shift) * SHORTLIST_HARMONICS
          const length = (j1 - j0) * SHORTLIST_HARMONICS
          let dot = 0
          for (let k = 0; k < length; k++) dot += iv[a + k]! * values[b + k]!
          const norm = Math.sqrt((ie[j1]! - ie[j0]!) * (patEnergy[j1 - shift]! - patEnergy[j0 - shift]!))
          const score = norm > 0 ? dot / norm : 0
          if (score > best[p]!) {
            best[p] = score
            bestLevel[p] = li
            bestShift[p] = shift
          }
        }
      }
    }
  }
  const order = Array.from({ length: index.count }, (_, i) => i)
    .filter((i) => best[i]! > -1)
    .sort((a, b) => best[b]! - best[a]! || a - b)
  return order.slice(0, keep).map((i) => ({ index: i, score: best[i]!, level: bestLevel[i]!, shift: bestShift[i]! }))
}
