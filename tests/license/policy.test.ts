import { describe, expect, it } from 'vitest'
import {
  DEFAULT_POLICY,
  exclusivityThresholdOf,
  parsePolicy,
  policyFingerprint,
  reviewerMustNotBeEditorOf,
} from '../../src/provenance/policy'

describe('team policy: licensing additions', () => {
  it('loads a policy stored before licensing unchanged, with the same fingerprint', () => {
    // Golden values computed by the code before the additions (commit 6c85a0e).
    expect(policyFingerprint(DEFAULT_POLICY)).toBe('fnv1a-fda7ca57')
    const old = parsePolicy({ version: 1, weights: { style: 0.2 }, thresholds: { authored: 0.6 } })
    expect(old.ok && policyFingerprint(old.policy)).toBe('fnv1a-06f4d6eb')
    expect(old.ok && Object.keys(old.policy).sort()).toEqual(['alphaRemove', 'reorderWeight', 'thresholds', 'version', 'weights'])
  })

  it('defaults the exclusivity threshold to the "Human-authored" threshold, and the editor rule to off', () => {
    expect(exclusivityThresholdOf(DEFAULT_POLICY)).toBe(0.5)
    const r = parsePolicy({ version: 1, thresholds: { authored: 0.7 } })
    expect(r.ok && exclusivityThresholdOf(r.policy)).toBe(0.7)
    expect(reviewerMustNotBeEditorOf(DEFAULT_POLICY)).toBe(false)
    const s = parsePolicy({ version: 1, exclusivityThreshold: 0.8, reviewerMustNotBeEditor: true })
    expect(s.ok && exclusivityThresholdOf(s.policy)).toBe(0.8)
    expect(s.ok && reviewerMustNotBeEditorOf(s.policy)).toBe(true)
    expect(s.ok && policyFingerprint(s.policy)).not.toBe(policyFingerprint(DEFAULT_POLICY))
  })

  it('accepts license defaults and explains wrong ones by field', () => {
    const good = parsePolicy({
      version: 1,
      licenseDefaults: {
        licensor: { name: 'Atelier Nord' },
        territory: { scope: 'exclude', countries: ['RU'] },
        aiTraining: { use: 'notAllowed' },
        splitTemplate: [
          { role: 'humanAuthor', basisPoints: 7000 },
          { role: 'studio', basisPoints: 3000 },
        ],
      },
    })
    expect(good.ok).toBe(true)
    const bad = parsePolicy({
      version: 1,
      exclusivityThreshold: 1.5,
      reviewerMustNotBeEditor: 'yes',
      licenseDefaults: {
        territory: { scope: 'include', countries: ['EU'] },
        splitTemplate: [
          { role: 'humanAuthor', basisPoints: 7000 },
          { role: 'studio', basisPoints: 2000 },
        ],
      },
    })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    const byPath = Object.fromEntries(bad.issues.map((i) => [i.path, i.message]))
    expect(byPath['exclusivityThreshold']).toBe('must be a number between 0 and 1')
    expect(byPath['reviewerMustNotBeEditor']).toBe('must be true or false')
    expect(byPath['licenseDefaults.territory.countries.0']).toMatch(/ISO 3166-1 alpha-2/)
    expect(byPath['licenseDefaults.splitTemplate']).toMatch(/add up to 90 %; they must add up to exactly 100 %/)
  })
})
