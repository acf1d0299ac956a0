import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ciede2000, colorChange, deltaE, DELTA_E_SATURATION, paintsChange } from '../../src/coefficient/color'
import type { PaintSnapshot, Rgba } from '../../src/coefficient/snapshot'
import { paint, rgba } from './arbitraries'

/**
 * Sharma, Wu & Dalal (2005), "The CIEDE2000 Color-Difference Formula: Implementation
 * Notes, Supplementary Test Data, and Mathematical Observations", Table 1: all 34
 * pairs (L1 a1 b1, L2 a2 b2, ΔE00). They exercise the hue wrap-around, the blue
 * rotation term and near-zero chroma, where naive implementations go wrong.
 */
const SHARMA: [number, number, number, number, number, number, number][] = [
  [50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425],
  [50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485, 2.8615],
  [50.0, 2.8361, -74.02, 50.0, 0.0, -82.7485, 3.4412],
  [50.0, -1.3802, -84.2814, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -1.1848, -84.8006, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -0.9009, -85.5211, 50.0, 0.0, -82.7485, 1.0],
  [50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669],
  [50.0, -1.0, 2.0, 50.0, 0.0, 0.0, 2.3669],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0009, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.001, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0011, 7.2195],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0012, 7.2195],
  [50.0, -0.001, 2.49, 50.0, 0.0009, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.001, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.0011, -2.49, 4.7461],
  [50.0, 2.5, 0.0, 50.0, 0.0, -2.5, 4.3065],
  [50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492],
  [50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977],
  [50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.903],
  [50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535],
  [50.0, 2.5, 0.0, 50.0, 3.1736, 0.5854, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0],
  [50.0, 2.5, 0.0, 50.0, 1.8634, 0.5757, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2592, 0.335, 1.0],
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
  [63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.263],
  [61.2901, 3.7196, -5.3901, 61.4292, 2.248, -4.962, 1.8731],
  [35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645],
  [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
  [36.4612, 47.858, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
  [90.8027, -2.0831, 1.441, 91.1528, -1.6435, 0.0447, 1.4441],
  [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381],
  [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377],
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
]

const solid = (r: number, g: number, b: number, a = 1): PaintSnapshot => ({ kind: 'solid', color: { r, g, b, a } })
const c = (r: number, g: number, b: number, a = 1): Rgba => ({ r, g, b, a })

describe('ciede2000 (culori) against Sharma et al. 2005', () => {
  it.each(SHARMA.map((row, i) => [i + 1, ...row]))('pair %i', (_n, L1, a1, b1, L2, a2, b2, expected) => {
    expect(ciede2000({ l: L1, a: a1, b: b1 }, { l: L2, a: a2, b: b2 }).toFixed(4)).toBe(expected.toFixed(4))
    // The formula is symmetric; the published table checks both orders too.
    expect(ciede2000({ l: L2, a: a2, b: b2 }, { l: L1, a: a1, b: b1 }).toFixed(4)).toBe(expected.toFixed(4))
  })
})

describe('deltaE on sRGB with alpha', () => {
  it('is 0 for the same colour and symmetric', () => {
    fc.assert(
      fc.property(rgba, rgba, (x, y) => {
        expect(deltaE(x, x)).toBe(0)
        expect(deltaE(x, y)).toBeCloseTo(deltaE(y, x), 9)
      }),
    )
  })

  it('sees no difference between two fully transparent colours', () => {
    expect(deltaE(c(1, 0, 0, 0), c(0, 0, 1, 0))).toBe(0)
  })

  it('sees an alpha change over either backdrop', () => {
    expect(deltaE(c(0, 0, 0, 1), c(0, 0, 0, 0.5))).toBeGreaterThan(10) // visible over white
    expect(deltaE(c(1, 1, 1, 1), c(1, 1, 1, 0.5))).toBeGreaterThan(10) // visible over black
  })

  it('black to white is the largest difference in sRGB (ΔE00 = 100)', () => {
    expect(deltaE(c(0, 0, 0), c(1, 1, 1))).toBeCloseTo(100, 1)
  })
})

describe('paintsChange', () => {
  it('table', () => {
    const red = solid(1, 0, 0)
    const cases: [string, PaintSnapshot[], PaintSnapshot[], number][] = [
      ['nothing', [], [], 0],
      ['same solid', [red], [solid(1, 0, 0)], 0],
      ['paint added', [], [red], 1],
      ['paint removed', [red, red], [red], 1],
      ['red to blue (ΔE 52.9)', [red], [solid(0, 0, 1)], 1],
      ['image replaced', [{ kind: 'image', imageHash: 'aa', opacity: 1 }], [{ kind: 'image', imageHash: 'bb', opacity: 1 }], 1],
      ['image kept, faded to half', [{ kind: 'image', imageHash: 'aa', opacity: 1 }], [{ kind: 'image', imageHash: 'aa', opacity: 0.5 }], 0.5],
      ['solid to image', [red], [{ kind: 'image', imageHash: 'aa', opacity: 1 }], 1],
      ['solid to a flat gradient of the same colour', [red], [{ kind: 'gradient', stops: [{ position: 0, color: c(1, 0, 0) }, { position: 1, color: c(1, 0, 0) }] }], 0],
      ['other paint, same type', [{ kind: 'other', type: 'VIDEO', opacity: 1 }], [{ kind: 'other', type: 'VIDEO', opacity: 1 }], 0],
    ]
    for (const [name, a, b, want] of cases) expect(paintsChange(a, b), name).toBeCloseTo(want, 6)
  })

  it('saturates at ΔE 30', () => {
    const grey = c(0.5, 0.5, 0.5)
    expect(colorChange(grey, c(0.52, 0.5, 0.5))).toBeCloseTo(deltaE(grey, c(0.52, 0.5, 0.5)) / DELTA_E_SATURATION, 9)
    expect(colorChange(grey, c(0.52, 0.5, 0.5))).toBeLessThan(0.1)
    expect(colorChange(c(0, 0, 0), c(1, 1, 1))).toBe(1)
  })

  it('compares gradients stop by stop: a recoloured stop counts for the part of the ramp it colours', () => {
    const ramp = (mid: Rgba): PaintSnapshot => ({
      kind: 'gradient',
      stops: [
        { position: 0, color: c(1, 1, 1) },
        { position: 0.5, color: mid },
        { position: 1, color: c(1, 1, 1) },
      ],
    })
    const half = paintsChange([ramp(c(1, 1, 1))], [ramp(c(0, 0, 0))])
    expect(half).toBeGreaterThan(0.3)
    expect(half).toBeLessThan(0.8) // the ends did not change
    // Moving a stop is a change too.
    const moved: PaintSnapshot = { kind: 'gradient', stops: [{ position: 0, color: c(0, 0, 0) }, { position: 1, color: c(1, 1, 1) }] }
    const shifted: PaintSnapshot = { kind: 'gradient', stops: [{ position: 0.4, color: c(0, 0, 0) }, { position: 1, color: c(1, 1, 1) }] }
    expect(paintsChange([moved], [shifted])).toBeGreaterThan(0.05)
  })

  it('is always in 0..1, 0 for identical stacks, and symmetric', () => {
    fc.assert(
      fc.property(fc.array(paint, { maxLength: 3 }), fc.array(paint, { maxLength: 3 }), (a, b) => {
        const m = paintsChange(a, b)
        expect(m).toBeGreaterThanOrEqual(0)
        expect(m).toBeLessThanOrEqual(1)
        expect(paintsChange(a, structuredClone(a))).toBe(0)
        expect(paintsChange(b, a)).toBeCloseTo(m, 9)
      }),
    )
  })

  it('is monotone in colour distance: a larger ΔE never gives a smaller change', () => {
    fc.assert(
      fc.property(rgba, rgba, rgba, (base, x, y) => {
        const [near, far] = deltaE(base, x) <= deltaE(base, y) ? [x, y] : [y, x]
        expect(paintsChange([{ kind: 'solid', color: base }], [{ kind: 'solid', color: near }])).toBeLessThanOrEqual(
          paintsChange([{ kind: 'solid', color: base }], [{ kind: 'solid', color: far }]),
        )
      }),
    )
  })

})
