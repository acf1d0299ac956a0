import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LicenseTerms } from '../../src/license/terms'
import { statementCsv, statementMarkdown } from '../../src/royalties/render'
import { computeStatement, type RoyaltyPattern } from '../../src/royalties/statement'
import { parseUsageReport, type UsageRow } from '../../src/royalties/usage-report'
import { BASE_TERMS, HEADER, PACK, pattern } from './fixture'

function rowsOf(csv: string): UsageRow[] {
  const r = parseUsageReport(`${HEADER}\n${csv}`)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.rows
}

function statementFor(terms: LicenseTerms, csv: string) {
  return computeStatement([pattern(0, 'p1', terms, 'Rose Trellis')], rowsOf(csv), PACK)
}

describe('royalty statement: what is charged', () => {
  it('per unit: units × rate, split 60/30/10 with the term of each line', () => {
    const s = statementFor(BASE_TERMS, 'p1,2026-03,apparel,FR,1001,0,0,EUR')
    expect(s.lines).toHaveLength(1)
    expect(s.lines[0]).toMatchObject({ kind: 'perUnit', row: 2, amount: '250.25', currency: 'EUR', term: 'patterns[0].license.terms.royalty.basis' })
    expect(s.shares.map((x) => [x.party, x.amount, x.term])).toEqual([
      ['Grace Designer', '150.15', 'patterns[0].license.terms.royalty.splits[0]'],
      ['Studio Loom', '75.08', 'patterns[0].license.terms.royalty.splits[1]'],
      ['Model Co', '25.02', 'patterns[0].license.terms.royalty.splits[2]'],
    ])
    expect(s.totals).toEqual([{ currency: 'EUR', minor: '25025', amount: '250.25' }])
  })

  it('revenue share: basis points of the revenue, in the revenue currency, rounded half up', () => {
    const terms: LicenseTerms = { ...BASE_TERMS, royalty: { ...BASE_TERMS.royalty, basis: { kind: 'revenueShare', basisPoints: 750 } } }
    const s = statementFor(terms, 'p1,2026-Q1,homeTextiles,DE,10,0,1000.10,EUR\np1,2026-04,apparel,BE,0,0,999,JPY')
    expect(s.lines.map((l) => [l.amount, l.currency])).toEqual([
      ['75.01', 'EUR'], // 75.0075 → 75.01
      ['75', 'JPY'], // 74.925 → 75
    ])
    expect(s.totals.map((t) => t.currency)).toEqual(['EUR', 'JPY'])
  })

  it('flat fee: once per pattern, rows covered at 0', () => {
    const terms: LicenseTerms = { ...BASE_TERMS, royalty: { ...BASE_TERMS.royalty, basis: { kind: 'flatFee', fee: { amount: '1200', currency: 'EUR' } } } }
    const s = statementFor(terms, 'p1,2026-03,apparel,FR,10,0,0,EUR\np1,2026-04,apparel,FR,10,0,0,EUR')
    expect(s.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['flatFeeCovered', '0.00'],
      ['flatFeeCovered', '0.00'],
      ['flatFee', '1200.00'],
    ])
  })

  it('beyond a cap with a per-unit royalty: charged at the over-cap rate, not the basis rate', () => {
    const terms: LicenseTerms = { ...BASE_TERMS, caps: [{ kind: 'units', limit: 1000, overCap: { rule: 'perUnitRoyalty', perUnit: { amount: '0.40', currency: 'EUR' } } }] }
    const s = statementFor(terms, 'p1,2026-03,apparel,FR,800,0,0,EUR\np1,2026-04,apparel,FR,300,0,0,EUR')
    expect(s.flags).toEqual([])
    expect(s.lines.map((l) => [l.row, l.kind, l.amount, l.term])).toEqual([
      [2, 'perUnit', '200.00', 'patterns[0].license.terms.royalty.basis'],
      [3, 'perUnit', '50.00', 'patterns[0].license.terms.royalty.basis'],
      [3, 'overCap', '40.00', 'patterns[0].license.terms.caps[0].overCap'],
    ])
  })
})

describe('royalty statement: what is flagged', () => {
  it.each([
    ['outside the field of use', 'p1,2026-03,wallcoverings,FR,10,0,0,EUR', 'fieldOfUse'],
    ['a denied field of use', 'p1,2026-03,advertising,FR,10,0,0,EUR', 'fieldOfUse'],
    ['outside the territory', 'p1,2026-03,apparel,US,10,0,0,EUR', 'territory'],
    ['before the term', 'p1,2025-12,apparel,FR,10,0,0,EUR', 'term'],
    ['a period that runs past the end of the term', 'p1,2026-12-01/2027-01-31,apparel,FR,10,0,0,EUR', 'term'],
  ])('%s', (_name, csv, term) => {
    const s = statementFor(BASE_TERMS, csv)
    expect(s.lines).toEqual([])
    expect(s.flags).toHaveLength(1)
    expect(s.flags[0]!.reasons.map((r) => r.term)).toEqual([`patterns[0].license.terms.${term}`])
  })

  it.each(['deny', 'renegotiate'] as const)('beyond a cap whose rule is %s: that row and later ones', (rule) => {
    const terms: LicenseTerms = { ...BASE_TERMS, caps: [{ kind: 'impressions', limit: 5000, overCap: { rule } }] }
    const s = statementFor(terms, 'p1,2026-05,apparel,FR,1,3000,0,EUR\np1,2026-03,apparel,FR,1,3000,0,EUR\np1,2026-06,apparel,FR,1,10,0,EUR')
    // Period order: March (row 3) fits, May (row 2) crosses the cap, June (row 4) is beyond it.
    expect(s.flags.map((f) => [f.row, f.reasons[0]!.term])).toEqual([
      [2, 'patterns[0].license.terms.caps[0]'],
      [4, 'patterns[0].license.terms.caps[0]'],
    ])
    expect(s.lines.map((l) => l.row)).toEqual([3])
    expect(s.flags[0]!.reasons[0]!.message).toContain(rule)
  })

  it('a pattern that is not in the pack, or has no terms', () => {
    const s = computeStatement([pattern(0, 'p1', null)], rowsOf('p1,2026-03,apparel,FR,1,0,0,EUR\nzz,2026-03,apparel,FR,1,0,0,EUR'), PACK)
    expect(s.flags.map((f) => f.reasons[0]!.term)).toEqual(['patterns[0].license', 'patterns'])
    expect(s.lines).toEqual([])
  })
})

describe('royalty statement: renderings', () => {
  it('Markdown and CSV carry every line, flag and share with its term', () => {
    const s = statementFor(BASE_TERMS, 'p1,2026-03,apparel,FR,1001,0,0,EUR\np1,2026-03,apparel,US,5,0,0,EUR')
    const md = statementMarkdown(s)
    const csv = statementCsv(s)
    for (const text of [md, csv]) {
      expect(text).toContain('patterns[0].license.terms.royalty.basis')
      expect(text).toContain('patterns[0].license.terms.territory')
      expect(text).toContain('patterns[0].license.terms.royalty.splits[2]')
      expect(text).toContain('250.25')
    }
    expect(csv.split('\r\n')[0]).toBe('line,kind,pattern_id,pattern_name,row,period,party,basis_points,description,currency,amount,term,license_fingerprint')
  })
})

// ---------------------------------------------------------------------------
// Properties

const SPLIT_SETS = [
  [10000],
  [3333, 3333, 3334],
  [6000, 3000, 1000],
  [1, 9999],
  [5000, 0, 5000],
]

const termsArb: fc.Arbitrary<LicenseTerms> = fc
  .record({
    basis: fc.oneof(
      fc.record({ kind: fc.constant('flatFee' as const), fee: fc.record({ amount: fc.constantFrom('1200', '99.99', '0.5'), currency: fc.constantFrom('EUR', 'JPY') }) }),
      fc.record({ kind: fc.constant('perUnit' as const), perUnit: fc.record({ amount: fc.constantFrom('0.25', '0.025', '1', '0.000001'), currency: fc.constantFrom('EUR', 'KWD', 'JPY') }) }),
      fc.record({ kind: fc.constant('revenueShare' as const), basisPoints: fc.integer({ min: 1, max: 10000 }) }),
    ),
    splits: fc.constantFrom(...SPLIT_SETS),
    cap: fc.option(
      fc.record({
        kind: fc.constantFrom('units' as const, 'impressions' as const),
        limit: fc.integer({ min: 1, max: 5000 }),
        overCap: fc.oneof(
          fc.constant({ rule: 'deny' as const }),
          fc.constant({ rule: 'renegotiate' as const }),
          fc.record({ rule: fc.constant('perUnitRoyalty' as const), perUnit: fc.record({ amount: fc.constantFrom('0.4', '0.015'), currency: fc.constantFrom('EUR', 'USD') }) }),
        ),
      }),
      { nil: undefined },
    ),
  })
  .map(({ basis, splits, cap }) => ({
    ...BASE_TERMS,
    caps: cap ? [cap] : [],
    royalty: {
      basis,
      splits: splits.map((bp, i) => ({ party: { role: 'curator' as const, name: `Party ${i}` }, basisPoints: bp })),
    },
  }))

const rowArb = fc.record({
  patternId: fc.constantFrom('p0', 'p1', 'p2', 'missing'),
  period: fc.constantFrom('2025-12', '2026-01', '2026-Q2', '2026-07-01/2026-07-31', '2026', '2026-12-01/2027-01-31'),
  fieldOfUse: fc.constantFrom('apparel', 'homeTextiles', 'advertising', 'stationery'),
  territory: fc.constantFrom('FR', 'DE', 'US', 'BE'),
  units: fc.integer({ min: 0, max: 3000 }),
  impressions: fc.integer({ min: 0, max: 3000 }),
  revenue: fc.constantFrom('0', '1234.56', '0.01', '99999.99', '1'),
  currency: fc.constantFrom('EUR', 'USD'),
})

const reportArb = fc.array(rowArb, { maxLength: 25 }).map((rows) => `${HEADER}\r\n${rows.map((r) => [r.patternId, r.period, r.fieldOfUse, r.territory, r.units, r.impressions, r.revenue, r.currency].join(',')).join('\r\n')}\r\n`)

const packArb = fc.array(fc.option(termsArb, { nil: null, freq: 5 }), { minLength: 3, maxLength: 3 }).map((list): RoyaltyPattern[] => list.map((t, i) => pattern(i, `p${i}`, t)))

function statementOf(patterns: RoyaltyPattern[], report: string) {
  const rows = parseUsageReport(report)
  if (!rows.ok) throw new Error(JSON.stringify(rows.issues))
  return computeStatement(patterns, rows.rows, PACK)
}

describe('royalty statement: properties', () => {
  it('the splits of every pattern add up to its total, per currency', () => {
    fc.assert(
      fc.property(packArb, reportArb, (patterns, report) => {
        const s = statementOf(patterns, report)
        const lineTotals = new Map<string, bigint>()
        for (const l of s.lines) lineTotals.set(`${l.patternId} ${l.currency}`, (lineTotals.get(`${l.patternId} ${l.currency}`) ?? 0n) + BigInt(l.minor))
        const shareTotals = new Map<string, bigint>()
        for (const sh of s.shares) shareTotals.set(`${sh.patternId} ${sh.currency}`, (shareTotals.get(`${sh.patternId} ${sh.currency}`) ?? 0n) + BigInt(sh.minor))
        expect(shareTotals).toEqual(lineTotals)
        const grand = s.totals.reduce((a, t) => a + BigInt(t.minor), 0n)
        expect(s.parties.reduce((a, p) => a + BigInt(p.minor), 0n)).toBe(grand)
      }),
      { numRuns: 200 },
    )
  })

  it('the same report gives the same statement, byte for byte', () => {
    fc.assert(
      fc.property(packArb, reportArb, (patterns, report) => {
        const a = statementOf(patterns, report)
        const b = statementOf(patterns, report)
        expect(statementCsv(b)).toBe(statementCsv(a))
        expect(statementMarkdown(b)).toBe(statementMarkdown(a))
        expect(b).toEqual(a)
      }),
      { numRuns: 100 },
    )
  })

  it('every row is charged or flagged, never both; a flagged row has no charge and a reason', () => {
    fc.assert(
      fc.property(packArb, reportArb, (patterns, report) => {
        const s = statementOf(patterns, report)
        const parsed = parseUsageReport(report)
        if (!parsed.ok) throw new Error('unreachable')
        const flagged = new Set(s.flags.map((f) => f.row))
        const charged = new Set(s.lines.filter((l) => l.row !== null).map((l) => l.row!))
        for (const r of parsed.rows) expect(flagged.has(r.row) !== charged.has(r.row)).toBe(true)
        for (const f of s.flags) expect(f.reasons.length).toBeGreaterThan(0)
        expect(s.charged + s.flagged).toBe(parsed.rows.length)
        // Every line names a term of the pack.
        for (const l of s.lines) expect(l.term).toMatch(/^patterns\[\d\]\.license\.terms\.(royalty\.basis|caps\[\d\]\.overCap)$/)
      }),
      { numRuns: 200 },
    )
  })
})

describe('royalty statement: CSV safety', () => {
  it('a pattern or party name that a spreadsheet would run as a formula is written as text', () => {
    const terms: LicenseTerms = { ...BASE_TERMS, royalty: { ...BASE_TERMS.royalty, splits: [{ party: { role: 'studio', name: '=HYPERLINK("x")' }, basisPoints: 10000 }] } }
    const s = computeStatement([pattern(0, 'p1', terms, '+cmd')], rowsOf('p1,2026-03,apparel,FR,4,0,0,EUR'), PACK)
    const csv = statementCsv(s)
    expect(csv).toContain(",'+cmd,")
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(csv).not.toMatch(/(^|,)[=+]/m)
  })
})
