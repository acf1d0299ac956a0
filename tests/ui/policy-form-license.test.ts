/** The team policy form's licensing fields (issue #7). */
import { describe, expect, test } from 'vitest'
import { DEFAULT_POLICY, parsePolicy, policyFingerprint } from '../../src/provenance/policy'
import {
  policyInputFromForm,
  policyIssuesByField,
  policyToForm,
  splitTemplateFromText,
  territoryFromText,
  trainingFromText,
} from '../../src/ui/policy/policy-form'

describe('policy form: licensing fields', () => {
  test('the default policy round-trips with the same fingerprint (the new fields stay absent)', () => {
    const { input, issues } = policyInputFromForm(policyToForm(DEFAULT_POLICY))
    expect(issues).toEqual([])
    const parsed = parsePolicy(input)
    expect(parsed.ok && policyFingerprint(parsed.policy)).toBe(policyFingerprint(DEFAULT_POLICY))
  })

  test('filled licensing fields become a valid policy, and come back as they were typed', () => {
    const form = {
      ...policyToForm(DEFAULT_POLICY),
      exclusivityThreshold: '0.6',
      reviewerMustNotBeEditor: 'true',
      'licenseDefaults.licensor': 'Atelier Nord',
      'licenseDefaults.territory': 'except ru, by',
      'licenseDefaults.aiTraining': 'constrained: in-house models only',
      'licenseDefaults.splitTemplate': 'human author 70, studio 25.5, curator 4.5',
    }
    const { input, issues } = policyInputFromForm(form)
    expect(issues).toEqual([])
    const parsed = parsePolicy(input)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
    expect(parsed.policy.licenseDefaults).toEqual({
      licensor: { name: 'Atelier Nord' },
      territory: { scope: 'exclude', countries: ['RU', 'BY'] },
      aiTraining: { use: 'constrained', constraint: 'in-house models only' },
      splitTemplate: [
        { role: 'humanAuthor', basisPoints: 7000 },
        { role: 'studio', basisPoints: 2550 },
        { role: 'curator', basisPoints: 450 },
      ],
    })
    const back = policyToForm(parsed.policy)
    expect(back['licenseDefaults.territory']).toBe('except RU, BY')
    expect(back['licenseDefaults.splitTemplate']).toBe('human author 70, studio 25.5, curator 4.5')
    expect(back.reviewerMustNotBeEditor).toBe('true')
  })

  test('wrong licensing fields are refused on their own field', () => {
    const form = {
      ...policyToForm(DEFAULT_POLICY),
      'licenseDefaults.territory': 'FR, XX',
      'licenseDefaults.splitTemplate': 'human author 70, studio 20',
      'licenseDefaults.aiTraining': 'sometimes',
    }
    const local = policyInputFromForm(form)
    expect(local.issues.map((i) => i.path)).toEqual(['licenseDefaults.aiTraining'])
    const parsed = parsePolicy(policyInputFromForm({ ...form, 'licenseDefaults.aiTraining': '' }).input)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    const { fields, general } = policyIssuesByField(parsed.issues)
    expect(general).toEqual([])
    expect(fields['licenseDefaults.territory']?.[0]).toMatch(/ISO 3166-1 alpha-2/)
    expect(fields['licenseDefaults.splitTemplate']?.[0]).toMatch(/add up to 90 %/)
  })

  test('small grammars', () => {
    expect(territoryFromText('worldwide')).toEqual({ scope: 'worldwide' })
    expect(territoryFromText(' fr de ')).toEqual({ scope: 'include', countries: ['FR', 'DE'] })
    expect(territoryFromText('')).toBeUndefined()
    expect(trainingFromText('Not allowed')).toEqual({ use: 'notAllowed' })
    expect(trainingFromText('maybe')).toBeNull()
    expect(splitTemplateFromText('studio 100 %')).toEqual([{ role: 'studio', basisPoints: 10_000 }])
    expect(splitTemplateFromText('studio lots')).toBeNull()
    expect(splitTemplateFromText('painter 100')).toBeNull()
  })
})
