import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LicenseTerms } from '../../src/license/terms'
import { effectiveTraining, PLUS_VOCAB, toCawgTrainingMining, toPlusDataMining, toTdmRep } from '../../src/license/training'
import { licenseTerms } from './arbitraries'
import { sampleTerms } from './fixtures'

function terms(edit: (t: LicenseTerms) => void): LicenseTerms {
  const t = sampleTerms()
  edit(t)
  return t
}

describe('training and data mining in CAWG, PLUS and TDMRep', () => {
  const table: [string, (t: LicenseTerms) => void, string, string, 0 | 1][] = [
    ['not allowed', (t) => (t.aiTraining = { use: 'notAllowed' }), 'notAllowed', 'DMI-PROHIBITED', 1],
    ['allowed, models may be kept', (t) => ((t.aiTraining = { use: 'allowed' }), (t.residualRights = 'keepModels')), 'allowed', 'DMI-ALLOWED', 0],
    ['allowed, perpetual, models deleted (nothing to delete at)', (t) => ((t.aiTraining = { use: 'allowed' }), (t.term.end = null)), 'allowed', 'DMI-ALLOWED', 0],
    ['allowed, but models deleted when the term ends', (t) => (t.aiTraining = { use: 'allowed' }), 'constrained', 'DMI-PROHIBITED-SEECONSTRAINT', 1],
    ['constrained', (t) => ((t.aiTraining = { use: 'constrained', constraint: 'In-house models only.' }), (t.residualRights = 'keepModels')), 'constrained', 'DMI-PROHIBITED-SEECONSTRAINT', 1],
  ]

  it.each(table)('%s', (_what, edit, cawg, plus, reservation) => {
    const t = terms(edit)
    const c = toCawgTrainingMining(t)
    for (const key of ['cawg.data_mining', 'cawg.ai_training', 'cawg.ai_generative_training'] as const) expect(c.entries[key].use).toBe(cawg)
    expect(toPlusDataMining(t).dataMining).toBe(PLUS_VOCAB + plus)
    expect(toTdmRep(t)['tdm-reservation']).toBe(reservation)
  })

  it('carries the constraint in words to CAWG and PLUS, and points TDMRep at the ODRL policy', () => {
    const t = terms((x) => (x.aiTraining = { use: 'constrained', constraint: 'In-house models only.' }))
    const c = toCawgTrainingMining(t).entries['cawg.ai_training']
    expect(c).toEqual({ use: 'constrained', constraint_info: 'In-house models only. Models trained on this asset must be deleted when the license ends (2027-12-31).' })
    expect(toPlusDataMining(t).otherConstraints).toMatch(/^AI training and data mining: In-house models only\./)
    expect(toTdmRep(t, { policyUrl: 'license.odrl.json' })).toEqual({ 'tdm-reservation': 1, 'tdm-policy': 'license.odrl.json' })
    expect(toTdmRep(terms((x) => (x.aiTraining = { use: 'notAllowed' })), { policyUrl: 'license.odrl.json' })).toEqual({ 'tdm-reservation': 1 })
  })

  it('lets AI inference follow "derivatives allowed"', () => {
    expect(toCawgTrainingMining(terms((t) => (t.derivativesAllowed = true))).entries['cawg.ai_inference'].use).toBe('allowed')
    expect(toCawgTrainingMining(terms((t) => (t.derivativesAllowed = false))).entries['cawg.ai_inference'].use).toBe('notAllowed')
  })

  it('never lets the three vocabularies disagree (property)', () => {
    fc.assert(
      fc.property(licenseTerms, (t) => {
        const e = effectiveTraining(t)
        const cawg = toCawgTrainingMining(t).entries['cawg.ai_training']
        const plus = toPlusDataMining(t)
        const tdm = toTdmRep(t)
        expect(cawg.use).toBe(e.use)
        expect(plus.dataMining === PLUS_VOCAB + 'DMI-ALLOWED').toBe(e.use === 'allowed')
        expect(tdm['tdm-reservation'] === 0).toBe(e.use === 'allowed')
        if (e.use === 'constrained') expect(cawg.constraint_info && plus.otherConstraints).toBeTruthy()
        if (t.aiTraining.use === 'notAllowed') expect(e.use).toBe('notAllowed')
      }),
    )
  })
})
