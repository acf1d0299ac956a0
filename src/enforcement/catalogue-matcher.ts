/**
 * Finds which catalogue patterns an image copies, in steps whose cost is nearly
 * flat in the size of the catalogue (docs/enforcement.md, "Catalogue scale"):
 *
 * 1. Short list (shortlist.ts): log-polar spectra of the image's windows against
 *    every pattern's — turn-, mirror- and shift-free, a few hundred multiply-adds
 *    per pattern. The best `shortlist` go on.
 * 2. Registration (register.ts): for those, the turn, mirror and scale that line
 *    the spectra up; its score re-ranks them, and the best `registered` go on.
 * 3. Exact check (verify-copy.ts): one period of the image sampled in the
 *    pattern's frame, circularly correlated with the tile, at the window where the
 *    pattern's spectrum is strongest; then the window a quarter period on must agree.
 * 4. When nothing is found, a closer look: smaller windows, each on its own, and
 *    steps 1–3 again (a copy inside a larger picture).
 */
import type { RgbaImage } from './decode-image'
import { fftPlan } from './fft'
import { toGrey, type GreyImage } from './grey'
import { CLOSER_LOOK, imageSpectra, leastAlike, peakyWindows, WINDOW_SIZES, windowHarmonics, type SpectrumWindow, type WindowLevel, type WindowSize } from './image-spectra'
import { logPolarPlan, RINGS, RINGS_PER_OCTAVE, WINDOW_SAMPLES } from './log-polar'
import type { PatternDescriptor } from './pattern-descriptor'
import { register, registerScratch, type Pose } from './register'
import { coarseReference, MIN_CONTRAST, TILE_SAMPLES, type Spectrum } from './reference'
import { fitWithin, pyramid } from './resample'
import { QUICK_KEEP, scaleFor, shiftFor, shortlist, shortlistIndex, shortlistViews, viewScores, type ShortlistHit, type ShortlistIndex } from './shortlist'
import { correlateAt, quarterPeriodAgreement, samplePoint, verifyScratch, type Correlated, type PoseGuess } from './verify-copy'
import { colourVerdict, type ColourChange } from './colour-verdict'

export type CatalogueMatchOptions = {
  minScale: number
  maxScale: number
  maxSide: number
  /** The short list's quick pass keeps this many times `shortlist` for its full pass (0: no quick pass). */
  quickKeep: number
  /** Patterns kept by the short list (magnitudes), and after registration re-ranks them (phases). */
  shortlist: number
  registered: number
  /** Of those, how many of the short list's first go on whatever registration says. */
  keptByMagnitude: number
  /** Of those, how many (the best by the exact check's first pass) get its closer search. */
  refined: number
  /** Poses (with scale) of the exact check's first pass checked again at full size, per candidate. */
  fineGuesses: number
  /**
   * A candidate whose first pass peaks below this is not checked at full size: no copy
   * found on 204 copies (seed 555) peaked that low, and it spares most candidates' 4
   * full-size correlations (5 % of the time).
   */
  fineFrom: number
  /** Single windows each registered pattern is registered on (besides the sums and the view that chose it). */
  registerViews: number
  /** Windows (origins) tried per registered pattern. */
  origins: number
  /** Poses (turn, mirror) tried per registered pattern. */
  poses: number
  /** Single windows offered to the short list beside the sums. */
  peakyWindows: number
  /** Window sizes (image-spectra.ts). */
  windowSizes: readonly WindowSize[]
  /** Window sizes of the closer look, taken when nothing was found, each window a view of its own. */
  closerLook: readonly WindowSize[]
  /**
   * The closer look is skipped when every two of the smaller windows are at least this alike
   * (image-spectra.ts `leastAlike`): the picture is one texture throughout, and no part of it
   * can hold a copy the whole did not show. Above 1: never skipped.
   */
  closerLookUnder: number
}

/**
 * How alike every two half-size windows must be for the closer look to be skipped. Measured
 * on the bench's two draws (seeds 555 and 2323, 2,040 copies): of the 185 copies only the
 * closer look found, all but one (a full-frame copy at 0.79) had two windows less alike
 * than this; it skips the closer look for 6 in 10 of the full-frame negatives and half the
 * photos (docs/enforcement.md, "Sixth pass").
 */
export const CLOSER_LOOK_UNDER = 0.76

export const CATALOGUE_MATCH_DEFAULTS: CatalogueMatchOptions = { minScale: 0.4, maxScale: 2.5, maxSide: 1024, quickKeep: QUICK_KEEP, shortlist: 100, registered: 16, refined: 3, fineGuesses: 4, fineFrom: 0.3, registerViews: 6, keptByMagnitude: 6, origins: 1, poses: 4, peakyWindows: 6, windowSizes: WINDOW_SIZES, closerLook: CLOSER_LOOK, closerLookUnder: CLOSER_LOOK_UNDER }

/**
 * A copy is reported when its distance is at most this: 1 − the mean of |correlation| and
 * the quarter-period agreement (or 1 − |correlation| where no second window fits the image).
 * Set on one draw of the bench (seed 555: 1,020 copies, 1,020 negatives) and checked on
 * another (seed 2323): 0.15 let 9 and 11 negatives through — designs of geopattern's own
 * families at 0.86 — 0.14 lets 7 and 4, and finds 1 and 2 copies fewer.
 */
export const CATALOGUE_THRESHOLD = 0.14
/** Correlation from which a finding's quarter-period agreement is measured. */
const AGREEMENT_FROM = 0.7

export type Finding = {
  patternId: string
  name: string
  /** |circular correlation| of the best period, 0..1. */
  correlation: number
  distance: number
  /** What was done to the copy. */
  scale: number
  /** Turn, degrees counter-clockwise on screen, −180..180. */
  rotation: number
  mirrored: boolean
  colour: ColourChange
  region: { x: number; y: number; width: number; height: number }
  /** Rank of the pattern on the short list (0 = first). */
  shortlistRank: number
  /** The correlation a quarter period further on (verify-copy.ts), when the correlation is near the threshold or above. */
  agreement: number | null
}

export type CatalogueMatcher = {
  patterns: readonly PatternDescriptor[]
  /** Verified candidates, best first (at most `registered`). */
  findCopies(image: RgbaImage): Finding[]
}

export function createCatalogueMatcher(patterns: readonly PatternDescriptor[], options: Partial<CatalogueMatchOptions> = {}): CatalogueMatcher {
  const opts = { ...CATALOGUE_MATCH_DEFAULTS, ...options }
  const plan = logPolarPlan()
  const tilePlan = fftPlan(TILE_SAMPLES)
  const index: ShortlistIndex = shortlistIndex(patterns)
  const rs = registerScratch()
  const vs = verifyScratch()
  const coarsePlan = fftPlan(COARSE_SAMPLES)
  const cs = verifyScratch(COARSE_SAMPLES)
  // A colourway that compresses lightness (light and dark swapped, then clipped) leaves a copy
  // fainter than any pack tile: the exact check takes windows down to its first pass's floor
  // (seed 555: of the copies missed, 5 of 11 light/dark, 3 of 9 recoloured and 1 of 8 grey had
  // passed that first pass at 0.94–0.98, then every full-size window fell under MIN_CONTRAST;
  // taking them found all 9, lost no copy and reported no negative more).
  const checkable = patterns.map((d) => ({ ...d, reference: { ...d.reference, minContrast: FAINT_CONTRAST } }))
  const coarse = new Map<PatternDescriptor, Spectrum>()
  const coarseOf = (d: PatternDescriptor): Spectrum => {
    let r = coarse.get(d)
    if (!r) coarse.set(d, (r = coarseReference(d.reference, coarsePlan)))
    return r
  }
  return {
    patterns,
    findCopies(image) {
      const grey = toGrey(image)
      const { image: fitted, factor } = fitWithin(grey, opts.maxSide)
      const levels = pyramid(fitted, 8)
      const spectra = imageSpectra(plan, levels, opts.windowSizes)
      if (spectra.length === 0) return []
      // The sums per window size, then the most repeat-like single windows.
      const peaky = peakyWindows(spectra, opts.peakyWindows)
      const found = search([...spectra, ...peaky.map((p) => single(p.window, spectra[p.level]!))], image, levels, factor)
      if (opts.closerLook.length === 0 || found.some((f) => f.distance <= CATALOGUE_THRESHOLD)) return found
      // One texture throughout (a repeat filling the frame, a photo of grass): windows on a
      // finer grid would see what the larger ones saw. Not for small pictures, whose smaller
      // windows are magnified from fewer pixels than they sample (WINDOW_SAMPLES).
      const smaller = spectra[1]
      if (smaller && smaller.side >= WINDOW_SAMPLES && leastAlike(smaller) >= opts.closerLookUnder) return found
      // Nothing found: look closer. A copy inside a larger picture is diluted in every window
      // the sums and the most repeat-like ones hold; windows on a finer grid, each on its own,
      // put one on the copy alone (docs/enforcement.md, "Copies inside pictures").
      const closer = imageSpectra(plan, levels, opts.closerLook)
      const more = search(closer.flatMap((l) => l.windows.map((w) => single(w, l))), image, levels, factor)
      const best = new Map<string, Finding>()
      for (const f of [...found, ...more]) if ((best.get(f.patternId)?.distance ?? Infinity) > f.distance) best.set(f.patternId, f)
      return [...best.values()].sort(byDistance)
    },
  }

  function single(w: SpectrumWindow, level: WindowLevel): WindowLevel & { origins: SpectrumWindow[] } {
    return { side: w.side, windows: [w], harmonics: windowHarmonics(plan, w), origins: level.windows }
  }

  /** Short list → registration → exact check, for one set of views of the image. */
  function search(views: readonly WindowLevel[], image: RgbaImage, levels: GreyImage[], factor: number): Finding[] {
    const range = { min: opts.minScale, max: opts.maxScale }
    const viewed = shortlistViews(views.map((l) => ({ side: l.side, magnitude: l.harmonics.magnitude })))
    const hits = shortlist(index, viewed, range, opts.shortlist, opts.quickKeep)
    const sums = views.filter((v) => v.windows.length > 1)
    // The single windows a pattern is registered on: those its magnitudes match best (the
    // closer look has dozens; a copy fills a few of them).
    const singlesFor = (hit: ShortlistHit): WindowLevel[] => {
      const scores = viewScores(index, viewed, range, hit.index)
      return views
        .map((view, i) => ({ view, score: scores[i]! }))
        .filter(({ view, score }) => view.windows.length === 1 && score > -1)
        .sort((a, b) => b.score - a.score)
        .slice(0, opts.registerViews)
        .map(({ view }) => view)
    }
    const registerOn = (hit: ShortlistHit, on: readonly WindowLevel[]): { pose: Pose; view: WindowLevel }[] => {
      const d = patterns[hit.index]!
      const period = index.period[hit.index]!
      return on
        .flatMap((view) => {
          // Each view at the shift the short list's scale implies for its window size.
          const shift = Math.round(hit.shift + RINGS_PER_OCTAVE * Math.log2(view.side / views[hit.level]!.side))
          return register(view.harmonics, d.harmonics, shift, shiftRange(view.side, period, opts), rs).map((pose) => ({ pose, view }))
        })
        .sort((a, b) => b.pose.score - a.pose.score)
    }
    // Registration lines the phases up across rings, which the magnitudes alone cannot: it
    // re-ranks the magnitudes' list (on the view that chose each pattern, and the sums), and
    // only its best go on, registered on every view (one view's spectrum can mislead where
    // another's does not). The magnitudes' first few stay whatever registration says: its
    // climb along the rings sometimes settles on the wrong scale for a pattern they had right.
    const posed = hits
      .map((hit, rank) => ({ hit, rank, score: rank < opts.keptByMagnitude ? Infinity : (registerOn(hit, [...new Set([views[hit.level]!, ...sums])])[0]?.pose.score ?? -1) }))
      .sort((a, b) => b.score - a.score || a.rank - b.rank)
      .slice(0, opts.registered)
      .map(({ hit, rank }) => ({ hit, rank, d: checkable[hit.index]!, poses: registerOn(hit, [...new Set([views[hit.level]!, ...sums, ...singlesFor(hit)])]) }))
    // The exact check's first pass for every candidate; the closer search (refine) only for the
    // best few: a copy's own pattern leads that pass (measured on 240 images: 113 of the 114
    // copies found; the other was 0.001 behind), and the search costs 20 correlations each.
    const checked = posed.map((c) => ({ ...c, best: verifyCandidate(c.d, c.poses, levels, index.period[c.hit.index]!) }))
    const leaders = checked.filter((c) => c.best !== null && c.best.result.correlation >= REFINE_FROM).sort((a, b) => b.best!.result.correlation - a.best!.result.correlation)
    for (const c of leaders.slice(0, opts.refined)) c.best = refine(c.d, levels, c.best!)
    const findings: Finding[] = []
    for (const c of checked) {
      const best = c.best
      if (!best) continue
      const { pose, result } = best
      const rotation = normaliseDegrees(((pose.angle + (result.halfTurn ? Math.PI : 0)) * 180) / Math.PI)
      const agreement = result.correlation >= AGREEMENT_FROM ? quarterPeriodAgreement(tilePlan, levels, c.d, pose, result, vs) : null
      findings.push({
        patternId: c.d.patternId,
        name: c.d.name,
        correlation: result.correlation,
        distance: 1 - (agreement === null ? result.correlation : (result.correlation + Math.max(0, agreement)) / 2),
        scale: pose.sigma / factor,
        rotation,
        mirrored: pose.mirrored,
        colour: colourVerdict(image, factor, c.d, { ...pose, angle: pose.angle + (result.halfTurn ? Math.PI : 0) }, result),
        region: regionOf(pose, c.d, factor),
        shortlistRank: c.rank,
        agreement,
      })
    }
    return findings.sort(byDistance)
  }

  function verifyCandidate(d: PatternDescriptor, poses: { pose: Pose; view: WindowLevel & { origins?: WindowLevel['windows'] } }[], levels: GreyImage[], period: number): { pose: PoseGuess; result: Correlated } | null {
    const reference = coarseOf(d)
    const guesses: { guess: PoseGuess; score: number }[] = []
    // Which windows to try depends on the ring shift and the mirror, not on the turn: poses share it.
    const rankedFor = new Map<string, { w: WindowLevel['windows'][number] }[]>()
    for (const { pose, view: level } of poses.slice(0, opts.poses)) {
      const sigma = scaleFor(level.side, period, pose.shift)
      const windows = level.origins ?? level.windows
      const shift = Math.round(pose.shift)
      const key = `${windows.length}:${windows[0]?.side}:${shift}:${pose.mirrored}`
      // Where this pattern's spectrum is strongest: the windows most likely inside the copy.
      let ranked = rankedFor.get(key)
      if (!ranked) {
        ranked = windows
          .map((w) => ({ w, score: register(windowHarmonics(plan, w), d.harmonics, shift, { lo: shift, hi: shift }, rs, [pose.mirrored])[0]!.score }))
          .sort((a, b) => b.score - a.score)
          .slice(0, opts.origins)
        rankedFor.set(key, ranked)
      }
      // Scales ±1 ring around the registered one, 2 quarter-rings apart (≈ 9 %): the
      // registered scale is often a ring off for spectra with few strong peaks. Every pose,
      // window and scale at COARSE_SAMPLES² (a fifth of the cost); the best few again at full size.
      for (const { w } of ranked) {
        for (const k of COARSE_SCALES) {
          const guess: PoseGuess = { x: w.x + w.side / 2, y: w.y + w.side / 2, sigma: sigma * 2 ** (k / (4 * RINGS_PER_OCTAVE)), angle: pose.angle, mirrored: pose.mirrored }
          const result = correlateAt(coarsePlan, levels, d, guess, cs, reference)
          if (result) guesses.push({ guess, score: result.correlation })
        }
      }
    }
    guesses.sort((a, b) => b.score - a.score)
    if ((guesses[0]?.score ?? 0) < opts.fineFrom) return null
    let best: { pose: PoseGuess; result: Correlated } | null = null
    for (const { guess } of guesses.slice(0, opts.fineGuesses)) {
      const result = correlateAt(tilePlan, levels, d, guess, vs)
      if (result && (!best || result.correlation > best.result.correlation)) best = { pose: guess, result }
    }
    return best
  }

  /**
   * Local search around the best coarse pose: the place a quarter period each way, then scale in
   * steps of 4.4 %, 4.4 %, 2.2 %, 1.1 % and turn in steps of 5.6°, 2.8°, 1.4°, 0.7° (the
   * registered turn is sometimes a few degrees off), each kept only when the correlation rises. A true copy's
   * correlation climbs to that of its exact pose (≈ 0.93–0.99 on the bench), which lets the
   * threshold sit well above what other patterns reach.
   */
  function refine(d: PatternDescriptor, levels: GreyImage[], start: { pose: PoseGuess; result: Correlated }): { pose: PoseGuess; result: Correlated } {
    let best = start
    // First the place: a period sampled across the edge of a copy inside a picture takes in the
    // photo around it; a quarter period inwards keeps it on the copy (any place on it is as good).
    const quarter = (best.pose.sigma * Math.sqrt(d.tileWidth * d.tileHeight)) / 4
    for (const [kx, ky] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
      const guess: PoseGuess = { ...best.pose, x: best.pose.x + kx * quarter, y: best.pose.y + ky * quarter }
      const result = correlateAt(tilePlan, levels, d, guess, vs)
      if (result && result.correlation > best.result.correlation) best = { pose: guess, result }
    }
    for (const [ds, da] of REFINE_STEPS) {
      for (const [ks, ka] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const guess: PoseGuess = { ...best.pose, sigma: best.pose.sigma * 2 ** (ks * ds), angle: best.pose.angle + ka * da }
        const result = correlateAt(tilePlan, levels, d, guess, vs)
        if (result && result.correlation > best.result.correlation) best = { pose: guess, result }
      }
    }
    return best
  }
}

/** Grey std (0..1) under which a window is too flat for the exact check: the 16² pass's floor. */
const FAINT_CONTRAST = MIN_CONTRAST / 4

/** Samples per side of the exact check's first pass. */
const COARSE_SAMPLES = 16
/**
 * Coarse scale offsets tried by the exact check, in sixteenths of an octave (quarter-rings).
 * ±1 ring: ±1.5 (7 offsets) found no copy more on either draw of the bench (2,040 copies),
 * and took 4–7 % longer.
 */
const COARSE_SCALES = [0, -2, 2, -4, 4]
/** Refinement steps: scale (octaves) and turn (radians). */
const REFINE_STEPS: readonly (readonly [number, number])[] = [
  [1 / 16, Math.PI / 32],
  [1 / 16, Math.PI / 64],
  [1 / 32, Math.PI / 128],
  [1 / 64, Math.PI / 256],
]
/**
 * Correlation (at 32², before refining) below which a candidate is not refined. Measured on
 * a quarter of seed 555 (255 images, 1,992 refinements): every copy's own pattern that
 * refined to 0.72 (the least a finding can have) started at 0.60 or more, and no other
 * pattern from under 0.55 got there; at 0.55 a third of the refinements of other patterns
 * are spared (it was 0.45).
 */
const REFINE_FROM = 0.55

function shiftRange(side: number, period: number, opts: CatalogueMatchOptions): { lo: number; hi: number } {
  return {
    lo: Math.max(8 - RINGS, Math.ceil(shiftFor(side, period, opts.maxScale))),
    hi: Math.min(RINGS - 8, Math.floor(shiftFor(side, period, opts.minScale))),
  }
}

function byDistance(a: Finding, b: Finding): number {
  return a.distance - b.distance || (a.patternId < b.patternId ? -1 : 1)
}

function normaliseDegrees(deg: number): number {
  let d = deg % 360
  if (d > 180) d -= 360
  if (d <= -180) d += 360
  return Math.round(d * 10) / 10
}

/** The bounding box of the matched period, in pixels of the original image. */
function regionOf(pose: PoseGuess, d: PatternDescriptor, factor: number): Finding['region'] {
  const corners = [samplePoint(pose, d, -0.5, -0.5), samplePoint(pose, d, TILE_SAMPLES - 0.5, -0.5), samplePoint(pose, d, -0.5, TILE_SAMPLES - 0.5), samplePoint(pose, d, TILE_SAMPLES - 0.5, TILE_SAMPLES - 0.5)]
  const xs = corners.map((c) => c[0] / factor)
  const ys = corners.map((c) => c[1] / factor)
  const x = Math.max(0, Math.round(Math.min(...xs)))
  const y = Math.max(0, Math.round(Math.min(...ys)))
  return { x, y, width: Math.round(Math.max(...xs)) - x, height: Math.round(Math.max(...ys)) - y }
}
