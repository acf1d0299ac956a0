import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fft2, fftPlan } from '../../src/enforcement/fft'

/** The textbook 2-D DFT, O(n⁴): the second implementation the FFT is checked against. */
function naiveDft(re: Float64Array, im: Float64Array, n: number): [Float64Array, Float64Array] {
  const outRe = new Float64Array(n * n)
  const outIm = new Float64Array(n * n)
  for (let v = 0; v < n; v++) {
    for (let u = 0; u < n; u++) {
      let sr = 0
      let si = 0
      for (let y = 0; y < n; y++) {
        for (let x = 0; x < n; x++) {
          const a = (-2 * Math.PI * (u * x + v * y)) / n
          sr += re[y * n + x]! * Math.cos(a) - im[y * n + x]! * Math.sin(a)
          si += re[y * n + x]! * Math.sin(a) + im[y * n + x]! * Math.cos(a)
        }
      }
      outRe[v * n + u] = sr
      outIm[v * n + u] = si
    }
  }
  return [outRe, outIm]
}

describe('fft2', () => {
  it('refuses a size that is not a power of two', () => {
    expect(() => fftPlan(12)).toThrow(RangeError)
  })

  it('property: equals the naive DFT, and the inverse brings the block back (× n²)', () => {
    const n = 8
    const plan = fftPlan(n)
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n * 2, maxLength: n * n * 2 }), (values) => {
        const re = Float64Array.from(values.slice(0, n * n))
        const im = Float64Array.from(values.slice(n * n))
        const [wantRe, wantIm] = naiveDft(re, im, n)
        const gotRe = Float64Array.from(re)
        const gotIm = Float64Array.from(im)
        fft2(plan, gotRe, gotIm)
        for (let k = 0; k < n * n; k++) {
          expect(gotRe[k]).toBeCloseTo(wantRe[k]!, 9)
          expect(gotIm[k]).toBeCloseTo(wantIm[k]!, 9)
        }
        fft2(plan, gotRe, gotIm, true)
        for (let k = 0; k < n * n; k++) expect(gotRe[k]! / (n * n)).toBeCloseTo(re[k]!, 9)
      }),
      { numRuns: 30 },
    )
  })
})
