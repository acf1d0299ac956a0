/**
 * A clipping frame turned by other than a quarter turn clips its content to its own
 * turned box, not to the upright rectangle around it (issue #9, "rotated layers").
 */
import { describe, expect, it } from 'vitest'
import { scoreContribution } from '../../src/coefficient/score'
import { elementFromShape } from '../../src/coefficient/shape'
import type { PatternSnapshot, Rgba } from '../../src/coefficient/snapshot'

const solid = (color: Rgba) => ({ kind: 'solid' as const, color })
const RED = { r: 0.9, g: 0.1, b: 0.1, a: 1 }
const GREEN = { r: 0.1, g: 0.7, b: 0.2, a: 1 }
const BLUE = { r: 0.1, g: 0.2, b: 0.9, a: 1 }

/** A 400 × 400 frame, four blue motifs, and a 100 × 100 tile turned `deg` holding one square of `inner` px. */
function pattern(deg: number, inner: number, color: Rgba, clips: boolean): PatternSnapshot {
  return {
    rootId: 'r',
    rootBounds: { x: 0, y: 0, w: 400, h: 400 },
    placement: 'own-box',
    elements: [
      elementFromShape({ id: 'r', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 400, h: 400 } }),
      ...[0, 1, 2, 3].map((k) => elementFromShape({ id: `m${k}`, path: String(k), type: 'ELLIPSE', bounds: { x: 20 + 90 * k, y: 20, w: 40, h: 40 }, fills: [solid(BLUE)] })),
      elementFromShape({ id: 't', path: '4', type: 'FRAME', bounds: { x: 150, y: 150, w: 100, h: 100 }, rotation: deg, clipsContent: clips }),
      elementFromShape({ id: 's', path: '4.0', type: 'RECTANGLE', bounds: { x: 200 - inner / 2, y: 200 - inner / 2, w: inner, h: inner }, rotation: deg, fills: [solid(color)] }),
    ],
  }
}

const recolour = (deg: number, inner: number, clips: boolean) => scoreContribution(pattern(deg, inner, RED, clips), pattern(deg, inner, GREEN, clips)).hcc

describe('a turned clipping frame', () => {
  it.each([30, 45, 60, 17.5])('turned %s°: a square larger than the tile shows only the tile’s turned box', (deg) => {
    // Clipped to the turned 100 × 100 box, the oversized square shows exactly what a 100 × 100 square shows.
    expect(recolour(deg, 140, true)).toBeCloseTo(recolour(deg, 100, false), 2)
    // Without the clip it shows more, so the same recolour weighs more.
    expect(recolour(deg, 140, false)).toBeGreaterThan(recolour(deg, 100, false) + 0.02)
  })

  it('unchanged, it scores 0; quarter turns clip as upright boxes do', () => {
    expect(scoreContribution(pattern(30, 140, RED, true), pattern(30, 140, RED, true)).hcc).toBe(0)
    expect(recolour(90, 140, true)).toBeCloseTo(recolour(0, 140, true), 6)
  })
})
