/**
 * Benchmark: `loomprint match PACK...` (pack mode) on a generated corpus (tests/enforcement/corpus.ts).
 *
 *   npm run bench -- match
 *
 * The pack: 9 patterns (textile repeats with a ground, line art, scattered motifs;
 * tiles 128², 160² and 128 × 192). Copies: 4 of each kind per pattern — a crop of
 * 1.2–2.5 periods at another offset (PNG), the same as JPEG q60, exactly one period
 * at another offset (PNG), and 2–3 periods inside a larger photo-like picture (JPEG
 * q60) — every one scaled 0.5×–2× and hue-shifted up to ±12°. Negatives: copies of
 * 40 unrelated patterns (other seeds of the same kinds, stripes, polka dots) made
 * the same way, and 40 photo-like pictures with no pattern.
 *
 * Figures:
 *   packMatch.recall             copies whose best match is their pattern, within the default threshold
 *   packMatch.falsePositiveRate  negatives with any pattern within the default threshold
 *   packMatch.imagesPerSec       decode + match, per image, on this machine (median image size in packMatch.medianMegapixels)
 *   packMatch.minCopyCorrelation, packMatch.maxNegativeCorrelation   the margin around the threshold
 */
import { decodeImage } from '../src/enforcement/decode-image'
import { createMatcher, DEFAULT_THRESHOLD } from '../src/enforcement/match'
import { COPY_KINDS, makeCopy, packPatterns, photoNoise, seededRandom, toJpeg, unrelatedPatterns } from '../tests/enforcement/corpus'

const COPIES_PER_KIND = 4
const UNRELATED = 100
const PHOTOS = 100

function round(x: number, digits = 4): number {
  return Number(x.toFixed(digits))
}

export async function run(): Promise<Record<string, number>> {
  const pack = packPatterns(9, 1)
  const { matcher } = createMatcher(pack.map(({ patternId, name, tile }) => ({ patternId, name, tile })))
  const rng = seededRandom(2026)

  const positives: { patternId: string; bytes: Uint8Array }[] = []
  for (const p of pack) {
    for (const kind of COPY_KINDS) for (let i = 0; i < COPIES_PER_KIND; i++) positives.push({ patternId: p.patternId, bytes: makeCopy(p.tile, kind, rng).bytes })
  }
  const negatives: Uint8Array[] = []
  unrelatedPatterns(UNRELATED, 2).forEach((o, i) => negatives.push(makeCopy(o.tile, COPY_KINDS[i % COPY_KINDS.length]!, rng).bytes))
  for (let i = 0; i < PHOTOS; i++) negatives.push(toJpeg(photoNoise(240 + Math.floor(rng() * 560), 240 + Math.floor(rng() * 400), rng), 60))

  let seconds = 0
  const megapixels: number[] = []
  const score = (bytes: Uint8Array) => {
    const t0 = performance.now()
    const decoded = decodeImage(bytes)
    if (!decoded.ok) throw new Error(decoded.error)
    const scores = matcher.scoreImage(decoded.image)
    seconds += (performance.now() - t0) / 1000
    megapixels.push((decoded.image.width * decoded.image.height) / 1e6)
    return scores
  }

  let found = 0
  let minCopy = Infinity
  for (const p of positives) {
    const [best] = score(p.bytes)
    if (best!.patternId === p.patternId && best!.distance <= DEFAULT_THRESHOLD) found++
    minCopy = Math.min(minCopy, best!.correlation)
  }
  let falsePositives = 0
  let maxNegative = -Infinity
  for (const bytes of negatives) {
    const [best] = score(bytes)
    if (best!.distance <= DEFAULT_THRESHOLD) falsePositives++
    maxNegative = Math.max(maxNegative, best!.correlation)
  }
  megapixels.sort((a, b) => a - b)
  return {
    'packMatch.recall': round(found / positives.length),
    'packMatch.falsePositiveRate': round(falsePositives / negatives.length),
    'packMatch.imagesPerSec': round((positives.length + negatives.length) / seconds, 2),
    'packMatch.images': positives.length + negatives.length,
    'packMatch.medianMegapixels': round(megapixels[megapixels.length >> 1]!, 3),
    'packMatch.minCopyCorrelation': round(minCopy),
    'packMatch.maxNegativeCorrelation': round(maxNegative),
  }
}
