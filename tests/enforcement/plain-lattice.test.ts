/**
 * A catalogue pattern must say something about copying when it matches. A plain
 * lattice does not: when nearly all of a tile's detail is in four frequencies, a
 * lattice of those frequencies alone — which any checks, dot grid or plaid of that
 * spacing holds — correlates with it above what the matcher accepts. The catalogue
 * refuses such a repeat, saying why, and keeps the corpus's motifs.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { RgbaImage } from '../../src/enforcement/decode-image'
import { CATALOGUE_THRESHOLD } from '../../src/enforcement/catalogue-matcher'
import { fftPlan } from '../../src/enforcement/fft'
import { logPolarPlan } from '../../src/enforcement/log-polar'
import { describePattern, latticeShare, PLAIN_LATTICE } from '../../src/enforcement/pattern-descriptor'
import { prepareReference, TILE_SAMPLES } from '../../src/enforcement/reference'
import { twoColourTile as tile, PATTERN_KINDS, renderTile } from './corpus'

const plan = logPolarPlan()

const describe1 = (t: RgbaImage) => describePattern(plan, { patternId: 'p', name: 'Spots', tile: t })

function share(t: RgbaImage): number {
  const r = prepareReference({ patternId: 'x', name: 'x', tile: t }, fftPlan(TILE_SAMPLES))
  if (!r.ok) throw new Error(r.error)
  return latticeShare(r.reference.magnitude)
}

describe('the catalogue refuses plain lattices', () => {
  it('from the cut, a lattice of four frequencies alone correlates with the tile as a copy does', () => {
    // √share is that lattice's correlation with the tile; the matcher accepts 1 − threshold.
    expect(Math.sqrt(PLAIN_LATTICE)).toBeGreaterThan(1 - CATALOGUE_THRESHOLD)
  })

  it('property: polka dots (a square grid, dots over half the spacing across), any colours, size and count, are refused, saying why', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 72, max: 200 }),
        fc.integer({ min: 2, max: 3 }),
        fc.double({ min: 0.28, max: 0.45, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 }),
        (side, across, radius, c) => {
          const from = c.slice(0, 3)
          const to = c.slice(3)
          const luma = (k: number[]) => 0.299 * k[0]! + 0.587 * k[1]! + 0.114 * k[2]!
          fc.pre(Math.abs(luma(from) - luma(to)) > 60)
          const cell = side / across
          const dots = tile(side, side, (x, y) => (Math.hypot((x % cell) - cell / 2, (y % cell) - cell / 2) < radius * cell ? 1 : 0), from, to)
          const d = describe1(dots)
          expect(d.ok).toBe(false)
          if (!d.ok) {
            expect(d.tooPlain).toBe('plainLattice')
            expect(d.error).toMatch(/^Spots is a plain lattice .*would not show copying/)
          }
        },
      ),
      { numRuns: 40 },
    )
  })

  it.each([
    ['checks', (w: number, h: number) => (x: number, y: number) => (Math.floor((2 * x) / w) + Math.floor((2 * y) / h)) % 2],
    ['a plaid', (w: number, h: number) => (x: number, y: number) => Math.max(((3 * x) / w) % 1 < 0.3 ? 1 : 0, ((2 * y) / h) % 1 < 0.25 ? 0.6 : 0)],
  ])('%s is refused', (_, ink) => {
    const d = describe1(tile(150, 120, ink(150, 120)))
    expect(d.ok).toBe(false)
    if (!d.ok) expect(d.tooPlain).toBe('plainLattice')
  })

  it('a sparse grid of small dots is kept: its detail is in many harmonics, which no four-frequency lattice holds', () => {
    const small = tile(120, 100, (x, y) => (Math.hypot(x - 60, y - 50) < 10 ? 1 : 0))
    expect(share(small)).toBeLessThan(0.3)
    expect(describe1(small).ok).toBe(true)
  })

  it("the corpus's half-drop florals, line art, motifs and scattered dots are kept", () => {
    for (const kind of PATTERN_KINDS.filter((k) => k !== 'stripes')) {
      for (let seed = 1; seed <= 8; seed++) {
        const t = renderTile(kind, seed, 128, 112)
        expect(describe1(t).ok, `${kind} ${seed}`).toBe(true)
        expect(share(t), `${kind} ${seed}`).toBeLessThan(PLAIN_LATTICE)
      }
    }
  })
})
