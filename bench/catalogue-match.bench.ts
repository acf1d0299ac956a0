/**
 * Benchmark: `loomprint match --catalogue` at catalogue scale (issue #23).
 *
 *   npm run bench -- match
 *
 * Catalogue (≥ 1,000 patterns): hero-patterns (80 of 87 drawings; the other 7 are
 * held out as negatives), geopattern repeats and procedural tiles
 * (bench/fixtures/catalogue-patterns.ts). Corpus (≥ 2,000 images): ≥ 1,000 copies
 * of catalogue patterns, each at a random offset and scale 0.5×–2×, under one
 * transformation (plain, turned by any angle, mirrored, recoloured, light and dark
 * swapped, greyscale — tests/enforcement/transform-corpus.ts); 40 % inside a larger
 * photo-like picture, 50 % saved as JPEG q50. ≥ 1,000 negatives: patterns of the
 * same styles that are not in the catalogue (other geopattern strings, other
 * procedural seeds, the held-out hero drawings, stripes and dots), made the same
 * way, and photo-like pictures.
 *
 * Figures:
 *   match.recall.<transform>   copies whose best finding is their pattern within the threshold
 *   match.recall.inPicture, match.recall.jpeg50, match.recall (all copies)
 *   match.exactCheckRecall     copies whose pattern reached the exact check (what the short list gives up)
 *   match.falsePositiveRate    negatives with any finding within the threshold
 *   match.imagesPerSec         decode + match, all cores (worker threads), 1,000 patterns
 *   match.msPerImagePer1000Patterns, match.msPerImagePer100Patterns   one thread, the same images
 *   match.minCopyCorrelation, match.maxNegativeCorrelation
 */
import { decodeImage, type RgbaImage } from '../src/enforcement/decode-image'
import { CATALOGUE_THRESHOLD, createCatalogueMatcher, type Finding } from '../src/enforcement/catalogue-matcher'
import { logPolarPlan, type LogPolarPlan } from '../src/enforcement/log-polar'
import { fft2, fftPlan, type FftPlan } from '../src/enforcement/fft'
import { prepareReference, TILE_SAMPLES, type Reference } from '../src/enforcement/reference'
import { DESCRIPTOR_FLOATS, describePattern, packDescriptor, type PatternDescriptor } from '../src/enforcement/pattern-descriptor'
import { DESCRIPTOR_VERSION, type CatalogueFile } from '../src/cli/match/catalogue-store'
import { createPool, defaultWorkers } from '../src/cli/match/match-pool'
import { photoNoise, seededRandom, toJpeg } from '../tests/enforcement/corpus'
import { TRANSFORMS, transformedCopy, type Transform } from '../tests/enforcement/transform-corpus'
import { geoPatterns, HERO_NAMES, heroPatterns, proceduralPatterns, type BenchPattern } from './fixtures/catalogue-patterns'

/** MATCH_BENCH_SCALE=0.1 for a quick look (figures then fall short of the sizes). */
const SCALE = Number(process.env.MATCH_BENCH_SCALE ?? 1)
const CATALOGUE = Math.round(1000 * SCALE)
const COPIES = Math.round(1020 * SCALE) // 170 per transformation
const NEGATIVE_PATTERNS = Math.round(700 * SCALE)
const PHOTOS = Math.round(320 * SCALE)
/** MATCH_BENCH_SEED=N draws other copies, offsets and negatives (a held-out check; figure match.benchSeed). */
const SEED = Number(process.env.MATCH_BENCH_SEED ?? 2323)
const TIMED_SAMPLE = Math.max(10, Math.round(60 * SCALE))

function round(x: number, digits = 4): number {
  return Number(x.toFixed(digits))
}

/**
 * The same design twice is one pattern: geopattern draws some designs again for other
 * strings, and a few procedural seeds land close. A pattern whose grey tile correlates
 * with an earlier one's at ≥ DUPLICATE (any circular shift, either sign, the same size)
 * is left out of the catalogue, and a negative that close to a catalogue pattern is a
 * copy, not a negative: it is left out too. Plain tile against tile, not the matcher.
 */
const DUPLICATE = 0.9

function tileReference(plan32: FftPlan, p: BenchPattern): Reference | null {
  const r = prepareReference({ patternId: p.patternId, name: p.name, tile: p.tile }, plan32)
  return r.ok ? r.reference : null
}

function tilesAlike(plan32: FftPlan, a: Reference, b: Reference, re: Float64Array, im: Float64Array): number {
  for (let k = 0; k < re.length; k++) {
    re[k] = a.re[k]! * b.re[k]! + a.im[k]! * b.im[k]!
    im[k] = a.im[k]! * b.re[k]! - a.re[k]! * b.im[k]!
  }
  fft2(plan32, re, im, true)
  let best = 0
  for (let k = 0; k < re.length; k++) best = Math.max(best, Math.abs(re[k]!))
  return best / re.length
}

export function makeCatalogue(plan: LogPolarPlan): { catalogue: BenchPattern[]; descriptors: PatternDescriptor[]; others: BenchPattern[]; refused: { flat: number; oneDirection: number; plainLattice: number; duplicate: number; negativeCopies: number } } {
  const plan32 = fftPlan(TILE_SAMPLES)
  const re = new Float64Array(TILE_SAMPLES * TILE_SAMPLES)
  const im = new Float64Array(TILE_SAMPLES * TILE_SAMPLES)
  const heldOut = new Set(HERO_NAMES.filter((_, i) => i % 12 === 5))
  const hero = heroPatterns(HERO_NAMES.filter((n) => !heldOut.has(n)).slice(0, Math.round(CATALOGUE * 0.08)), 101)
  // More than needed: flat tiles and duplicates are refused below, as `catalogue add` refuses flat ones.
  const geoCount = Math.round((CATALOGUE - hero.length) * 0.45 * 1.5)
  const pool = [...hero, ...interleave(geoPatterns(geoCount, 'catalogue', 102), proceduralPatterns(Math.round((CATALOGUE - hero.length) * 0.55 * 1.3), 103))]
  const catalogue: BenchPattern[] = []
  const descriptors: PatternDescriptor[] = []
  const kept: Reference[] = []
  const refused = { flat: 0, oneDirection: 0, plainLattice: 0, duplicate: 0, negativeCopies: 0 }
  for (const p of pool) {
    if (catalogue.length === CATALOGUE) break
    const d = describePattern(plan, { patternId: p.patternId, name: p.name, tile: p.tile })
    const ref = d.ok ? tileReference(plan32, p) : null
    if (!d.ok || !ref) {
      if (!d.ok && d.tooPlain) refused[d.tooPlain]++
      else refused.flat++
      continue
    }
    if (kept.some((k) => tilesAlike(plan32, k, ref, re, im) >= DUPLICATE)) {
      refused.duplicate++
      continue
    }
    kept.push(ref)
    catalogue.push(p)
    descriptors.push(d.descriptor)
  }
  const candidates = [
    ...heroPatterns([...heldOut], 104),
    ...geoPatterns(Math.round(NEGATIVE_PATTERNS * 0.45), 'elsewhere', 105),
    ...proceduralPatterns(Math.round(NEGATIVE_PATTERNS * 0.45), 106),
    ...proceduralPatterns(NEGATIVE_PATTERNS, 107, ['stripes', 'dots']),
  ]
  const others: BenchPattern[] = []
  for (const p of candidates) {
    if (others.length === NEGATIVE_PATTERNS) break
    const ref = tileReference(plan32, p)
    if (ref && kept.some((k) => tilesAlike(plan32, k, ref, re, im) >= DUPLICATE)) {
      refused.negativeCopies++
      continue
    }
    others.push(p)
  }
  return { catalogue, descriptors, others, refused }
}

/** a0, b0, a1, b1, … then the rest of the longer list: both styles reach the catalogue whatever its size. */
function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!)
    if (i < b.length) out.push(b[i]!)
  }
  return out
}

/** Which kind of negative an item is (a family's false positives are reported apart). */
export type Family = 'heroHeldOut' | 'geopattern' | 'procedural' | 'stripesAndDots' | 'photo'
export type Item = { bytes: Uint8Array; truth: string | null; transform: Transform | 'photo'; inPicture: boolean; jpeg: boolean; family?: Family }

function familyOf(p: BenchPattern): Family {
  if (p.source === 'hero') return 'heroHeldOut'
  if (p.source === 'geopattern') return 'geopattern'
  return p.style === 'stripes' || p.style === 'dots' ? 'stripesAndDots' : 'procedural'
}

/** The corpus: copies of catalogue patterns under every transformation, negatives, photos. */
export function makeCorpus(catalogue: readonly BenchPattern[], others: readonly BenchPattern[], seed = SEED): Item[] {
  const rng = seededRandom(seed)
  const items: Item[] = []
  for (let i = 0; i < COPIES; i++) {
    const p = catalogue[Math.floor(rng() * catalogue.length)]!
    const transform = TRANSFORMS[i % TRANSFORMS.length]!
    const c = transformedCopy(p.tile, transform, rng, rng() < 0.4, rng() < 0.5)
    items.push({ bytes: c.bytes, truth: p.patternId, transform, inPicture: c.inPicture, jpeg: c.jpeg })
  }
  for (let i = 0; i < others.length; i++) {
    const transform = TRANSFORMS[i % TRANSFORMS.length]!
    const c = transformedCopy(others[i]!.tile, transform, rng, rng() < 0.4, rng() < 0.5)
    items.push({ bytes: c.bytes, truth: null, transform, inPicture: c.inPicture, jpeg: c.jpeg, family: familyOf(others[i]!) })
  }
  for (let i = 0; i < PHOTOS; i++) {
    const img: RgbaImage = photoNoise(200 + Math.floor(rng() * 700), 200 + Math.floor(rng() * 500), rng)
    items.push({ bytes: toJpeg(img, 50), truth: null, transform: 'photo', inPicture: false, jpeg: true, family: 'photo' })
  }
  return items
}

export async function run(): Promise<Record<string, number>> {
  const plan = logPolarPlan()
  const { catalogue, descriptors, others, refused } = makeCatalogue(plan)
  const items = makeCorpus(catalogue, others)

  // All cores: the sweep's own worker pool.
  const floats = new Float32Array(new SharedArrayBuffer(descriptors.length * DESCRIPTOR_FLOATS * 4))
  descriptors.forEach((d, slot) => floats.set(packDescriptor(d), slot * DESCRIPTOR_FLOATS))
  const file: CatalogueFile = {
    format: 'loomprint-catalogue',
    version: 1,
    descriptorVersion: DESCRIPTOR_VERSION,
    floatsPerPattern: DESCRIPTOR_FLOATS,
    packs: [],
    patterns: descriptors.map((d, slot) => ({ patternId: d.patternId, packId: 'bench', name: d.name, tileWidth: d.tileWidth, tileHeight: d.tileHeight, slot })),
  }
  const pool = createPool(defaultWorkers(), { role: 'loomprint-match', file, descriptors: floats, options: {} })
  const findings: Finding[][] = new Array(items.length)
  const t0 = performance.now()
  let cursor = 0
  await Promise.all(
    Array.from({ length: pool.size }, async () => {
      while (cursor < items.length) {
        const i = cursor++
        const answer = await pool.scan(new Uint8Array(items[i]!.bytes))
        if (!answer.ok) throw new Error(answer.reason)
        findings[i] = answer.findings
      }
    }),
  )
  const sweepSeconds = (performance.now() - t0) / 1000
  await pool.close()

  // One thread, a sample of the same images, against 1,000 and against 100 patterns.
  const sample = items.filter((_, i) => i % Math.floor(items.length / TIMED_SAMPLE) === 0).slice(0, TIMED_SAMPLE)
  const decoded = sample.map((it) => {
    const d = decodeImage(it.bytes)
    if (!d.ok) throw new Error(d.error)
    return d.image
  })
  const timePer = (patterns: PatternDescriptor[]): number => {
    const m = createCatalogueMatcher(patterns)
    const t = performance.now()
    for (const img of decoded) m.findCopies(img)
    return (performance.now() - t) / decoded.length
  }
  const ms1000 = timePer(descriptors.slice(0, 1000))
  const ms100 = timePer(descriptors.slice(0, Math.min(100, descriptors.length)))

  const figures: Record<string, number> = {}
  const found = (i: number): boolean => {
    const best = findings[i]![0]
    return best !== undefined && best.patternId === items[i]!.truth && best.distance <= CATALOGUE_THRESHOLD
  }
  const positives = items.map((it, i) => ({ it, i })).filter(({ it }) => it.truth !== null)
  const recallOf = (subset: { i: number }[]): number => round(subset.filter(({ i }) => found(i)).length / Math.max(1, subset.length))
  for (const t of TRANSFORMS) figures[`match.recall.${t}`] = recallOf(positives.filter(({ it }) => it.transform === t))
  figures['match.recall.inPicture'] = recallOf(positives.filter(({ it }) => it.inPicture))
  figures['match.recall.jpeg50'] = recallOf(positives.filter(({ it }) => it.jpeg))
  figures['match.recall'] = recallOf(positives)
  figures['match.exactCheckRecall'] = round(positives.filter(({ it, i }) => findings[i]!.some((f) => f.patternId === it.truth)).length / positives.length)
  const negatives = items.map((it, i) => ({ it, i })).filter(({ it }) => it.truth === null)
  figures['match.falsePositiveRate'] = round(negatives.filter(({ i }) => (findings[i]![0]?.distance ?? 2) <= CATALOGUE_THRESHOLD).length / negatives.length)
  // Per family: stripes of another width, turned and scaled, can be the catalogue's own
  // stripes (the duplicate filter above compares tiles at one size and turn only).
  for (const family of ['heroHeldOut', 'geopattern', 'procedural', 'stripesAndDots', 'photo'] as const) {
    const of = negatives.filter(({ it }) => it.family === family)
    figures[`match.falsePositiveRate.${family}`] = round(of.filter(({ i }) => (findings[i]![0]?.distance ?? 2) <= CATALOGUE_THRESHOLD).length / Math.max(1, of.length))
    figures[`match.negatives.${family}`] = of.length
  }
  figures['match.maxNegativeCorrelation'] = round(Math.max(...negatives.map(({ i }) => findings[i]![0]?.correlation ?? 0)))
  const copyCorrelations = positives.map(({ it, i }) => findings[i]!.find((f) => f.patternId === it.truth)?.correlation ?? 0).sort((a, b) => a - b)
  figures['match.copyCorrelationP05'] = round(copyCorrelations[Math.floor(copyCorrelations.length * 0.05)]!)
  figures['match.images'] = items.length
  figures['match.benchScale'] = SCALE
  figures['match.benchSeed'] = SEED
  figures['match.cataloguePatterns'] = descriptors.length
  figures['match.refusedFlat'] = refused.flat
  figures['match.refusedOneDirection'] = refused.oneDirection
  figures['match.refusedPlainLattice'] = refused.plainLattice
  figures['match.refusedDuplicates'] = refused.duplicate
  figures['match.negativesThatWereCopies'] = refused.negativeCopies
  figures['match.negatives'] = items.filter((it) => it.truth === null).length
  figures['match.workers'] = pool.size
  figures['match.imagesPerSec'] = round(items.length / sweepSeconds, 2)
  figures['match.msPerImagePer1000Patterns'] = round(ms1000, 1)
  figures['match.msPerImagePer100Patterns'] = round(ms100, 1)
  return figures
}
