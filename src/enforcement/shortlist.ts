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
/**
 * The short list's first pass: every pattern on its first QUICK_HARMONICS per ring,
 * then the best QUICK_KEEP × `keep` again on all SHORTLIST_HARMONICS.
 */
const QUICK_HARMONICS = 3
export const QUICK_KEEP = 6
/**
 * The first pass costs 0.6 of the full one per pattern, not 3/8 (measured on the bench's
 * photos: 18 against 30 µs per pattern; a pattern's sums are short and the work around
 * them is not): it pays only when it keeps less than this share of the catalogue (at
 * 1,000 patterns it kept 600 and the short list took 36 ms where scoring all took 30).
 */
const QUICK_PAYS_UNDER = 0.4
/** Fewest rings two spectra must share for a shift to count. */
const MIN_OVERLAP = 8
/**
 * Weight of each ring's mean amplitude (harmonic 0) against its angular harmonics. The
 * mean follows the radial fall-off, which once whitened is much alike for every pattern:
 * at full weight it dominated the cosine (every pattern scored 0.96–0.99 against every
 * copy) and the angular structure that tells patterns apart counted for little. Measured
 * on 408 copies (seeds 555 and 2323, every transformation, against 1,000 patterns): a
 * copy's own pattern on the short list of 100 in 0.975 and 0.966 of them at 1, 0.995 and
 * 0.990 at 0.3 (0.25 and 0.35 alike; 0.1 and 0 worse than 1).
 */
export const RING_MEAN_WEIGHT = 0.3

/** Per pattern, `harmonics` magnitudes per ring (RINGS runs), and each ring's energy. */
type Magnitudes = { harmonics: number; values: Float32Array; energy: Float32Array }

export type ShortlistIndex = {
  count: number
  full: Magnitudes
  quick: Magnitudes
  /** sqrt(tileWidth × tileHeight): one period, in tile pixels. */
  period: Float32Array
}

function magnitudes(spectra: readonly Float32Array[], harmonics: number): Magnitudes {
  const d = RINGS * harmonics
  const values = new Float32Array(spectra.length * d)
  const energy = new Float32Array(spectra.length * RINGS)
  spectra.forEach((magnitude, i) => {
    for (let r = 0; r < RINGS; r++) {
      let e = 0
      for (let m = 0; m < harmonics; m++) {
        const v = magnitude[r * HARMONICS + m]! * (m === 0 ? RING_MEAN_WEIGHT : 1)
        values[i * d + r * harmonics + m] = v
        e += v * v
      }
      energy[i * RINGS + r] = e
    }
  })
  return { harmonics, values, energy }
}

export function shortlistIndex(patterns: readonly PatternDescriptor[]): ShortlistIndex {
  const spectra = patterns.map((p) => p.harmonics.magnitude)
  return {
    count: patterns.length,
    full: magnitudes(spectra, SHORTLIST_HARMONICS),
    quick: magnitudes(spectra, QUICK_HARMONICS),
    period: Float32Array.from(patterns, (p) => Math.sqrt(p.tileWidth * p.tileHeight)),
  }
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
/** An image's views (window sizes, single windows) as the short list reads them. */
export type ShortlistViews = { side: number[]; full: Magnitudes; quick: Magnitudes }

export function shortlistViews(levels: readonly { side: number; magnitude: Float32Array }[]): ShortlistViews {
  // One view of zeros after the real ones: score() fills its groups up to four views with it.
  const spectra = [...levels.map((l) => l.magnitude), new Float32Array(RINGS * HARMONICS)]
  return { side: levels.map((l) => l.side), full: magnitudes(spectra, SHORTLIST_HARMONICS), quick: magnitudes(spectra, QUICK_HARMONICS) }
}

/** Prefix sums of one spectrum's ring energies. */
function prefix(m: Magnitudes, i: number, into: Float64Array): Float64Array {
  for (let r = 0; r < RINGS; r++) into[r + 1] = into[r]! + m.energy[i * RINGS + r]!
  return into
}

/**
 * Pattern p's best cosine over the shifts lo..hi against view v, on `harmonics` per ring;
 * raises `into` when it beats it.
 */
function bestShift(pat: Magnitudes, p: number, patEnergy: Float64Array, img: Magnitudes, v: number, imgEnergy: Float64Array, lo: number, hi: number, into: { score: number; shift: number }): void {
  const h = pat.harmonics
  const pv = pat.values
  const iv = img.values
  const pBase = p * RINGS * h
  const iBase = v * RINGS * h
  for (let shift = lo; shift <= hi; shift++) {
    const j0 = Math.max(0, shift)
    const j1 = Math.min(RINGS, RINGS + shift)
    // Rings j0..j1 of the image against rings j0−shift.. of the pattern: one contiguous run each.
    const a = iBase + j0 * h
    const b = pBase + (j0 - shift) * h
    const length = (j1 - j0) * h
    let dot = 0
    for (let k = 0; k < length; k++) dot += iv[a + k]! * pv[b + k]!
    // As score() computes it, to the bit.
    const score = dot * inverseNorm(imgEnergy[j1]! - imgEnergy[j0]!) * inverseNorm(patEnergy[j1 - shift]! - patEnergy[j0 - shift]!)
    if (score > into.score) {
      // As the short list stores it (float32), so that ties fall as they always did.
      into.score = Math.fround(score)
      into.shift = shift
    }
  }
}

/** Larger scale → fewer periods per window → smaller shift. */
function shiftsFor(index: ShortlistIndex, p: number, side: number, scaleRange: { min: number; max: number }): { lo: number; hi: number } {
  const period = index.period[p]!
  return {
    lo: Math.max(MIN_OVERLAP - RINGS, Math.ceil(shiftFor(side, period, scaleRange.max))),
    hi: Math.min(RINGS - MIN_OVERLAP, Math.floor(shiftFor(side, period, scaleRange.min))),
  }
}

type Scored = { best: Float32Array; level: Int32Array; shift: Int32Array }

/** Each of `patterns`' best score over the views and allowed shifts, on the magnitudes `which`. */
function score(index: ShortlistIndex, views: ShortlistViews, which: 'full' | 'quick', patterns: Iterable<number>, range: { min: number; max: number }, into: Scored): void {
  const pat = index[which]
  const img = views[which]
  const h = pat.harmonics
  const pv = pat.values
  const iv = img.values
  const patEnergy = new Float64Array(RINGS + 1)
  const imgEnergy = views.side.map((_, v) => prefix(img, v, new Float64Array(RINGS + 1)))
  const list = [...patterns]
  // Views of one window size share every pattern's shift range: patterns outside, then
  // shifts, views inside, so each pattern's run for a shift is read once for all of them
  // (the closer look has dozens).
  for (const side of new Set(views.side)) {
    const group = Int32Array.from(views.side.map((s, v) => (s === side ? v : -1)).filter((v) => v >= 0))
    const n = group.length
    // Filled up to a multiple of four with the view of zeros (shortlistViews): four sums at a
    // time cost what one does, where one view left over is summed alone.
    const starts = Int32Array.from({ length: Math.ceil(n / 4) * 4 }, (_, g) => (g < n ? group[g]! : views.side.length) * RINGS * h)
    const dots = new Float64Array(starts.length)
    // 1 / each view's norm over the rings a shift leaves it, for every shift: made once,
    // not once per pattern (a square root per view, shift and pattern cost as much as the sums).
    const imgScale = new Float64Array((2 * RINGS + 1) * n)
    for (let shift = -RINGS; shift <= RINGS; shift++) {
      const j0 = Math.max(0, shift)
      const j1 = Math.min(RINGS, RINGS + shift)
      for (let g = 0; g < n; g++) {
        const e = imgEnergy[group[g]!]!
        imgScale[(shift + RINGS) * n + g] = inverseNorm(e[j1]! - e[j0]!)
      }
    }
    for (const p of list) {
      const { lo, hi } = shiftsFor(index, p, side, range)
      if (lo > hi) continue
      prefix(pat, p, patEnergy)
      let best = into.best[p]!
      let level = -1
      let bestAt = 0
      for (let shift = lo; shift <= hi; shift++) {
        const j0 = Math.max(0, shift)
        const j1 = Math.min(RINGS, RINGS + shift)
        // Rings j0..j1 of the image against rings j0−shift.. of the pattern: one contiguous run each.
        const b = p * RINGS * h + (j0 - shift) * h
        const length = (j1 - j0) * h
        const patScale = inverseNorm(patEnergy[j1 - shift]! - patEnergy[j0 - shift]!)
        groupDots(iv, starts, j0 * h, pv, b, length, dots)
        const row = (shift + RINGS) * n
        for (let g = 0; g < n; g++) {
          const score = dots[g]! * imgScale[row + g]! * patScale
          // Compared as the short list stores it (float32), so that ties fall the same way.
          if (score > best) {
            best = Math.fround(score)
            level = group[g]!
            bestAt = shift
          }
        }
      }
      if (level >= 0) {
        into.best[p] = best
        into.level[p] = level
        into.shift[p] = bestAt
      }
    }
  }
}

/** 1 / √energy, or 0 for none (the cosine of nothing with anything is 0). */
function inverseNorm(energy: number): number {
  return energy > 0 ? 1 / Math.sqrt(energy) : 0
}

/**
 * One pattern's run (from `b`, `length` long) against the same run of every view in a
 * group (view g's from starts[g] + off; a multiple of four views), into `dots`. Eight
 * views (then four) at a time: one read of the pattern feeds eight independent sums,
 * where a single sum waits on each add (the closer look's short list 2.1× faster,
 * measured on 25 views). Each view's sum adds in the same order as one at a time would,
 * so the scores are the same to the bit.
 */
function groupDots(iv: Float32Array, starts: Int32Array, off: number, pv: Float32Array, b: number, length: number, dots: Float64Array): void {
  const n = starts.length
  let g = 0
  for (; g + 8 <= n; g += 8) {
    const a0 = starts[g]! + off
    const a1 = starts[g + 1]! + off
    const a2 = starts[g + 2]! + off
    const a3 = starts[g + 3]! + off
    const a4 = starts[g + 4]! + off
    const a5 = starts[g + 5]! + off
    const a6 = starts[g + 6]! + off
    const a7 = starts[g + 7]! + off
    let d0 = 0
    let d1 = 0
    let d2 = 0
    let d3 = 0
    let d4 = 0
    let d5 = 0
    let d6 = 0
    let d7 = 0
    for (let k = 0; k < length; k++) {
      const x = pv[b + k]!
      d0 += iv[a0 + k]! * x
      d1 += iv[a1 + k]! * x
      d2 += iv[a2 + k]! * x
      d3 += iv[a3 + k]! * x
      d4 += iv[a4 + k]! * x
      d5 += iv[a5 + k]! * x
      d6 += iv[a6 + k]! * x
      d7 += iv[a7 + k]! * x
    }
    dots[g] = d0
    dots[g + 1] = d1
    dots[g + 2] = d2
    dots[g + 3] = d3
    dots[g + 4] = d4
    dots[g + 5] = d5
    dots[g + 6] = d6
    dots[g + 7] = d7
  }
  for (; g + 4 <= n; g += 4) {
    const a0 = starts[g]! + off
    const a1 = starts[g + 1]! + off
    const a2 = starts[g + 2]! + off
    const a3 = starts[g + 3]! + off
    let d0 = 0
    let d1 = 0
    let d2 = 0
    let d3 = 0
    for (let k = 0; k < length; k++) {
      const x = pv[b + k]!
      d0 += iv[a0 + k]! * x
      d1 += iv[a1 + k]! * x
      d2 += iv[a2 + k]! * x
      d3 += iv[a3 + k]! * x
    }
    dots[g] = d0
    dots[g + 1] = d1
    dots[g + 2] = d2
    dots[g + 3] = d3
  }
}

function ranked(scored: Scored, patterns: Iterable<number>, keep: number): number[] {
  return [...patterns].filter((i) => scored.best[i]! > -1).sort((a, b) => scored.best[b]! - scored.best[a]! || a - b).slice(0, keep)
}

/**
 * Best score per pattern over the views and allowed shifts, then the `keep` best
 * patterns, best first.
 */
export function shortlist(index: ShortlistIndex, views: ShortlistViews, range: { min: number; max: number }, keep: number, quickKeep = QUICK_KEEP): ShortlistHit[] {
  const scored = (): Scored => ({ best: new Float32Array(index.count).fill(-1), level: new Int32Array(index.count), shift: new Int32Array(index.count) })
  const all = Array.from({ length: index.count }, (_, i) => i)
  let candidates: number[] = all
  if (quickKeep > 0 && quickKeep * keep < QUICK_PAYS_UNDER * index.count) {
    const quick = scored()
    score(index, views, 'quick', all, range, quick)
    candidates = ranked(quick, all, quickKeep * keep)
  }
  const full = scored()
  score(index, views, 'full', candidates, range, full)
  return ranked(full, candidates, keep).map((i) => ({ index: i, score: full.best[i]!, level: full.level[i]!, shift: full.shift[i]! }))
}

/** One pattern's best score on each view (−1 where its scale range does not fit the view). */
export function viewScores(index: ShortlistIndex, views: ShortlistViews, range: { min: number; max: number }, p: number): Float32Array {
  const out = new Float32Array(views.side.length).fill(-1)
  const patEnergy = prefix(index.full, p, new Float64Array(RINGS + 1))
  const here = { score: -1, shift: 0 }
  views.side.forEach((side, v) => {
    const { lo, hi } = shiftsFor(index, p, side, range)
    if (lo > hi) return
    here.score = -1
    bestShift(index.full, p, patEnergy, views.full, v, prefix(views.full, v, new Float64Array(RINGS + 1)), lo, hi, here)
    out[v] = here.score
  })
  return out
}
