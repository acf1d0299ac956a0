import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkEligibility,
  currentDecision,
  isUnknownTrainingData,
  type EligibilityEvidence,
  type EligibilityResult,
  type ReviewEvidence,
  type RuleId,
} from '../../src/license/eligibility'
import { findModelLicense, MODEL_LICENSES } from '../../src/license/model-licenses'
import type { LicenseTerms } from '../../src/license/terms'
import { DEFAULT_POLICY, parsePolicy, type TeamPolicy } from '../../src/provenance/policy'
import { licenseTerms } from './arbitraries'
import { sampleTerms } from './fixtures'

const ANA = { id: 'u-ana', name: 'Ana' }
const REVIEWER = { id: 'u-rev', name: 'Rita' }
const HASH = 'a'.repeat(64)

function approvedBy(by = REVIEWER, hash = HASH): ReviewEvidence {
  return { decision: 'approved', by, at: '2026-02-01T10:00:00Z', capture: { hash, hcc: 0.62, method: 'loomprint-hcc/1' } }
}

/** A Human-authored pattern, approved by someone who did not edit it, journal intact. */
function evidence(over: Partial<EligibilityEvidence> = {}): EligibilityEvidence {
  return {
    capture: { hcc: 0.62, label: 'Human-authored, AI-assisted', method: 'loomprint-hcc/1', hash: HASH, at: '2026-01-31T09:00:00Z' },
    captureIsCurrent: true,
    reviews: [approvedBy()],
    journal: { allChainsVerify: true, editors: [ANA] },
    aiOrigin: { fineTune: { name: 'nord-florals-lora', version: '3' }, trainingData: 'Licensed archive of Atelier Nord, 1990–2024', modelLicense: 'CreativeML Open RAIL++-M' },
    ...over,
  }
}

function terms(edit: (t: LicenseTerms) => void = () => {}): LicenseTerms {
  const t = sampleTerms()
  edit(t)
  return t
}

function rule(result: EligibilityResult, id: RuleId) {
  const r = result.rules.find((x) => x.id === id)
  if (!r) throw new Error(`no rule ${id} in ${result.rules.map((x) => x.id).join(', ')}`)
  return r
}

function policy(input: object): TeamPolicy {
  const r = parsePolicy({ version: 1, ...input })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.policy
}

describe('checkEligibility', () => {
  it('grants exclusive Hybrid-creative terms on an approved, human-authored capture, every rule explained', () => {
    const r = checkEligibility(terms(), evidence())
    expect(r.eligible).toBe(true)
    expect(r.verifiedHuman).toBe(true)
    for (const x of r.rules) {
      expect(x.ok).toBe(true)
      expect(x.reason.length).toBeGreaterThan(10)
    }
    expect(rule(r, 'exclusive.review').reason).toMatch(/approved by Rita on 2026-02-01/)
  })

  const table: [string, (t: LicenseTerms) => void, Partial<EligibilityEvidence>, TeamPolicy, RuleId, boolean, RegExp][] = [
    ['exclusive terms with no review', () => {}, { reviews: [] }, DEFAULT_POLICY, 'exclusive.review', false, /no reviewer has approved it yet/],
    ['exclusive terms with an approval of an earlier capture', () => {}, { reviews: [approvedBy(REVIEWER, 'b'.repeat(64))] }, DEFAULT_POLICY, 'exclusive.review', false, /earlier capture was approved, but the current one has not been reviewed/],
    ['exclusive terms after an edit since the approved capture', () => {}, { captureIsCurrent: false }, DEFAULT_POLICY, 'exclusive.review', false, /edited after its last capture, so any approval is out of date/],
    ['exclusive terms whose last decision requested changes', () => {}, { reviews: [approvedBy(), { ...approvedBy(), decision: 'changesRequested', at: '2026-02-02T00:00:00Z' }] }, DEFAULT_POLICY, 'exclusive.review', false, /Rita requested changes on 2026-02-02/],
    ['exclusive terms that were rejected', () => {}, { reviews: [{ ...approvedBy(), decision: 'rejected' }] }, DEFAULT_POLICY, 'exclusive.review', false, /Rita rejected it/],
    ['exclusive terms approved by an editor when the policy forbids it', () => {}, { reviews: [approvedBy(ANA)] }, policy({ reviewerMustNotBeEditor: true }), 'exclusive.review', false, /Ana approved it but also edited the pattern/],
    ['exclusive terms approved by an editor when the policy allows it', () => {}, { reviews: [approvedBy(ANA)] }, DEFAULT_POLICY, 'exclusive.review', true, /approved by Ana/],
    ['non-exclusive terms with no review', (t) => (t.exclusivity = 'nonExclusive'), { reviews: [] }, DEFAULT_POLICY, 'exclusive.review', true, /need no approved review/],
    ['exclusive terms below the Human-authored threshold', () => {}, { capture: { ...evidence().capture!, hcc: 0.42, label: 'AI-assisted' } }, DEFAULT_POLICY, 'exclusive.hcc', false, /HCC 0\.42\) is below the exclusivity threshold of 0\.50\. Purely machine-made output cannot be owned/],
    ['sole terms exactly at the threshold', (t) => (t.exclusivity = 'sole'), { capture: { ...evidence().capture!, hcc: 0.5 } }, DEFAULT_POLICY, 'exclusive.hcc', true, /at or above the exclusivity threshold of 0\.50/],
    ['exclusive terms under a stricter team threshold', () => {}, {}, policy({ exclusivityThreshold: 0.7 }), 'exclusive.hcc', false, /below the exclusivity threshold of 0\.70/],
    ['exclusive terms on an uncaptured pattern', () => {}, { capture: null, reviews: [] }, DEFAULT_POLICY, 'exclusive.hcc', false, /not been captured yet/],
    ['exclusive terms on a pattern made without AI', () => {}, { aiOrigin: null, capture: { ...evidence().capture!, hcc: 0, label: 'Created without generative AI' } }, DEFAULT_POLICY, 'exclusive.hcc', true, /No generative AI was used/],
    ['Hybrid creative on an AI-generated capture', (t) => (t.exclusivity = 'nonExclusive'), { capture: { ...evidence().capture!, hcc: 0.05, label: 'AI-generated' } }, DEFAULT_POLICY, 'tier.hybridCreative', false, /needs at least "AI-assisted".*"AI-generated"/],
    ['Hybrid creative on an AI-assisted capture', (t) => (t.exclusivity = 'nonExclusive'), { capture: { ...evidence().capture!, hcc: 0.2, label: 'AI-assisted' } }, DEFAULT_POLICY, 'tier.hybridCreative', true, /AI-assisted/],
    ['Foundational IP without a fine-tune', (t) => (t.tier = 'foundationalIp'), { aiOrigin: { ...evidence().aiOrigin!, fineTune: null } }, DEFAULT_POLICY, 'tier.foundationalIp', false, /must name the fine-tune \(LoRA or checkpoint\)/],
    ['Foundational IP with an unknown training set', (t) => (t.tier = 'foundationalIp'), { aiOrigin: { ...evidence().aiOrigin!, trainingData: 'Unknown' } }, DEFAULT_POLICY, 'tier.foundationalIp', false, /must name a training-data declaration/],
    ['Foundational IP with both', (t) => (t.tier = 'foundationalIp'), {}, DEFAULT_POLICY, 'tier.foundationalIp', true, /licenses the fine-tune "nord-florals-lora"/],
    ['commercial use on a non-commercial model licence', () => {}, { aiOrigin: { ...evidence().aiOrigin!, modelLicense: 'CC BY-NC 4.0' } }, DEFAULT_POLICY, 'model.commercial', false, /does not allow commercial use, and these terms license apparel, home textiles/],
    ['commercial use on a licence the table knows as allowed', () => {}, { aiOrigin: { ...evidence().aiOrigin!, modelLicense: 'creativeml openrail-m license' } }, DEFAULT_POLICY, 'model.commercial', true, /CreativeML OpenRAIL-M allows commercial use/],
    ['commercial use without a model licence', () => {}, { aiOrigin: { ...evidence().aiOrigin!, modelLicense: '' } }, DEFAULT_POLICY, 'model.commercial', false, /declares none/],
    ['exclusive terms on undeclared training data', () => {}, { aiOrigin: { ...evidence().aiOrigin!, trainingData: 'n/a' } }, DEFAULT_POLICY, 'trainingData.declared', false, /training data is not declared/],
  ]

  it.each(table)('%s', (_what, edit, over, pol, id, ok, reason) => {
    const r = checkEligibility(terms(edit), evidence(over), pol)
    expect(rule(r, id).ok).toBe(ok)
    expect(rule(r, id).reason).toMatch(reason)
  })

  it('warns, and does not pass, on a model licence it does not know or whose condition it cannot check', () => {
    for (const modelLicense of ['Acme Model License v7', 'Stability AI Community License', 'FLUX.1 [dev] Non-Commercial License']) {
      const r = checkEligibility(terms(), evidence({ aiOrigin: { ...evidence().aiOrigin!, modelLicense } }))
      expect(rule(r, 'model.commercial')).toMatchObject({ ok: false, severity: 'warning' })
      expect(r.eligible).toBe(true)
    }
  })

  it('makes the terms ineligible when an error rule fails, not when a warning does', () => {
    expect(checkEligibility(terms(), evidence({ reviews: [] })).eligible).toBe(false)
    expect(checkEligibility(terms(), evidence({ aiOrigin: { ...evidence().aiOrigin!, modelLicense: 'CC BY-NC 4.0' } })).eligible).toBe(false)
    expect(checkEligibility(terms(), evidence({ aiOrigin: { ...evidence().aiOrigin!, trainingData: 'unknown' } })).eligible).toBe(true)
  })

  describe('"Provenance-verified human"', () => {
    const cases: [string, Partial<EligibilityEvidence>, boolean, RegExp][] = [
      ['Human-authored, approved by a non-editor, chains verify', {}, true, /Provenance-verified human: "Human-authored, AI-assisted", approved by Rita, who did not edit it/],
      ['made without generative AI', { aiOrigin: null, capture: { ...evidence().capture!, label: 'Created without generative AI', hcc: 0 } }, true, /"Created without generative AI"/],
      ['only AI-assisted', { capture: { ...evidence().capture!, hcc: 0.3, label: 'AI-assisted' } }, false, /is "AI-assisted", not "Human-authored, AI-assisted" or "Created without generative AI"/],
      ['approved by one of its editors', { reviews: [approvedBy(ANA)] }, false, /approving reviewer \(Ana\) also edited the pattern/],
      ['a journal chain does not verify', { journal: { allChainsVerify: false, editors: [ANA], problems: ['journal.u-ana: entry 12 was changed'] } }, false, /journal chain does not verify \(journal\.u-ana: entry 12 was changed\)/],
      ['no journal read', { journal: null }, false, /journal was not read/],
      ['approval out of date', { captureIsCurrent: false }, false, /no approved review/],
    ]
    it.each(cases)('%s', (_what, over, ok, reason) => {
      const r = checkEligibility(terms(), evidence(over))
      expect(r.verifiedHuman).toBe(ok)
      expect(rule(r, 'credential.verifiedHuman')).toMatchObject({ ok, severity: 'info' })
      expect(rule(r, 'credential.verifiedHuman').reason).toMatch(reason)
    })
  })

  it('takes the last decision about the current capture', () => {
    const later = { ...approvedBy(), decision: 'rejected' as const, at: '2026-02-05T00:00:00Z' }
    expect(currentDecision(evidence({ reviews: [approvedBy(), later] }))?.decision).toBe('rejected')
    expect(currentDecision(evidence({ reviews: [later, approvedBy()] }))?.decision).toBe('approved')
    // Without hashes, the capture time identifies the capture.
    const byTime = evidence({
      capture: { ...evidence().capture!, hash: null },
      reviews: [{ ...approvedBy(), capture: { at: '2026-01-31T09:00:00Z' } }],
    })
    expect(currentDecision(byTime)?.decision).toBe('approved')
  })

  it('is never eligible for exclusive terms without an approval of the current capture (property)', () => {
    fc.assert(
      fc.property(licenseTerms, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (t, hcc, current) => {
        const ev = evidence({ capture: { ...evidence().capture!, hcc }, captureIsCurrent: current, reviews: current ? [] : [approvedBy()] })
        const r = checkEligibility(t, ev)
        if (t.exclusivity !== 'nonExclusive') expect(r.eligible).toBe(false)
        // Every rule has a reason, and eligibility is exactly "no error rule failed".
        for (const x of r.rules) expect(x.reason).not.toBe('')
        expect(r.eligible).toBe(r.rules.every((x) => x.ok || x.severity !== 'error'))
      }),
    )
  })

  it('never lets a lower HCC pass where a higher one fails (property)', () => {
    fc.assert(
      fc.property(licenseTerms, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (t, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a]
        const at = (hcc: number) => rule(checkEligibility(t, evidence({ capture: { ...evidence().capture!, hcc } })), 'exclusive.hcc').ok
        if (at(lo)) expect(at(hi)).toBe(true)
      }),
    )
  })
})

describe('model licences', () => {
  it('cites a source for every row and finds each by its name, id and aliases', () => {
    for (const l of MODEL_LICENSES) {
      expect(l.source).toMatch(/^https:\/\//)
      expect(l.checked).toMatch(/^\d{4}-\d{2}$/)
      for (const n of [l.name, l.id, ...l.aliases]) expect(findModelLicense(n)?.id).toBe(l.id)
    }
  })

  it('tells OpenRAIL-M and Open RAIL++-M apart, and knows nothing of made-up names', () => {
    expect(findModelLicense('CreativeML OpenRAIL-M')?.id).toBe('creativeml-openrail-m')
    expect(findModelLicense('CreativeML Open RAIL++-M')?.id).toBe('creativeml-openrail++-m')
    expect(findModelLicense('Apache License 2.0')?.commercial).toBe('allowed')
    expect(findModelLicense('Acme')).toBeNull()
    expect(findModelLicense('')).toBeNull()
    expect(findModelLicense('License')).toBeNull()
  })

  it('recognises declarations that say nothing', () => {
    for (const s of ['', ' ', 'unknown', 'Unknown.', 'N/A', 'not declared']) expect(isUnknownTrainingData(s)).toBe(true)
    for (const s of ['LAION-5B', 'Licensed archive']) expect(isUnknownTrainingData(s)).toBe(false)
  })
})

describe('label words', () => {
  it('are the coefficient’s own labels (one fact, checked in one place)', async () => {
    const { labelFor, NO_AI_LABEL } = await import('../../src/coefficient/score')
    const { LABEL_AI_GENERATED, LABEL_AI_ASSISTED, LABEL_HUMAN_AUTHORED, LABEL_NO_AI } = await import('../../src/license/eligibility')
    expect(labelFor(0).label).toBe(LABEL_AI_GENERATED)
    expect(labelFor(0.3).label).toBe(LABEL_AI_ASSISTED)
    expect(labelFor(0.9).label).toBe(LABEL_HUMAN_AUTHORED)
    expect(NO_AI_LABEL.label).toBe(LABEL_NO_AI)
  })
})
