import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ISO_3166_ALPHA2, ISO_4217_CURRENCIES } from '../../src/provenance/codes'
import {
  formatPercent,
  isCalendarDate,
  LICENSE_SCHEMA_VERSION,
  licenseFingerprint,
  parseLicenseTerms,
  PartySchema,
  parseLicenseTermsJson,
  type LicenseTerms,
} from '../../src/license/terms'
import { licenseTerms } from './arbitraries'
import { sampleTerms } from './fixtures'

/** sampleTerms with one change made by `edit` (on a mutable copy). */
function edited(edit: (t: any) => void): unknown {
  const t = sampleTerms() as any
  edit(t)
  return t
}

function issuesByPath(input: unknown): Record<string, string> {
  const r = parseLicenseTerms(input)
  if (r.ok) return {}
  return Object.fromEntries(r.issues.map((i) => [i.path, i.message]))
}

describe('parseLicenseTerms', () => {
  it('accepts complete terms and gives them back unchanged', () => {
    expect(parseLicenseTerms(sampleTerms())).toEqual({ ok: true, terms: sampleTerms() })
    expect(LICENSE_SCHEMA_VERSION).toBe(1)
  })

  it('accepts perpetual terms, worldwide territory, no caps and any subscriber on non-exclusive terms', () => {
    const r = parseLicenseTerms(
      edited((t) => {
        t.term.end = null
        t.territory = { scope: 'worldwide' }
        t.caps = []
        t.exclusivity = 'nonExclusive'
        t.licensee = { kind: 'anySubscriber' }
      }),
    )
    expect(r.ok).toBe(true)
  })

  const refusals: [string, (t: any) => void, string, RegExp][] = [
    ['an unknown tier', (t) => (t.tier = 'gold'), 'tier', /Tier must be "commodity"/],
    ['an unknown exclusivity', (t) => (t.exclusivity = 'semi'), 'exclusivity', /Exclusivity must be/],
    ['a missing licensor name', (t) => (t.licensor.name = ''), 'licensor.name', /Name is required/],
    ['a field of use outside the vocabulary', (t) => t.fieldOfUse.allowed.push('tattoos'), 'fieldOfUse.allowed.2', /A field of use must be one of: Apparel, Home textiles/],
    ['no allowed field of use', (t) => (t.fieldOfUse.allowed = []), 'fieldOfUse.allowed', /at least one allowed field of use/],
    ['a field both allowed and denied', (t) => t.fieldOfUse.denied.push('apparel'), 'fieldOfUse.denied.1', /Apparel cannot be both allowed and denied/],
    ['a duplicate allowed field', (t) => t.fieldOfUse.allowed.push('apparel'), 'fieldOfUse.allowed.2', /lists apparel twice/],
    ['a made-up country code', (t) => (t.territory.countries[1] = 'XX'), 'territory.countries.1', /Not an ISO 3166-1 alpha-2 country code/],
    ['a lower-case country code', (t) => (t.territory.countries[0] = 'fr'), 'territory.countries.0', /Not an ISO 3166-1 alpha-2/],
    ['a three-letter country code', (t) => (t.territory.countries[0] = 'FRA'), 'territory.countries.0', /Not an ISO 3166-1 alpha-2/],
    ['an empty country list', (t) => (t.territory.countries = []), 'territory.countries', /at least one country/],
    ['a country listed twice', (t) => t.territory.countries.push('FR'), 'territory.countries.3', /lists FR twice/],
    ['an unknown territory scope', (t) => (t.territory = { scope: 'europe' }), 'territory.scope', /Territory must be worldwide/],
    ['an impossible date', (t) => (t.term.start = '2026-02-30'), 'term.start', /real date written as YYYY-MM-DD/],
    ['a date with a time', (t) => (t.term.start = '2026-02-03T10:00:00Z'), 'term.start', /YYYY-MM-DD/],
    ['an end before the start', (t) => (t.term.end = '2025-12-31'), 'term.end', /must not be before the start/],
    ['a cap of zero', (t) => (t.caps[0].limit = 0), 'caps.0.limit', /at least 1/],
    ['a fractional cap', (t) => (t.caps[0].limit = 10.5), 'caps.0.limit', /whole number/],
    ['two caps on units', (t) => (t.caps[1].kind = 'units'), 'caps.1.kind', /already a cap on units produced/],
    ['a per-unit royalty without an amount', (t) => (t.caps[0].overCap = { rule: 'perUnitRoyalty' }), 'caps.0.overCap.perUnit', /missing/],
    ['an unknown over-cap rule', (t) => (t.caps[0].overCap = { rule: 'shrug' }), 'caps.0.overCap.rule', /deny", "renegotiate" or "perUnitRoyalty"/],
    ['a currency that is not ISO 4217', (t) => (t.royalty.basis.fee.currency = 'EURO'), 'royalty.basis.fee.currency', /ISO 4217/],
    ['a lower-case currency', (t) => (t.royalty.basis.fee.currency = 'eur'), 'royalty.basis.fee.currency', /ISO 4217/],
    ['an amount with a thousands separator', (t) => (t.royalty.basis.fee.amount = '1,200'), 'royalty.basis.fee.amount', /plain decimal/],
    ['a negative amount', (t) => (t.royalty.basis.fee.amount = '-5'), 'royalty.basis.fee.amount', /plain decimal/],
    ['an amount as a number', (t) => (t.royalty.basis.fee.amount = 1200), 'royalty.basis.fee.amount', /text/],
    ['a revenue share over 100 %', (t) => (t.royalty.basis = { kind: 'revenueShare', basisPoints: 12_000 }), 'royalty.basis.basisPoints', /at most 10000 basis points/],
    ['splits that add up to 90 %', (t) => (t.royalty.splits[0].basisPoints = 5000), 'royalty.splits', /add up to 9,000 basis points \(90 %\); they must add up to exactly 10,000/],
    ['splits that add up to 110 %', (t) => (t.royalty.splits[0].basisPoints = 7000), 'royalty.splits', /11,000 basis points \(110 %\)/],
    ['no splits', (t) => (t.royalty.splits = []), 'royalty.splits', /at least one party/],
    ['a negative share', (t) => ((t.royalty.splits[0].basisPoints = -100), (t.royalty.splits[1].basisPoints = 7100)), 'royalty.splits.0.basisPoints', /at least 0/],
    ['a human author without an id', (t) => (t.royalty.splits[0].party.person.id = ''), 'royalty.splits.0.party.person.id', /Author id is required/],
    ['the same author twice', (t) => (t.royalty.splits[2].party = { role: 'humanAuthor', person: { id: 'u-ana', name: 'Ana B.' } }), 'royalty.splits.2.party', /already in the splits/],
    ['a constrained training use without the constraint', (t) => (t.aiTraining = { use: 'constrained', constraint: '' }), 'aiTraining.constraint', /constraint is required/],
    ['an unknown training use', (t) => (t.aiTraining = { use: 'maybe' }), 'aiTraining.use', /allowed", "notAllowed" or "constrained"/],
    ['unknown residual rights', (t) => (t.residualRights = 'forget'), 'residualRights', /deleteModels/],
    ['derivatives as text', (t) => (t.derivativesAllowed = 'yes'), 'derivativesAllowed', /true or false/],
    ['a misspelled field', (t) => (t.teritory = t.territory), '', /Unexpected field in the license terms: teritory/],
    ['a newer schema version', (t) => (t.version = 2), 'version', /must be 1/],
    ['exclusive terms for any subscriber', (t) => (t.licensee = { kind: 'anySubscriber' }), 'licensee', /exclusive license needs a named licensee/],
    ['exclusive Commodity terms', (t) => (t.tier = 'commodity'), 'exclusivity', /Commodity license is non-exclusive/],
    ['a missing field', (t) => delete t.term, 'term', /^Term is missing$/],
    ['an attribution that is too long', (t) => (t.attribution = 'x'.repeat(501)), 'attribution', /too long \(501 characters; at most 500\)/],
  ]

  it.each(refusals)('refuses %s and names the field', (_what, edit, path, message) => {
    const issues = issuesByPath(edited(edit))
    expect(Object.keys(issues)).toContain(path)
    expect(issues[path]).toMatch(message)
  })

  it('reports several wrong fields at once', () => {
    const issues = issuesByPath(
      edited((t) => {
        t.tier = 'gold'
        t.territory.countries.push('ZZ')
        t.royalty.basis.fee.currency = 'XYZ'
      }),
    )
    expect(Object.keys(issues).sort()).toEqual(['royalty.basis.fee.currency', 'territory.countries.3', 'tier'])
  })

  it('names a rule between fields even when another field is also wrong', () => {
    const issues = issuesByPath(
      edited((t) => {
        t.licensee = { kind: 'anySubscriber' }
        t.royalty.basis.fee.currency = 'XYZ'
      }),
    )
    expect(issues['licensee']).toMatch(/exclusive license needs a named licensee/)
    expect(issues['royalty.basis.fee.currency']).toMatch(/ISO 4217/)
    const r = parseLicenseTerms(edited((t) => (t.licensee = { kind: 'anySubscriber' })))
    expect(!r.ok && r.issues).toEqual([{ path: 'licensee', message: 'An exclusive license needs a named licensee, not "any subscriber"' }])
  })

  it('refuses what is not terms at all, without throwing', () => {
    for (const input of [null, undefined, 42, 'terms', [], true]) {
      const r = parseLicenseTerms(input)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.issues[0]!.message).toMatch(/must be an object|missing/)
    }
    const hostile = new Proxy({}, { get: () => { throw new Error('boom') }, has: () => { throw new Error('boom') } })
    const r = parseLicenseTerms(hostile)
    expect(r.ok).toBe(false)
  })

  it('reads stored JSON text and reports bad JSON', () => {
    expect(parseLicenseTermsJson(JSON.stringify(sampleTerms())).ok).toBe(true)
    const r = parseLicenseTermsJson('{"version":1,')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/not valid JSON/)
  })

  it('accepts every generated set of terms (property)', () => {
    fc.assert(
      fc.property(licenseTerms, (terms) => {
        const r = parseLicenseTerms(terms)
        if (!r.ok) throw new Error(JSON.stringify(r.issues))
        expect(r.terms).toEqual(terms)
      }),
    )
  })

  it('refuses any split that does not sum to 10,000 (property)', () => {
    fc.assert(
      fc.property(licenseTerms, fc.integer({ min: -10_000, max: 10_000 }).filter((d) => d !== 0), (terms, delta) => {
        const last = terms.royalty.splits[terms.royalty.splits.length - 1]!
        const changed = { ...terms, royalty: { ...terms.royalty, splits: [...terms.royalty.splits.slice(0, -1), { ...last, basisPoints: last.basisPoints + delta }] } }
        expect(parseLicenseTerms(changed).ok).toBe(false)
      }),
    )
  })
})

describe('code lists', () => {
  it('hold the 249 ISO 3166-1 alpha-2 codes and common currencies, and nothing else', () => {
    expect(ISO_3166_ALPHA2).toHaveLength(249)
    expect(new Set(ISO_3166_ALPHA2).size).toBe(249)
    for (const c of ['FR', 'US', 'JP', 'GB', 'SS', 'XK'.replace('XK', 'CW')]) expect(ISO_3166_ALPHA2).toContain(c)
    for (const c of ['UK', 'EU', 'XX', 'ZZ']) expect(ISO_3166_ALPHA2).not.toContain(c)
    for (const c of ['EUR', 'USD', 'JPY', 'GBP', 'CHF', 'CNY', 'INR', 'ZWG']) expect(ISO_4217_CURRENCIES).toContain(c)
    for (const c of ['XXX', 'XTS', 'XAU', 'HRK', 'BTC']) expect(ISO_4217_CURRENCIES).not.toContain(c)
  })

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2100-02-29')).toBe(false)
    expect(isCalendarDate('2000-02-29')).toBe(true)
    expect(isCalendarDate('2026-04-31')).toBe(false)
    expect(isCalendarDate('2026-13-01')).toBe(false)
    expect(isCalendarDate('26-01-01')).toBe(false)
  })

  it('writes shares as percentages', () => {
    expect(formatPercent(10_000)).toBe('100 %')
    expect(formatPercent(2500)).toBe('25 %')
    expect(formatPercent(3333)).toBe('33.33 %')
    expect(formatPercent(50)).toBe('0.5 %')
    expect(formatPercent(-50)).toBe('-0.5 %')
  })
})

describe('licenseFingerprint', () => {
  it('is a SHA-256 over the canonical JSON, independent of key order', () => {
    const t = sampleTerms()
    const fp = licenseFingerprint(t)
    expect(fp).toMatch(/^sha256-[0-9a-f]{64}$/)
    const reordered = JSON.parse(JSON.stringify(t, Object.keys(t).reverse())) as LicenseTerms
    const shuffled = Object.fromEntries(Object.entries(t).reverse()) as LicenseTerms
    expect(licenseFingerprint(shuffled)).toBe(fp)
    expect(reordered).toBeDefined()
  })

  it('changes when any term changes (property)', () => {
    fc.assert(
      fc.property(licenseTerms, licenseTerms, (a, b) => {
        expect(licenseFingerprint(a) === licenseFingerprint(b)).toBe(canonicalEqual(a, b))
      }),
    )
  })

  it('tells terms that differ only in one share apart', () => {
    const a = sampleTerms()
    const b = sampleTerms()
    b.royalty.splits[0]!.basisPoints = 5999
    b.royalty.splits[1]!.basisPoints = 1001
    expect(licenseFingerprint(a)).not.toBe(licenseFingerprint(b))
  })
})

function canonicalEqual(a: unknown, b: unknown): boolean {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, sort(x)])) : v
  return JSON.stringify(sort(a)) === JSON.stringify(sort(b))
}

describe('limits say themselves (issue #21, item 13)', () => {
  it('a 3,000-character licensor name is refused with the limit, not as “must be text”', () => {
    const terms = sampleTerms()
    terms.licensor.name = 'x'.repeat(3000)
    const r = parseLicenseTerms(terms)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      const text = r.issues.map((i) => i.message).join(' | ')
      expect(text).toMatch(/too long \(3,?000 characters; at most 200\)/)
      expect(text).not.toMatch(/must be text/)
    }
  })

  it('a name that is not text still says so', () => {
    expect(PartySchema.safeParse({ name: 42 }).error?.issues[0]?.message).toBe('Name must be text')
  })
})
