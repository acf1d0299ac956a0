/**
 * `loomprint royalties` follows the payment terms of the contract frame: due dates per
 * reporting period, the advance recouped first, the minimum guarantee's shortfall
 * once the term has ended; and says so when old terms have no payment terms.
 */
import { describe, expect, it } from 'vitest'
import type { Contract } from '../../src/license/contract'
import type { LicenseTerms } from '../../src/license/terms'
import { statementCsv, statementMarkdown } from '../../src/royalties/render'
import { reportingPeriodOf } from '../../src/royalties/payment'
import { computeStatement } from '../../src/royalties/statement'
import { parseUsageReport, type UsageRow } from '../../src/royalties/usage-report'
import { BASE_TERMS, HEADER, PACK, pattern } from './fixture'

function rowsOf(csv: string): UsageRow[] {
  const r = parseUsageReport(`${HEADER}\n${csv}`)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.rows
}

function framed(payment: Partial<Contract['payment']> = {}): LicenseTerms {
  return {
    ...BASE_TERMS,
    contract: {
      template: { id: 'T', version: '1', sha256: 'b'.repeat(64) },
      governingLaw: { country: 'FR' },
      forum: 'Paris',
      parties: {
        licensor: { legalName: 'Studio Loom SAS', registrationId: '', address: 'Paris', noticeContact: 'legal@loom.example', signatory: { name: 'A', title: '' } },
        licensee: { legalName: 'Maison Textile SA', registrationId: '', address: 'Lyon', noticeContact: 'mt@example', signatory: { name: 'B', title: '' } },
      },
      acceptance: { method: 'signedAgreement', by: 'B', at: '2025-12-20', reference: 'MT-1' },
      warranty: 'asIs',
      indemnity: { kind: 'none' },
      sublicensing: 'manufacturersOnly',
      assignment: 'withConsent',
      restrictions: { trademark: true, standaloneFileResale: true, sensitiveUses: true },
      payment: { dueDays: 30, reportingPeriod: 'quarterly', auditRight: true, taxes: 'exclusive', ...payment },
      termination: { cureDays: 30, sellOffDays: 90, filesAfter: 'delete' },
    },
  }
}

// 0.25 EUR per unit: 300 units = 75.00, 200 units = 50.00, 400 units = 100.00.
const REPORT = 'p1,2026-01,apparel,FR,100,0,0,EUR\np1,2026-02,apparel,FR,200,0,0,EUR\np1,2026-04,apparel,FR,200,0,0,EUR'

describe('royalties follow the payment terms', () => {
  it('puts each charge in its reporting period, due the agreed days after the period ends', () => {
    const s = computeStatement([pattern(0, 'p1', framed())], rowsOf(REPORT), PACK)
    expect(s.payments.map((p) => [p.period, p.periodEnd, p.due, p.earned, p.payable])).toEqual([
      ['2026-Q1', '2026-03-31', '2026-04-30', '75.00', '75.00'],
      ['2026-Q2', '2026-06-30', '2026-07-30', '50.00', '50.00'],
    ])
    const monthly = computeStatement([pattern(0, 'p1', framed({ reportingPeriod: 'monthly', dueDays: 45 }))], rowsOf(REPORT), PACK)
    expect(monthly.payments.map((p) => [p.period, p.due])).toEqual([
      ['2026-01', '2026-03-17'],
      ['2026-02', '2026-04-14'],
      ['2026-04', '2026-06-14'],
    ])
  })

  it('recoups the advance from the first earnings, then pays the rest', () => {
    const s = computeStatement([pattern(0, 'p1', framed({ advance: { amount: '100', currency: 'EUR' } }))], rowsOf(REPORT), PACK)
    expect(s.payments.map((p) => [p.period, p.earned, p.recouped, p.payable])).toEqual([
      ['2026-Q1', '75.00', '75.00', '0.00'],
      ['2026-Q2', '50.00', '25.00', '25.00'],
    ])
    const big = computeStatement([pattern(0, 'p1', framed({ advance: { amount: '500', currency: 'EUR' } }))], rowsOf(REPORT), PACK)
    expect(big.payments.every((p) => p.payable === '0.00')).toBe(true)
    expect(big.notes.join('\n')).toMatch(/375\.00 EUR of the advance is not yet recouped/)
  })

  it('charges the minimum guarantee’s shortfall once the report reaches the term’s end', () => {
    const terms = framed({ advance: { amount: '100', currency: 'EUR' }, minimumGuarantee: { amount: '500', currency: 'EUR' } })
    const s = computeStatement([pattern(0, 'p1', terms)], rowsOf(`${REPORT}\np1,2026-12,apparel,FR,800,0,0,EUR`), PACK)
    // Earned 75 + 50 + 200 = 325 ≥ the 100 advance; 500 − 325 = 175 owed, due 30 days after Q4.
    expect(s.guarantees).toEqual([
      { patternId: 'p1', currency: 'EUR', guarantee: '500.00', advance: '100.00', earned: '325.00', shortfall: '175.00', due: '2027-01-30', term: 'patterns[0].license.terms.contract.payment.minimumGuarantee' },
    ])
    expect(statementCsv(s)).toMatch(/^G1,guarantee,p1,.*,EUR,175\.00,/m)
    expect(statementMarkdown(s)).toContain('| p1 | 500.00 EUR | 100.00 EUR | 325.00 EUR | 175.00 EUR | 2027-01-30 |')
    // Before the term ends nothing is owed yet.
    const early = computeStatement([pattern(0, 'p1', terms)], rowsOf(REPORT), PACK)
    expect(early.guarantees[0]).toMatchObject({ shortfall: null, due: null, earned: '125.00' })
    expect(early.notes.join('\n')).toMatch(/minimum guarantee 500 EUR; 125\.00 earned so far/)
  })

  it('computes no dates for old terms, and says they need a contract frame', () => {
    const s = computeStatement([pattern(0, 'p1', BASE_TERMS)], rowsOf(REPORT), PACK)
    expect(s.payments).toEqual([])
    expect(s.notes.join('\n')).toMatch(/no payment terms \(needs contract frame\)/)
  })

  it('puts the splits in the licensor’s distribution statement, not beside the licensee’s payments', () => {
    const md = statementMarkdown(computeStatement([pattern(0, 'p1', framed())], rowsOf(REPORT), PACK))
    expect(md).toContain('## Licensor’s distribution statement (splits)')
    expect(md).toContain('## Payments due (the payment terms)')
  })

  it.each([
    ['2026-02-28', 'quarterly', '2026-Q1', '2026-03-31'],
    ['2026-07-01', 'semiAnnual', '2026-H2', '2026-12-31'],
    ['2024-02-10', 'monthly', '2024-02', '2024-02-29'],
    ['2026-12-31', 'annual', '2026', '2026-12-31'],
  ] as const)('%s in a %s period is %s, ending %s', (day, period, label, end) => {
    expect(reportingPeriodOf(day, period)).toEqual({ label, end })
  })
})
