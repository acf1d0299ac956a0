/**
 * The judged scenario set (tests/provenance/judged/scenarios.ts): how often the
 * coefficient agrees with the bands and orderings a reviewer wrote down beforehand.
 * Method 2 must agree on at least 80 % of each, and more often than method 1.
 *
 *   JUDGED_REPORT=1 npx vitest run tests/provenance/judged-set.test.ts   prints every score
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { METHOD_V1, METHOD_V2, scoreContribution, type Method } from '../../src/provenance/score'
import { render } from './judged/patterns'
import { PAIRS, PATTERNS, SCENARIOS, type Band } from './judged/scenarios'

function bandOf(hcc: number): Band {
  return hcc < DEFAULT_POLICY.thresholds.assisted ? 'ai' : hcc < DEFAULT_POLICY.thresholds.authored ? 'assisted' : 'authored'
}

function scoreAll(method: Method): Map<string, number> {
  const out = new Map<string, number>()
  for (const s of SCENARIOS) {
    const base = PATTERNS[s.pattern]()
    const edited = PATTERNS[s.pattern]()
    s.apply(edited)
    out.set(s.id, scoreContribution(render(base), render(edited), DEFAULT_POLICY, { method }).hcc)
  }
  return out
}

function agreement(scores: Map<string, number>) {
  const bandMisses = SCENARIOS.filter((s) => bandOf(scores.get(s.id)!) !== s.band)
  const pairMisses = PAIRS.filter(([more, less]) => !(scores.get(more)! > scores.get(less)!))
  return {
    bands: 1 - bandMisses.length / SCENARIOS.length,
    pairs: 1 - pairMisses.length / PAIRS.length,
    bandMisses: bandMisses.map((s) => `${s.id} (${s.band}, scored ${scores.get(s.id)!.toFixed(3)})`),
    pairMisses: pairMisses.map(([a, b]) => `${a} ${scores.get(a)!.toFixed(3)} ≤ ${b} ${scores.get(b)!.toFixed(3)}`),
  }
}

describe('the judged scenario set', () => {
  it('has at least 40 edits on three kinds of pattern, every pair naming two of them', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40)
    expect(new Set(SCENARIOS.map((s) => s.pattern)).size).toBe(3)
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length)
    const ids = new Set(SCENARIOS.map((s) => s.id))
    for (const [a, b] of PAIRS) expect(ids.has(a) && ids.has(b)).toBe(true)
  })

  it('method 2 agrees with the reviewer on ≥ 80 % of bands and orderings, and more often than method 1', () => {
    const v2 = scoreAll(METHOD_V2)
    const v1 = scoreAll(METHOD_V1)
    const a2 = agreement(v2)
    const a1 = agreement(v1)
    if (process.env['JUDGED_REPORT']) {
      for (const s of SCENARIOS) {
        console.log(`${s.id.padEnd(20)} ${s.band.padEnd(9)} v2 ${v2.get(s.id)!.toFixed(3)} ${bandOf(v2.get(s.id)!).padEnd(9)} v1 ${v1.get(s.id)!.toFixed(3)} ${bandOf(v1.get(s.id)!)}`)
      }
      console.log('method 2', JSON.stringify(a2, null, 1))
      console.log('method 1', JSON.stringify({ bands: a1.bands, pairs: a1.pairs }))
    }
    expect(a2.bands, a2.bandMisses.join('\n')).toBeGreaterThanOrEqual(0.8)
    expect(a2.pairs, a2.pairMisses.join('\n')).toBeGreaterThanOrEqual(0.8)
    expect(a2.bands + a2.pairs).toBeGreaterThan(a1.bands + a1.pairs)
  })
})
