/**
 * A catalogue pattern must say something about copying when it matches. Plain stripes
 * do not: any stripes of that width match them at some turn and scale. The catalogue
 * refuses a repeat that varies along one direction only, whatever the direction,
 * width, colours or tile size, and keeps everything with detail across two
 * directions: checks, plaids, dots, and the corpus's motifs.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { RgbaImage } from '../../src/enforcement/decode-image'
import { logPolarPlan } from '../../src/enforcement/log-polar'
import { describePattern, lineShare } from '../../src/enforcement/pattern-descriptor'
import { fftPlan } from '../../src/enforcement/fft'
import { prepareReference, TILE_SAMPLES } from '../../src/enforcement/reference'
import { twoColourTile as tile, renderTile, PATTERN_KINDS } from './corpus'

const plan = logPolarPlan()

type Ink = (x: number, y: number) => number

/** Stripes with p periods across the tile's width and q down its height (whole periods: the tile repeats). */
function stripes(w: number, h: number, p: number, q: number, duty: number): Ink {
  return (x, y) => ((((p * x) / w + (q * y) / h) % 1) + 1) % 1 < duty ? 1 : 0
}

function describe1(name: string, t: RgbaImage) {
  return describePattern(plan, { patternId: name, name, tile: t })
}

function share(t: RgbaImage): number {
  const r = prepareReference({ patternId: 'x', name: 'x', tile: t }, fftPlan(TILE_SAMPLES))
  if (!r.ok) throw new Error(r.error)
  return lineShare(r.reference.magnitude, TILE_SAMPLES)
}

describe('the catalogue refuses plain stripes', () => {
  it('property: stripes in any direction, of any width, on any tile are refused, saying why', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 64, max: 220 }),
        fc.integer({ min: 64, max: 220 }),
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0.15, max: 0.8, noNaN: true }),
        (w, h, p, q, duty) => {
          fc.pre(p !== 0 || q !== 0)
          const d = describe1('stripes', tile(w, h, stripes(w, h, p, q, duty)))
          expect(d.ok).toBe(false)
          if (!d.ok) {
            expect(d.tooPlain).toBe('oneDirection')
            expect(d.error).toMatch(/one direction only/)
          }
        },
      ),
      { numRuns: 40 },
    )
  })

  it.each([
    ['checks', (w: number, h: number): Ink => (x, y) => (Math.floor((2 * x) / w) + Math.floor((2 * y) / h)) % 2],
    ['plaid', (w: number, h: number): Ink => (x, y) => Math.max(stripes(w, h, 3, 0, 0.3)(x, y), 0.6 * stripes(w, h, 0, 2, 0.25)(x, y))],
    ['dots', (w: number, h: number): Ink => (x, y) => (Math.hypot((x % (w / 3)) - w / 6, (y % (h / 3)) - h / 6) < w / 12 ? 1 : 0)],
    ['stripes with a motif', (w: number, h: number): Ink => (x, y) => Math.max(stripes(w, h, 2, 2, 0.3)(x, y), Math.hypot(x - w / 4, y - (3 * h) / 4) < w / 8 ? 1 : 0)],
  ])('%s are not taken for stripes (detail across two directions)', (_, ink) => {
    // Plain checks, plaids and dot grids are refused as plain lattices (plain-lattice.test.ts).
    const d = describe1('kept', tile(150, 120, ink(150, 120)))
    if (!d.ok) expect(d.tooPlain).not.toBe('oneDirection')
    expect(share(tile(150, 120, ink(150, 120)))).toBeLessThan(0.9)
  })

  it("the corpus's motifs and dots are kept, far from the line; its stripes (a hairline across them) are refused", () => {
    for (const kind of PATTERN_KINDS) {
      for (let seed = 1; seed <= 8; seed++) {
        const t = renderTile(kind, seed, 128, 112)
        const d = describe1(kind, t)
        if (kind === 'stripes') {
          expect(d.ok, `${kind} ${seed}`).toBe(false)
        } else {
          expect(d.ok, `${kind} ${seed}`).toBe(true)
          expect(share(t), `${kind} ${seed}`).toBeLessThan(0.7)
        }
      }
    }
    expect(share(tile(128, 112, stripes(128, 112, 2, 1, 0.4)))).toBeGreaterThan(0.99)
  })
})
