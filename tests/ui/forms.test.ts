/** The UI's pure form models and display helpers. */
import { describe, expect, test } from 'vitest'
import { DEFAULT_POLICY, parsePolicy } from '../../src/provenance/policy'
import { parseAiOrigin } from '../../src/provenance/record'
import { describeProgress, formatContribution, formatCount, formatDuration, progressFraction } from '../../src/ui/shared/format'
import { emptyOriginForm, fieldForIssue, issuesByField, originInputFromForm } from '../../src/ui/capture/origin-form'
import { policyInputFromForm, policyIssuesByField, policyToForm } from '../../src/ui/policy/policy-form'

describe('origin form', () => {
  const filled = {
    ...emptyOriginForm('2025-03-04'),
    generator: ' Midjourney ',
    model: 'v6',
    seed: '42',
    fineTuneName: 'paisley-lora',
    fineTuneVersion: '3',
  }

  test('a filled form becomes a valid origin; empty optional fields are omitted', () => {
    const { input, issues } = originInputFromForm(filled)
    expect(issues).toEqual([])
    expect(input).toMatchObject({ generator: 'Midjourney', seed: 42, fineTune: { name: 'paisley-lora', version: '3' } })
    expect('negativePrompt' in input).toBe(false)
    expect(parseAiOrigin(input).ok).toBe(true)
  })

  test('a seed that is not a whole number is a field issue', () => {
    for (const seed of ['-1', '1.5', 'abc', '99999999999999999999']) {
      const { issues } = originInputFromForm({ ...filled, seed })
      expect(issues.map((i) => i.path)).toEqual(['seed'])
    }
  })

  test('a fine-tune version without a name is refused on the name field', () => {
    const { issues } = originInputFromForm({ ...filled, fineTuneName: '', fineTuneVersion: '2' })
    expect(issues.map((i) => fieldForIssue(i.path))).toEqual(['fineTuneName'])
  })

  test('issue paths map to form fields', () => {
    expect(fieldForIssue('prompt')).toBe('prompt')
    expect(fieldForIssue('origin.generatedAt')).toBe('generatedAt')
    expect(fieldForIssue('fineTune.version')).toBe('fineTuneVersion')
    expect(fieldForIssue('')).toBeNull()
    const grouped = issuesByField([
      { path: 'prompt', message: 'too long' },
      { path: '', message: 'whole form' },
    ])
    expect(grouped.fields.prompt).toEqual(['too long'])
    expect(grouped.general).toEqual(['whole form'])
  })
})

describe('policy form', () => {
  test('round trip of the default policy', () => {
    const { input, issues } = policyInputFromForm(policyToForm(DEFAULT_POLICY))
    expect(issues).toEqual([])
    const parsed = parsePolicy(input)
    expect(parsed.ok && parsed.policy).toEqual(DEFAULT_POLICY)
  })

  test('non-numbers are field issues; schema issues land on their field', () => {
    const form = { ...policyToForm(DEFAULT_POLICY), 'weights.shape': 'lots' }
    expect(policyInputFromForm(form).issues.map((i) => i.path)).toEqual(['weights.shape'])
    const bad = parsePolicy(policyInputFromForm({ ...policyToForm(DEFAULT_POLICY), alphaRemove: '3' }).input)
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(Object.keys(policyIssuesByField(bad.issues).fields)).toEqual(['alphaRemove'])
  })
})

describe('display helpers', () => {
  test('counts and progress text', () => {
    expect(formatCount(10000)).toBe('10,000')
    expect(describeProgress({ phase: 'reading', done: 4000, total: 10000 })).toBe('Reading layers 4,000 / 10,000')
    expect(describeProgress({ phase: 'reading', done: 4000, total: 0 })).toBe('Reading layers 4,000')
    expect(describeProgress({ phase: 'writing', done: 0, total: 1, node: { index: 1, count: 3, nodeId: 'x' } })).toBe(
      'Layer 2 of 3 · Writing to the file…',
    )
    expect(progressFraction({ phase: 'reading', done: 5, total: 10 })).toBe(0.5)
    expect(progressFraction({ phase: 'reading', done: 5, total: 0 })).toBeNull()
    expect(formatContribution(0.0004)).toBe('<0.001')
    expect(formatContribution(0.1234)).toBe('+0.123')
    expect(formatDuration(3 * 3600_000 + 20 * 60_000)).toBe('3 h 20 min')
  })
})
