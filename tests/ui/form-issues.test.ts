/**
 * Issue #21, item 12: a form shows every problem at once, and each clears as soon as its
 * field is fixed, without another Save.
 */
import { describe, expect, test } from 'vitest'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { emptyOriginForm, originProblems } from '../../src/ui/capture/origin-form'
import { policyInputFromForm, policyProblems, policyToForm } from '../../src/ui/policy/policy-form'
import { fieldWords, stillShown } from '../../src/ui/shared/form-issues'

describe('every problem at once', () => {
  test('Team policy: a number the form cannot read and a rule the policy breaks come in one Save', () => {
    const form = { ...policyToForm(DEFAULT_POLICY), alphaRemove: 'lots', 'thresholds.assisted': '0.6', 'thresholds.authored': '0.5' }
    // The form's own check alone (what Save used to show first) misses the threshold rule.
    expect(policyInputFromForm(form, DEFAULT_POLICY).issues.map((i) => i.path)).toEqual(['alphaRemove'])
    const paths = policyProblems(form, DEFAULT_POLICY).issues.map((i) => i.path)
    expect(paths).toContain('alphaRemove')
    expect(paths.some((p) => p.startsWith('thresholds'))).toBe(true)
  })

  test('Mark: both required fields at once', () => {
    expect(originProblems(emptyOriginForm('2025-03-04')).issues.map((i) => i.path)).toEqual(['generator', 'model'])
  })
})

describe('each clears as it is fixed', () => {
  const shown = [
    { path: 'generator', message: 'Generator (tool) is required' },
    { path: 'model', message: 'Model is required' },
  ]
  test.each([
    ['nothing fixed yet', shown, ['generator', 'model']],
    ['the generator typed', [shown[1]!], ['model']],
    ['both typed', [], []],
    ['a new problem elsewhere waits for the next Save', [shown[1]!, { path: 'seed', message: 'Seed must be a whole number' }], ['model']],
  ])('%s', (_what, now, expected) => {
    expect(stillShown(shown, now).map((i) => i.path)).toEqual(expected)
  })

  test('before any Save, nothing is shown while typing', () => {
    expect(stillShown([], [{ path: 'model', message: 'Model is required' }])).toEqual([])
  })

  test('“fields to fix” names them in words', () => {
    expect(['licensor', 'termStart', 'royalty.basis'].map(fieldWords)).toEqual(['licensor', 'term start', 'royalty basis'])
  })
})
