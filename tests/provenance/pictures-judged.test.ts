/**
 * The picture set (judged/pictures-judged.ts, committed before pictures were scored):
 * how often the coefficient agrees with the art director's bands and orderings on edits
 * of AI rasters. Method 2 must agree on at least 80 % of each; method 1 cannot see inside
 * a picture (a replaced picture counts fully) and agrees less.
 *
 *   JUDGED_REPORT=1 npx vitest run tests/provenance/pictures-judged.test.ts   prints every score
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { METHOD_V1, METHOD_V2, scoreContribution, type Method } from '../../src/coefficient/score'
import { PICTURE_SET } from './judged/pictures-set'
import type { Band } from './judged/sets'

const bandOf = (hcc: number): Band => (hcc < DEFAULT_POLICY.thresholds.assisted ? 'ai' : hcc < DEFAULT_POLICY.thresholds.authored ? 'assisted' : 'authored')

function scoreAll(method: Method): Map<string, number> {
  const out = new Map<string, number>()
  for (const c of PICTURE_SET.cases) {
    const [base, edited] = c.build()
    out.set(c.id, scoreContribution(base, edited, DEFAULT_POLICY, { method }).hcc)
  }
  return out
}

describe('the judged picture set', () => {
  it('has at least 20 picture edits on at least two kinds of AI raster', () => {
    expect(PICTURE_SET.cases.length).toBeGreaterThanOrEqual(20)
    expect(new Set(PICTURE_SET.cases.filter((c) => c.pattern !== 'motif-vectors').map((c) => c.pattern)).size).toBeGreaterThanOrEqual(2)
    const ids = new Set(PICTURE_SET.cases.map((c) => c.id))
    for (const [a, b] of PICTURE_SET.pairs) expect(ids.has(a) && ids.has(b)).toBe(true)
  })

  it('method 2 agrees with the art director on ≥ 80 % of bands and orderings, more often than method 1', () => {
    const v2 = scoreAll(METHOD_V2)
    const v1 = scoreAll(METHOD_V1)
    const agree = (s: Map<string, number>) => ({
      bands: PICTURE_SET.cases.filter((c) => bandOf(s.get(c.id)!) === c.band).length / PICTURE_SET.cases.length,
      pairs: PICTURE_SET.pairs.filter(([a, b]) => s.get(a)! > s.get(b)!).length / PICTURE_SET.pairs.length,
      bandMisses: PICTURE_SET.cases.filter((c) => bandOf(s.get(c.id)!) !== c.band).map((c) => `${c.id} (${c.band}, scored ${s.get(c.id)!.toFixed(3)})`),
      pairMisses: PICTURE_SET.pairs.filter(([a, b]) => !(s.get(a)! > s.get(b)!)).map(([a, b]) => `${a} ${s.get(a)!.toFixed(3)} ≤ ${b} ${s.get(b)!.toFixed(3)}`),
    })
    const a2 = agree(v2)
    const a1 = agree(v1)
    if (process.env['JUDGED_REPORT']) {
      for (const c of PICTURE_SET.cases) console.log(`${c.id.padEnd(22)} ${c.band.padEnd(9)} v2 ${v2.get(c.id)!.toFixed(3)} ${bandOf(v2.get(c.id)!).padEnd(9)} v1 ${v1.get(c.id)!.toFixed(3)}`)
      console.log('method 2', JSON.stringify(a2, null, 1), 'method 1', JSON.stringify({ bands: a1.bands, pairs: a1.pairs }))
    }
    expect(a2.bands, a2.bandMisses.join('\n')).toBeGreaterThanOrEqual(0.8)
    expect(a2.pairs, a2.pairMisses.join('\n')).toBeGreaterThanOrEqual(0.8)
    expect(a2.bands + a2.pairs).toBeGreaterThan(a1.bands + a1.pairs)
  }, 120_000)
})
