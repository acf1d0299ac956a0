import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { mirrorPathData, scalePathData } from '../../src/coefficient/path-mirror'

fc.configureGlobal({ numRuns: Number(process.env['FC_RUNS'] ?? 200) })

describe('mirrorPathData', () => {
  test.each([
    ['M 0 0 L 100 0 L 100 50 L 0 50 L 0 0 Z', 100, 'M 100 0 L 0 0 L 0 50 L 100 50 L 100 0 Z'],
    ['M 0.1 5 L 30 5 Z', 100, 'M 99.9 5 L 70 5 Z'],
    ['M 10 0 C 10 5.5 4.5 10 0 10 Q 2 2 3 3 Z', 10, 'M 0 0 C 0 5.5 5.5 10 10 10 Q 8 2 7 3 Z'],
    ['M 0 0 L 1e-7 2', 1, 'M 1 0 L 0.9999999 2'],
    ['M -5 1 L 105 1', 100, 'M 105 1 L -5 1'],
    // Implicit repeats (pairs after one command letter), several subpaths, spare spaces.
    ['M 0 0 L 1 0 2 0  3 3 Z M 5 5 L 6 6 Z', 10, 'M 10 0 L 9 0 8 0  7 3 Z M 5 5 L 4 6 Z'],
    ['', 10, ''],
  ])('%s in a box %d wide → %s', (d, w, mirrored) => {
    expect(mirrorPathData(d, w)).toBe(mirrored)
    expect(mirrorPathData(mirrored, w)).toBe(d)
  })

  test('mirrored coordinates are exact decimals, not doubles (100 − 99.9 is 0.1)', () => {
    expect(mirrorPathData('M 99.9 0 L 0.3 0', 100)).toBe('M 0.1 0 L 99.7 0')
    expect(mirrorPathData('M 0.1 0', 0.30000000000000004)).toBe('M 0.20000000000000004 0')
  })

  test.each([
    ['M 0 0 A 5 5 0 0 1 10 10', /command A.*only absolute M, L, Q, C and Z/],
    ['M 0 0 l 5 5', /command l/],
    ['M 0 0 H 5', /command H/],
    ['M 0 0 L 5', /command L has 1 numbers/],
    ['M 0 0 C 1 1 2 2', /command C has 4 numbers/],
    ['M 0 0 Z 4 4', /command Z has 2 numbers/],
    ['5 5 L 0 0', /starts with a number/],
    ['M 0 0 L 5 # 5', /has "#"/],
  ])('refuses %s', (d, error) => {
    expect(() => mirrorPathData(d, 10)).toThrow(error)
  })

  test('mirroring twice gives the text back, for numbers written as JavaScript writes them', () => {
    const coordinate = fc.oneof(
      fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 10_000),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    )
    const width = fc.oneof(fc.integer({ min: 1, max: 4000 }), fc.double({ min: 0.01, max: 1e5, noNaN: true }))
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 8 }), width, (points, w) => {
        const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'} ${String(x)} ${String(y)}`).join(' ') + ' Z'
        const mirrored = mirrorPathData(d, w)
        expect(mirrorPathData(mirrored, w)).toBe(d)
        // And each mirrored x is w − x (to double precision).
        const xs = mirrored.split(' ').filter((_, i) => i % 3 === 1).map(Number)
        xs.forEach((x, i) => expect(x).toBeCloseTo(w - points[i]![0], 6))
      }),
    )
  })
})

describe('scalePathData', () => {
  test('scales x and y coordinates separately', () => {
    expect(scalePathData('M 1 2 L 3 4 C 1 1 2 2 3 3 Z', 2, 0.5)).toBe('M 2 1 L 6 2 C 2 0.5 4 1 6 1.5 Z')
  })
})
