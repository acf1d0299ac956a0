/**
 * Pictures in the coefficient (issue #20), through its public face: `imageSample`, a
 * snapshot's `images`, image fills with their placement and adjustments.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareOnCanvas, imageSample, sampleBudget, scoreContribution, type ImagePaintSnapshot, type PatternSnapshot } from '../../src/coefficient/index'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { pictureTile } from './judged/picture-scores'
import { mirror, motifTile, paintOver, painterly, roll, type Picture } from './judged/pictures-set'

function pattern(pics: Record<string, Picture>, paint: Partial<ImagePaintSnapshot> & { imageHash: string }, samples = true): PatternSnapshot {
  return pictureTile(paint, samples ? Object.fromEntries(Object.entries(pics).map(([h, p]) => [h, imageSample(p)])) : undefined)
}

const small = (seed: number) => painterly(seed, 96)

describe('imageSample', () => {
  it.each([
    [512, 512, 65_536, 128, 128],
    [2048, 1024, 65_536, 128, 64],
    [100, 50, 65_536, 100, 50],
    [512, 512, sampleBudget(4), 64, 64],
  ])('a %i × %i picture within %i bytes is sampled at %i × %i', (w, h, budget, sw, sh) => {
    const s = imageSample({ width: w, height: h, data: new Uint8Array(w * h * 4).fill(200) }, budget)
    expect([s.width, s.height]).toEqual([sw, sh])
    expect(s.width * s.height * 4).toBeLessThanOrEqual(budget)
    expect([s.sourceWidth, s.sourceHeight]).toEqual([w, h])
  })

  it('refuses bytes that do not make the picture it says', () => {
    expect(() => imageSample({ width: 10, height: 10, data: new Uint8Array(12) })).toThrow(/RGBA bytes/)
  })
})

describe('a picture scored by its pixels', () => {
  const ai = () => painterly(11)

  it('an untouched picture, or the same image placed by Figma’s crop or tile, scores 0', () => {
    const base = pattern({ a: ai() }, { imageHash: 'a' })
    expect(scoreContribution(base, pattern({ a: ai() }, { imageHash: 'a' })).hcc).toBe(0)
    expect(scoreContribution(base, pattern({ a: ai() }, { imageHash: 'a', scaleMode: 'TILE', scalingFactor: 0.5 })).hcc).toBe(0)
    expect(scoreContribution(base, pattern({ a: ai() }, { imageHash: 'a', scaleMode: 'CROP', imageTransform: [[0.6, 0, 0.2], [0, 0.6, 0.1]] })).hcc).toBe(0)
  })

  it('a picture shifted by part of its repeat or mirrored is fitted: it scores below 0.02', () => {
    const base = pattern({ a: ai() }, { imageHash: 'a' })
    expect(scoreContribution(base, pattern({ b: roll(ai(), 100, 37) }, { imageHash: 'b' })).hcc).toBeLessThan(0.02)
    expect(scoreContribution(base, pattern({ b: mirror(motifTile(), 'x') }, { imageHash: 'b' })).hcc).toBeGreaterThan(0.3) // another picture mirrored is still another picture
    expect(scoreContribution(base, pattern({ b: mirror(ai(), 'x') }, { imageHash: 'b' })).hcc).toBeLessThan(0.02)
  })

  it('a baseline without samples keeps the old rule: a replaced picture counts fully, and says so', () => {
    const base = pattern({ a: ai() }, { imageHash: 'a' }, false)
    const c = compareOnCanvas(base, pattern({ b: ai() }, { imageHash: 'b' }), DEFAULT_POLICY, 'id')
    expect(c.score.hcc).toBe(1)
    expect(c.pictures).toEqual([expect.objectContaining({ id: '1:2', replaced: true, changedShare: null })])
  })

  it('painting a larger region never scores lower (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 }), (x1, x2) => {
        const [lo, hi] = x1 <= x2 ? [x1, x2] : [x2, x1]
        const base = pattern({ a: small(3) }, { imageHash: 'a' })
        const paint = (w: number) => scoreContribution(base, pattern({ b: paintOver(small(3), small(77), (x) => x < w) }, { imageHash: 'b' })).hcc
        expect(paint(hi)).toBeGreaterThanOrEqual(paint(lo) - 1e-9)
      }),
      { numRuns: 12 },
    )
  })

  it('a stronger adjustment never scores lower, and stays within 0..1 (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('exposure', 'saturation', 'temperature', 'contrast'), (p, q, k) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p]
        const base = pattern({ a: small(5) }, { imageHash: 'a' })
        const graded = (v: number) => scoreContribution(base, pattern({ a: small(5) }, { imageHash: 'a', filters: { [k]: k === 'saturation' ? -v : v } })).hcc
        const a = graded(lo)
        const b = graded(hi)
        expect(a).toBeGreaterThanOrEqual(0)
        expect(b).toBeLessThanOrEqual(1)
        expect(b).toBeGreaterThanOrEqual(a - 1e-9)
      }),
      { numRuns: 12 },
    )
  })
})
