/** fast-check arbitraries for license terms: every value they make parses. */
import fc from 'fast-check'
import { ISO_3166_ALPHA2, ISO_4217_CURRENCIES } from '../../src/provenance/codes'
import {
  CAP_KINDS,
  EXCLUSIVITIES,
  FIELD_OF_USE_IDS,
  RESIDUAL_RIGHTS,
  TIERS,
  type LicenseTerms,
  type Money,
  type OverCapRule,
  type RoyaltyBasis,
  type RoyaltySplit,
  type SplitParty,
} from '../../src/license/terms'

const name = fc.string({ minLength: 1, maxLength: 30 })
export const money: fc.Arbitrary<Money> = fc.record({
  amount: fc.oneof(
    fc.nat({ max: 1_000_000 }).map(String),
    fc.tuple(fc.nat({ max: 9999 }), fc.integer({ min: 1, max: 999_999 })).map(([a, b]) => `${a}.${b}`),
  ),
  currency: fc.constantFrom(...ISO_4217_CURRENCIES),
})

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

const overCap: fc.Arbitrary<OverCapRule> = fc.oneof(
  fc.constant({ rule: 'deny' as const }),
  fc.constant({ rule: 'renegotiate' as const }),
  money.map((perUnit) => ({ rule: 'perUnitRoyalty' as const, perUnit })),
)

const basis: fc.Arbitrary<RoyaltyBasis> = fc.oneof(
  money.map((fee) => ({ kind: 'flatFee' as const, fee })),
  money.map((perUnit) => ({ kind: 'perUnit' as const, perUnit })),
  fc.integer({ min: 1, max: 10_000 }).map((basisPoints) => ({ kind: 'revenueShare' as const, basisPoints })),
)

const party: fc.Arbitrary<SplitParty> = fc.oneof(
  fc.record({ role: fc.constant('humanAuthor' as const), person: fc.record({ id: fc.uuid(), name }) }),
  fc.record({ role: fc.constant('modelProvider' as const), name }),
  fc.record({ role: fc.constant('curator' as const), name }),
  fc.record({ role: fc.constant('studio' as const), name }),
)

/** 1..6 distinct parties whose shares sum to exactly 10,000. */
export const splits: fc.Arbitrary<RoyaltySplit[]> = fc
  .uniqueArray(party, {
    minLength: 1,
    maxLength: 6,
    selector: (p) => (p.role === 'humanAuthor' ? 'a:' + p.person.id : p.role + ':' + p.name),
  })
  .chain((parties) =>
    fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: parties.length - 1, maxLength: parties.length - 1 }).map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000]
      return parties.map((p, i) => ({ party: p, basisPoints: points[i + 1]! - points[i]! }))
    }),
  )

export const licenseTerms: fc.Arbitrary<LicenseTerms> = fc
  .record({
    tier: fc.constantFrom(...TIERS),
    exclusivity: fc.constantFrom(...EXCLUSIVITIES),
    licensor: fc.record({ name }, { requiredKeys: ['name'] }),
    licenseeName: fc.option(name, { nil: undefined }),
    uses: fc.shuffledSubarray([...FIELD_OF_USE_IDS], { minLength: 1 }),
    allowedCount: fc.nat(),
    notes: fc.string({ maxLength: 40 }),
    territory: fc.oneof(
      fc.constant({ scope: 'worldwide' as const }),
      fc.uniqueArray(fc.constantFrom(...ISO_3166_ALPHA2), { minLength: 1, maxLength: 8 }).map((countries) => ({ scope: 'include' as const, countries })),
      fc.uniqueArray(fc.constantFrom(...ISO_3166_ALPHA2), { minLength: 1, maxLength: 8 }).map((countries) => ({ scope: 'exclude' as const, countries })),
    ),
    dates: fc.tuple(isoDate, fc.option(isoDate, { nil: null })),
    caps: fc.uniqueArray(fc.record({ kind: fc.constantFrom(...CAP_KINDS), limit: fc.integer({ min: 1, max: 1e9 }), overCap }), {
      selector: (c) => c.kind,
      maxLength: 3,
    }),
    royalty: fc.record({ basis, splits }),
    aiTraining: fc.oneof(
      fc.constant({ use: 'allowed' as const }),
      fc.constant({ use: 'notAllowed' as const }),
      fc.string({ minLength: 1, maxLength: 60 }).map((constraint) => ({ use: 'constrained' as const, constraint })),
    ),
    residualRights: fc.constantFrom(...RESIDUAL_RIGHTS),
    attribution: fc.string({ maxLength: 60 }),
    derivativesAllowed: fc.boolean(),
  })
  .map((r): LicenseTerms => {
    const exclusivity = r.tier === 'commodity' ? 'nonExclusive' : r.exclusivity
    const licenseeName = exclusivity !== 'nonExclusive' ? (r.licenseeName ?? 'Licensee') : r.licenseeName
    const split = 1 + (r.allowedCount % r.uses.length)
    const [a, b] = r.dates
    const start = b !== null && b < a ? b : a
    const end = b !== null && b < a ? a : b
    return {
      version: 1,
      tier: r.tier,
      exclusivity,
      licensor: r.licensor,
      licensee: licenseeName === undefined ? { kind: 'anySubscriber' } : { kind: 'named', name: licenseeName },
      fieldOfUse: { allowed: r.uses.slice(0, split), denied: r.uses.slice(split), notes: r.notes },
      territory: r.territory,
      term: { start, end },
      caps: r.caps,
      royalty: r.royalty,
      aiTraining: r.aiTraining,
      residualRights: r.residualRights,
      attribution: r.attribution,
      derivativesAllowed: r.derivativesAllowed,
    }
  })
