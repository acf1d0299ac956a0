/**
 * The judged scenario sets (tests/provenance/judged/scenarios*.ts):
 * how often the coefficient agrees with the bands and orderings a reviewer wrote down
 * beforehand. Method 2 must agree on at least 80 % of each, in each set, and more often
 * than method 1.
 *
 *   JUDGED_REPORT=1 npx vitest run tests/provenance/judged-set.test.ts   prints every score
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { METHOD_V1, METHOD_V2, scoreContribution, type Method } from '../../src/coefficient/score'
import { JUDGED_SETS, type Band, type JudgedSet } from './judged/sets'

function bandOf(hcc: number): Band {
  return hcc < DEFAULT_POLICY.thresholds.assisted ? 'ai' : hcc < DEFAULT_POLICY.thresholds.authored ? 'assisted' : 'authored'
}

function scoreAll(set: JudgedSet, method: Method): Map<string, number> {
  const out = new Map<string, number>()
  for (const c of set.cases) {
    const [base, edited] = c.build()
    out.set(c.id, scoreContribution(base, edited, DEFAULT_POLICY, { method }).hcc)
  }
  return out
}

function agreement(set: JudgedSet, scores: Map<string, number>) {
  const bandMisses = set.cases.filter((s) => bandOf(scores.get(s.id)!) !== s.band)
  const pairMisses = set.pairs.filter(([more, less]) => !(scores.get(more)! > scores.get(less)!))
  return {
    bands: 1 - bandMisses.length / set.cases.length,
    pairs: 1 - pairMisses.length / set.pairs.length,
    bandMisses: bandMisses.map((s) => `${s.id} (${s.band}, scored ${scores.get(s.id)!.toFixed(3)})`),
    pairMisses: pairMisses.map(([a, b]) => `${a} ${scores.get(a)!.toFixed(3)} ≤ ${b} ${scores.get(b)!.toFixed(3)}`),
  }
}

describe.each(JUDGED_SETS)('the judged scenario $name', (set) => {
  it('has at least 40 edits on at least three kinds of pattern, every pair naming two of them', () => {
    expect(set.cases.length).toBeGreaterThanOrEqual(40)
    expect(new Set(set.cases.map((s) => s.pattern)).size).toBeGreaterThanOrEqual(3)
    const ids = new Set(set.cases.map((s) => s.id))
    expect(ids.size).toBe(set.cases.length)
    for (const [a, b] of set.pairs) expect(ids.has(a) && ids.has(b)).toBe(true)
  })

  it('method 2 agrees with the reviewer on ≥ 80 % of bands and orderings, and more often than method 1', () => {
    const v2 = scoreAll(set, METHOD_V2)
    const v1 = scoreAll(set, METHOD_V1)
    const a2 = agreement(set, v2)
    const a1 = agreement(set, v1)
    if (process.env['JUDGED_REPORT']) {
      for (const s of set.cases) {
        console.log(`${s.id.padEnd(20)} ${s.band.padEnd(9)} v2 ${v2.get(s.id)!.toFixed(3)} ${bandOf(v2.get(s.id)!).padEnd(9)} v1 ${v1.get(s.id)!.toFixed(3)} ${bandOf(v1.get(s.id)!)}`)
      }
      console.log(set.name, 'method 2', JSON.stringify(a2, null, 1))
      console.log(set.name, 'method 1', JSON.stringify({ bands: a1.bands, pairs: a1.pairs }))
    }
    expect(a2.bands, a2.bandMisses.join('\n')).toBeGreaterThanOrEqual(0.8)
    expect(a2.pairs, a2.pairMisses.join('\n')).toBeGreaterThanOrEqual(0.8)
    expect(a2.bands + a2.pairs).toBeGreaterThan(a1.bands + a1.pairs)
  })
})
