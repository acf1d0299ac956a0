/**
 * The catalogue matcher's cheap first passes must not change what it finds: the
 * short list's quick pass (3 harmonics per ring, then the best again on 8), the exact
 * check's coarse pass (16² samples, then the best poses at 32²), and the blur every
 * sampled window goes through.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeImage } from '../../src/enforcement/decode-image'
import { fftPlan } from '../../src/enforcement/fft'
import { toGrey } from '../../src/enforcement/grey'
import { imageSpectra, leastAlike } from '../../src/enforcement/image-spectra'
import { ANGLES, fft1, fftPlan1, HARMONICS, logPolarPlan, RINGS } from '../../src/enforcement/log-polar'
import { registerScratch, turnCurve } from '../../src/enforcement/register'
import { describePattern, type PatternDescriptor } from '../../src/enforcement/pattern-descriptor'
import { blur121, coarseReference } from '../../src/enforcement/reference'
import { pyramid } from '../../src/enforcement/resample'
import { shortlist, shortlistIndex, shortlistViews, viewScores } from '../../src/enforcement/shortlist'
import { correlateAt, verifyScratch } from '../../src/enforcement/verify-copy'
import { embed, photoNoise, renderTile, seededRandom, type CorpusPattern } from './corpus'
import { transformedCopy, viewRepeat } from './transform-corpus'
import type { RgbaImage } from '../../src/enforcement/decode-image'
import { CATALOGUE_THRESHOLD, CLOSER_LOOK_UNDER, createCatalogueMatcher } from '../../src/enforcement/catalogue-matcher'

const plan = logPolarPlan()

function describeAll(patterns: readonly CorpusPattern[]): PatternDescriptor[] {
  return patterns.map((p) => {
    const d = describePattern(plan, p)
    if (!d.ok) throw new Error(d.error)
    return d.descriptor
  })
}

/** The [1 2 1] blur written the plain way: what blur121 must equal, to the bit. */
function plainBlur(data: Float64Array, width: number, height: number, wrap: boolean): void {
  const at = (i: number, n: number): number => (wrap ? (i + n) % n : Math.min(n - 1, Math.max(0, i)))
  const tmp = new Float64Array(width * height)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) tmp[y * width + x] = (data[y * width + at(x - 1, width)]! + 2 * data[y * width + x]! + data[y * width + at(x + 1, width)]!) / 4
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = (tmp[at(y - 1, height) * width + x]! + 2 * tmp[y * width + x]! + tmp[at(y + 1, height) * width + x]!) / 4
}

describe('blur121', () => {
  it('property: equals the plain formula exactly, circular and clamped, any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.integer(), (width, height, wrap, seed) => {
        const rng = seededRandom(seed)
        const a = Float64Array.from({ length: width * height }, () => rng())
        const b = Float64Array.from(a)
        blur121(a, width, height, wrap)
        plainBlur(b, width, height, wrap)
        expect([...a]).toEqual([...b])
      }),
    )
  })
})

/** A repeat of `tile` three periods wide, as a pyramid. */
function repeatLevels(tile: RgbaImage) {
  const view = viewRepeat(tile, { angle: 0, mirrored: false, scale: 1, offsetX: 0, offsetY: 0, width: tile.width * 3, height: tile.height * 3 })
  return { view, levels: pyramid(toGrey(view), 8) }
}

/** A tile of faint, translucent shapes (as geopattern draws): little grey contrast. */
function faint(tile: RgbaImage): RgbaImage {
  const data = Uint8ClampedArray.from(tile.data, (v, i) => (i % 4 === 3 ? v : 180 + Math.round((v * 60) / 255)))
  return { width: tile.width, height: tile.height, data: new Uint8Array(data.buffer) } as RgbaImage
}

describe("the exact check's coarse pass ranks poses as the full one does", () => {
  const coarsePlan = fftPlan(16)
  const fullPlan = fftPlan(32)
  const tiles = [
    ['textile', renderTile('textile', 7, 128, 128)],
    ['line art', renderTile('lineArt', 8, 160, 160)],
    ['scattered, not square', renderTile('scattered', 9, 128, 192)],
    ['faint line art, wider', faint(renderTile('lineArt', 12, 150, 150))],
    ['faint line art', faint(renderTile('lineArt', 11, 131, 131))],
  ] as const
  it.each(tiles)('%s: at the true pose ≥ 0.85 on 16², and above the same pose a fifth off in scale or 30° off in turn', (_name, tile) => {
    const [d] = describeAll([{ patternId: 'p', name: 'p', kind: 'textile', tile }])
    const { view, levels } = repeatLevels(tile)
    const reference = coarseReference(d!.reference, coarsePlan)
    const pose = { x: view.width / 2 + 7, y: view.height / 2 + 3, sigma: 1, angle: 0, mirrored: false }
    const at = (p: typeof pose) => correlateAt(coarsePlan, levels, d!, p, verifyScratch(16), reference)?.correlation ?? 0
    const exact = at(pose)
    expect(exact).toBeGreaterThanOrEqual(0.85)
    expect(exact).toBeGreaterThan(at({ ...pose, sigma: 1.2 }))
    expect(exact).toBeGreaterThan(at({ ...pose, angle: Math.PI / 6 }))
    // …and the full check agrees the pose is right.
    expect(correlateAt(fullPlan, levels, d!, pose, verifyScratch(32))!.correlation).toBeGreaterThan(0.9)
  })
})

describe("the short list's quick pass keeps what the full pass would put first", () => {
  // 120 patterns, a list of 10: the quick pass scores all 120 on 3 harmonics and keeps 40
  // (a third: it runs only where it keeps under 0.4 of the catalogue).
  const kinds = ['textile', 'lineArt', 'scattered'] as const
  const patterns: CorpusPattern[] = Array.from({ length: 120 }, (_, i) => ({ patternId: `p${i}`, name: `p${i}`, kind: kinds[i % 3]!, tile: renderTile(kinds[i % 3]!, 500 + i, [128, 144, 160][i % 3]!, [128, 160, 144][(i >> 1) % 3]!) }))
  const index = shortlistIndex(describeAll(patterns))
  const range = { min: 0.4, max: 2.5 }
  const rng = seededRandom(77)
  const copies = Array.from({ length: 12 }, (_, i) => {
    const p = patterns[(i * 37) % patterns.length]!
    const copy = transformedCopy(p.tile, (['plain', 'turned', 'mirrored', 'recoloured'] as const)[i % 4]!, rng, i % 3 === 0, i % 2 === 0)
    const decoded = decodeImage(copy.bytes)
    if (!decoded.ok) throw new Error(decoded.error)
    const views = imageSpectra(plan, pyramid(toGrey(decoded.image), 8)).map((l) => ({ side: l.side, magnitude: l.harmonics.magnitude }))
    return { p, views: shortlistViews(views) }
  })
  it.each(copies.map((c, i) => [i, c] as const))('copy %i: its own pattern where scoring every pattern fully puts it, and the same first three', (_i, { p, views }) => {
    const quick = shortlist(index, views, range, 10, 4)
    const full = shortlist(index, views, range, 10, 0)
    const own = patterns.indexOf(p)
    expect(full.some((h) => h.index === own)).toBe(true)
    expect(quick.findIndex((h) => h.index === own)).toBe(full.findIndex((h) => h.index === own))
    expect(quick.slice(0, 3).map((h) => h.index)).toEqual(full.slice(0, 3).map((h) => h.index))
    expect(quick[0]).toEqual(full[0])
  })
})

describe('the short list scores each window as it would alone', () => {
  // It sums several windows against one pattern at once (eight, four, then one at a time):
  // how many windows an image has must not change any window's score.
  const rng = seededRandom(5)
  const spectrum = () => Float32Array.from({ length: RINGS * HARMONICS }, () => rng())
  const fakes = Array.from({ length: 30 }, (_, i) => ({ harmonics: { magnitude: spectrum() }, tileWidth: 60 + 7 * i, tileHeight: 90 + 5 * i }) as unknown as PatternDescriptor)
  const index = shortlistIndex(fakes)
  const range = { min: 0.4, max: 2.5 }
  it('property: each pattern\'s score over any number of windows of two sizes is the best of its scores on each window alone, to the bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 21 }), fc.integer({ min: 0, max: 13 }), (big, small) => {
        const views = shortlistViews([...Array.from({ length: big }, () => ({ side: 400, magnitude: spectrum() })), ...Array.from({ length: small }, () => ({ side: 230, magnitude: spectrum() }))])
        const hits = shortlist(index, views, range, fakes.length, 0)
        expect(hits.length).toBeGreaterThan(0)
        for (const hit of hits) {
          const alone = viewScores(index, views, range, hit.index)
          expect(hit.score).toBe(Math.max(...alone))
          expect(alone[hit.level]).toBe(hit.score)
        }
      }),
      { numRuns: 40 },
    )
  })
})

describe('the closer look is skipped only for a picture that is one texture throughout', () => {
  const kinds = [
    ['textile', 3],
    ['lineArt', 4],
    ['scattered', 5],
    ['textile', 6],
    ['lineArt', 7],
    ['scattered', 8],
    ['lineArt', 9],
  ] as const
  const rng = seededRandom(41)
  const cases = kinds.map(([kind, seed]) => {
    const tile = renderTile(kind, seed, 128, 128)
    // A repeat filling a frame five periods across, and one of about 1.3 periods taking half a photo's side.
    const filling = viewRepeat(tile, { angle: 0.3, mirrored: false, scale: 0.6, offsetX: 5, offsetY: 9, width: 400, height: 320 })
    const inPicture = embed(photoNoise(340, 320, rng), viewRepeat(tile, { angle: 0.3, mirrored: false, scale: 1, offsetX: 5, offsetY: 9, width: 170, height: 165 }), 60, 70)
    return { kind, seed, pattern: { patternId: `${kind}-${seed}`, name: `${kind} ${seed}`, kind, tile } as CorpusPattern, filling, inPicture }
  })
  const likeness = (img: RgbaImage) => leastAlike(imageSpectra(plan, pyramid(toGrey(img), 8))[1]!)
  it.each(cases.map((c) => [`${c.kind} ${c.seed}`, c] as const))('%s filling the frame: every two windows alike enough to skip it', (_name, { filling }) => {
    expect(likeness(filling)).toBeGreaterThanOrEqual(CLOSER_LOOK_UNDER)
  })
  it.each(cases.filter((c) => c.kind !== 'lineArt').map((c) => [`${c.kind} ${c.seed}`, c] as const))('%s inside a photo: some windows on it and some off it, not alike enough', (_name, { inPicture }) => {
    expect(likeness(inPicture)).toBeLessThan(CLOSER_LOOK_UNDER)
  })
  it('copies inside photos are found as often as when the closer look is always taken (line art on a pale ground can look as alike as a photo)', () => {
    const catalogue = describeAll(cases.map((c) => c.pattern))
    const verdicts = (closerLookUnder: number) => {
      const matcher = createCatalogueMatcher(catalogue, { closerLookUnder })
      return cases.map((c) => {
        const best = matcher.findCopies(c.inPicture)[0]
        return best !== undefined && best.patternId === c.pattern.patternId && best.distance <= CATALOGUE_THRESHOLD
      })
    }
    const always = verdicts(2)
    expect(always.filter(Boolean).length).toBeGreaterThanOrEqual(cases.length - 1)
    expect(verdicts(CLOSER_LOOK_UNDER)).toEqual(always)
  })
})

describe("registration's turn curve", () => {
  it('property: the half-length transform gives what the full inverse FFT of the real curve gives', () => {
    const full = fftPlan1(ANGLES)
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = seededRandom(seed)
        const harmonics = Array.from({ length: ANGLES / 2 }, (_, m) => [rng() - 0.5, m === 0 ? 0 : rng() - 0.5] as const)
        const s = registerScratch()
        harmonics.forEach(([re, im], m) => {
          s.re[m] = re
          s.im[m] = im
        })
        const curve = Array.from(turnCurve(s))
        // The plain way: every harmonic and its conjugate, one inverse FFT of the full length.
        const re = new Float64Array(ANGLES)
        const im = new Float64Array(ANGLES)
        harmonics.forEach(([r, i], m) => {
          re[m] = r
          im[m] = i
          if (m > 0) {
            re[ANGLES - m] = r
            im[ANGLES - m] = -i
          }
        })
        fft1(full, re, im, true)
        curve.forEach((v, t) => expect(v).toBeCloseTo(re[t]!, 9))
      }),
      { numRuns: 50 },
    )
  })
})
