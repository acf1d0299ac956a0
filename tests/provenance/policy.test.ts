import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, parsePolicy, policyFingerprint } from '../../src/provenance/policy'

describe('TeamPolicy', () => {
  it('fills every missing field from the defaults', () => {
    expect(parsePolicy({ version: 1 })).toEqual({ ok: true, policy: DEFAULT_POLICY })
    const r = parsePolicy({ version: 1, weights: { style: 0.2 }, thresholds: { authored: 0.6 } })
    expect(r.ok && r.policy.weights).toEqual({ ...DEFAULT_POLICY.weights, style: 0.2 })
    expect(r.ok && r.policy.thresholds).toEqual({ assisted: 0.1, authored: 0.6 })
  })

  it('accepts the defaults as written', () => {
    expect(parsePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)))).toEqual({ ok: true, policy: DEFAULT_POLICY })
  })

  it('drops unknown fields', () => {
    const r = parsePolicy({ version: 1, favourite: 'teal' })
    expect(r.ok && 'favourite' in r.policy).toBe(false)
  })

  it('explains every wrong field by its path, in words', () => {
    const r = parsePolicy({
      version: 2,
      weights: { color: 2, shape: 'much' },
      alphaRemove: -0.1,
      thresholds: { assisted: 0.6, authored: 0.5 },
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]))
    expect(byPath).toEqual({
      version: 'must be 1 (the only policy version this build understands)',
      'weights.color': 'must be a number between 0 and 1',
      'weights.shape': 'must be a number between 0 and 1',
      alphaRemove: 'must be a number between 0 and 1',
      'thresholds.assisted': 'the "AI-assisted" threshold must be below the "Human-authored" threshold',
    })
  })

  it('rejects what is not a policy at all', () => {
    expect(parsePolicy('policy')).toEqual({ ok: false, issues: [{ path: '', message: 'a team policy must be an object' }] })
    expect(parsePolicy({ version: 1, weights: 3 })).toEqual({
      ok: false,
      issues: [{ path: 'weights', message: 'must be an object with color, shape, transform, style and text weights' }],
    })
    expect(parsePolicy({ version: 1, reorderWeight: Number.NaN }).ok).toBe(false)
  })

  it('has a short fingerprint that follows content, not key order', () => {
    const fp = policyFingerprint(DEFAULT_POLICY)
    expect(fp).toMatch(/^fnv1a-[0-9a-f]{8}$/)
    const reordered = parsePolicy({ thresholds: { authored: 0.5, assisted: 0.1 }, reorderWeight: 0.05, weights: { text: 1, style: 0.5, transform: 1, shape: 1, color: 1 }, alphaRemove: 0.5, version: 1 })
    expect(reordered.ok && policyFingerprint(reordered.policy)).toBe(fp)
    expect(policyFingerprint({ ...DEFAULT_POLICY, alphaRemove: 0.4 })).not.toBe(fp)
    expect(policyFingerprint({ ...DEFAULT_POLICY, weights: { ...DEFAULT_POLICY.weights, color: 0.9 } })).not.toBe(fp)
  })
})
