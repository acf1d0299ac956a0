import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkIntendedUse, dateOf, parseIntendedUse, type IntendedUse, type UseCheckId } from '../../src/license/intended-use'
import { FIELD_OF_USE_IDS, type LicenseTerms } from '../../src/license/terms'
import { licenseTerms } from './arbitraries'
import { sampleTerms } from './fixtures'

const USE: IntendedUse = { fieldOfUse: 'apparel', territory: ['FR'], units: 5000 }

function check(use: Partial<IntendedUse>, at = '2026-06-01', edit: (t: LicenseTerms) => void = () => {}) {
  const t = sampleTerms()
  edit(t)
  return checkIntendedUse(t, { ...USE, ...use }, at)
}

function byId(result: ReturnType<typeof checkIntendedUse>, id: UseCheckId) {
  const c = result.checks.find((x) => x.id === id)
  if (!c) throw new Error(`no check ${id}`)
  return c
}

describe('checkIntendedUse', () => {
  it('permits a use inside every term, and says why', () => {
    const r = check({})
    expect(r.permitted).toBe(true)
    expect(r.checks.map((c) => c.id)).toEqual(['fieldOfUse', 'territory', 'term', 'cap.units'])
    expect(byId(r, 'cap.units').reason).toBe('5,000 units produced is within the cap of 10,000.')
  })

  const table: [string, Partial<IntendedUse>, string, (t: LicenseTerms) => void, UseCheckId, boolean, RegExp][] = [
    ['a denied field', { fieldOfUse: 'advertising' }, '2026-06-01', () => {}, 'fieldOfUse', false, /Advertising is explicitly denied/],
    ['a field not listed', { fieldOfUse: 'packaging' }, '2026-06-01', () => {}, 'fieldOfUse', false, /Packaging is not among the allowed fields of use \(Apparel, Home textiles\)/],
    ['a country outside the included ones', { territory: ['FR', 'US'] }, '2026-06-01', () => {}, 'territory', false, /US is outside the licensed territory \(FR, DE, JP\)/],
    ['a worldwide use on listed countries', { territory: 'worldwide' }, '2026-06-01', () => {}, 'territory', false, /wider than the licensed territory/],
    ['an excluded country', { territory: ['RU'] }, '2026-06-01', (t) => (t.territory = { scope: 'exclude', countries: ['RU'] }), 'territory', false, /RU is excluded/],
    ['a country not excluded', { territory: ['BR'] }, '2026-06-01', (t) => (t.territory = { scope: 'exclude', countries: ['RU'] }), 'territory', true, /within the licensed territory/],
    ['a worldwide use on worldwide terms', { territory: 'worldwide' }, '2026-06-01', (t) => (t.territory = { scope: 'worldwide' }), 'territory', true, /worldwide/],
    ['the day before the term', {}, '2025-12-31', () => {}, 'term', false, /starts on 2026-01-01; 2025-12-31 is before it/],
    ['the first day of the term', {}, '2026-01-01T00:00:00Z', () => {}, 'term', true, /within the term/],
    ['the last day of the term', {}, '2027-12-31T23:59:59Z', () => {}, 'term', true, /within the term/],
    ['the day after the term', {}, '2028-01-01', () => {}, 'term', false, /ended on 2027-12-31; 2028-01-01 is after it/],
    ['any day of a perpetual term', {}, '2199-01-01', (t) => (t.term.end = null), 'term', true, /perpetual term from 2026-01-01/],
    ['a date that is not a date', {}, 'next spring', () => {}, 'term', false, /not a date/],
    ['exactly the cap', { units: 10_000 }, '2026-06-01', () => {}, 'cap.units', true, /within the cap/],
    ['beyond a cap whose rule is deny', { variants: 13 }, '2026-06-01', () => {}, 'cap.variants', false, /13 product variants is 1 beyond the cap of 12, and the terms deny use beyond it/],
    ['beyond a cap to renegotiate', { impressions: 1_000_001 }, '2026-06-01', () => {}, 'cap.impressions', false, /must be renegotiated with the licensor/],
    ['beyond a cap with a per-unit royalty', { units: 12_500 }, '2026-06-01', () => {}, 'cap.units', false, /2,500 beyond the cap of 10,000; permitted with a royalty of 0\.25 EUR for each of the 2,500/],
    ['a derivative when derivatives are not allowed', { derivative: true }, '2026-06-01', (t) => (t.derivativesAllowed = false), 'derivatives', false, /do not allow derivative works/],
    ['AI training when not allowed', { aiTraining: true }, '2026-06-01', () => {}, 'aiTraining', false, /do not allow AI training/],
    ['AI training under a constraint', { aiTraining: true }, '2026-06-01', (t) => (t.aiTraining = { use: 'constrained', constraint: 'only for the licensee’s in-house model' }), 'aiTraining', false, /only under this constraint: only for the licensee’s in-house model/],
  ]

  it.each(table)('%s', (_what, use, at, edit, id, ok, reason) => {
    const r = check(use, at, edit)
    expect(byId(r, id).ok).toBe(ok)
    expect(byId(r, id).reason).toMatch(reason)
  })

  it('permits use beyond a per-unit-royalty cap and reports the excess, but not beyond deny or renegotiate', () => {
    const royalty = check({ units: 12_500 })
    expect(royalty.permitted).toBe(true)
    expect(royalty.overCap).toEqual([{ kind: 'units', limit: 10_000, used: 12_500, beyond: 2500, perUnit: { amount: '0.25', currency: 'EUR' } }])
    expect(check({ variants: 13 }).permitted).toBe(false)
    expect(check({ impressions: 2_000_000 }).permitted).toBe(false)
    expect(check({ units: 1e12 }, '2026-06-01', (t) => (t.caps = [])).permitted).toBe(true)
  })

  it('permits exactly the uses that pass every error check (property)', () => {
    fc.assert(
      fc.property(
        licenseTerms,
        fc.constantFrom(...FIELD_OF_USE_IDS),
        fc.nat({ max: 2e9 }),
        fc.date({ min: new Date('1999-01-01'), max: new Date('2101-01-01'), noInvalidDate: true }),
        (t, field, units, when) => {
          const r = checkIntendedUse(t, { fieldOfUse: field, territory: 'worldwide', units }, when.toISOString())
          expect(r.permitted).toBe(r.checks.every((c) => c.ok || c.severity !== 'error'))
          expect(byId(r, 'fieldOfUse').ok).toBe(t.fieldOfUse.allowed.includes(field))
          const day = when.toISOString().slice(0, 10)
          expect(byId(r, 'term').ok).toBe(day >= t.term.start && (t.term.end === null || day <= t.term.end))
          const cap = t.caps.find((c) => c.kind === 'units')
          if (cap) expect(byId(r, 'cap.units').ok).toBe(units <= cap.limit)
        },
      ),
    )
  })

  it('a larger use is never permitted where a smaller one is refused (property)', () => {
    fc.assert(
      fc.property(licenseTerms, fc.nat({ max: 1e9 }), fc.nat({ max: 1e9 }), (t, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a]
        const at = t.term.start
        const permitted = (n: number) => checkIntendedUse(t, { fieldOfUse: t.fieldOfUse.allowed[0]!, territory: 'worldwide', units: n, impressions: n, variants: n }, at).permitted
        if (!permitted(lo)) expect(permitted(hi)).toBe(false)
      }),
    )
  })
})

describe('parseIntendedUse', () => {
  it('reads a use and names wrong fields', () => {
    expect(parseIntendedUse({ fieldOfUse: 'apparel', territory: ['FR'], units: 10 })).toEqual({ ok: true, use: { fieldOfUse: 'apparel', territory: ['FR'], units: 10 } })
    const r = parseIntendedUse({ fieldOfUse: 'tattoos', territory: ['XX'], units: -1, colour: 'red' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]))
    expect(byPath['fieldOfUse']).toMatch(/Field of use must be one of/)
    expect(byPath['territory.0']).toMatch(/ISO 3166-1 alpha-2/)
    expect(byPath['units']).toMatch(/Units must be at least 0/)
    expect(byPath['']).toMatch(/Unexpected field.*colour/)
    expect(parseIntendedUse(null).ok).toBe(false)
  })

  it('takes the day of a date or date-time', () => {
    expect(dateOf('2026-03-04')).toBe('2026-03-04')
    expect(dateOf('2026-03-04T23:00:00+05:00')).toBe('2026-03-04')
    expect(dateOf('2026-03-04x')).toBeNull()
    expect(dateOf('2026-02-30')).toBeNull()
  })
})
