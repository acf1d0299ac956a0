/**
 * Issue #24, "Done when": for a table of term sets (each tier; exclusive, sole and
 * non-exclusive; each royalty basis; caps with each rule; training allowed, not and
 * constrained; a RAIL model; an expired overlapping grant and a live one; old terms
 * without a frame), LICENSE.md, the ODRL policy (expanded with jsonld as the verifier
 * does) and the eligibility result are checked against each other.
 *
 * Three independent readings of each probe use — the ODRL policy evaluated as ODRL
 * 2.2 says (every constraint of a permission holds, a matching prohibition wins), the
 * schedule's own sentences read back, and `checkIntendedUse` — must agree with the
 * expectation written in the table.
 */
import { describe, expect, it } from 'vitest'
import { expandOdrl } from '../../src/cli/odrl-check'
import { checkEligibility, type EligibilityEvidence, type PriorGrant, type RuleId } from '../../src/license/eligibility'
import { checkIntendedUse } from '../../src/license/intended-use'
import { AI_TRAINING_ACTION, CAP_OPERANDS, ODRL_NS, fieldIri, territoryIri, toOdrl } from '../../src/license/odrl'
import { FIELD_OPERAND, RESTRICTED_PURPOSES } from '../../src/license/odrl-profile'
import { priorGrantOf } from '../../src/license/prior-grant'
import { FIELDS_OF_USE, fieldOfUseLabel, type FieldOfUse, type LicenseTerms } from '../../src/license/terms'
import { licenseText } from '../../src/license/text'
import { framedTerms } from './fixtures'

type Node = Record<string, unknown>
const O = (k: string) => ODRL_NS + k
const all = (n: Node, k: string): Node[] => ((n[k] as Node[] | undefined) ?? []).slice()
const idOf = (n: Node, k: string): string => all(n, k)[0]!['@id'] as string

/** A use to probe: one action, one field, one country, one day, and counts. */
interface Probe {
  action: 'reproduce' | 'display' | 'modify' | 'aiTraining'
  field: FieldOfUse
  country: string
  day: string
  units?: number
  variants?: number
  impressions?: number
  permitted: boolean
}

// --- reading 1: the ODRL policy, expanded, evaluated -------------------------------

function value(right: Node): string | number {
  return (right['@id'] as string | undefined) ?? (right['@value'] as string | number)
}

function holds(c: Node, p: Probe): boolean {
  if (c[O('or')]) return (all(c, O('or'))[0]!['@list'] as Node[]).some((x) => holds(x, p))
  const left = idOf(c, O('leftOperand'))
  const op = idOf(c, O('operator'))
  const rights = all(c, O('rightOperand')).map(value)
  const cmp = (x: string | number): boolean => {
    const r = rights[0]!
    switch (op) {
      case O('eq'):
        return x === r
      case O('lteq'):
        return x <= r
      case O('gteq'):
        return x >= r
      case O('gt'):
        return x > r
      case O('lt'):
        return x < r
      case O('isPartOf'):
        return x === r
      case O('isAnyOf'):
        return rights.includes(x)
      default:
        throw new Error('operator ' + op)
    }
  }
  if (left === O('product') || left === O('media') || left === O('purpose')) {
    return left === O(FIELD_OPERAND[p.field]) && cmp(fieldIri(p.field))
  }
  if (left === O('spatial')) return cmp(territoryIri(p.country))
  if (left === O('dateTime')) return cmp(p.day)
  if (left === CAP_OPERANDS.units) return cmp(p.units ?? 0)
  if (left === CAP_OPERANDS.variants) return cmp(p.variants ?? 0)
  if (left === CAP_OPERANDS.impressions) return cmp(p.impressions ?? 0)
  if (left === 'urn:loomprint:odrl:trainingConstraint') return true // its words are the licensee's to meet
  return false // an operand the probe says nothing about (a restricted purpose, a standalone file …)
}

function actionIri(p: Probe): string {
  return p.action === 'aiTraining' ? AI_TRAINING_ACTION : O(p.action)
}

function odrlPermits(policy: Node, p: Probe): boolean {
  const act = actionIri(p)
  const ruleAction = (r: Node) => idOf(r, O('action'))
  const permitted = all(policy, O('permission')).some((r) => ruleAction(r) === act && all(r, O('constraint')).every((c) => holds(c, p)))
  const prohibited = all(policy, O('prohibition')).some((r) => (ruleAction(r) === act || ruleAction(r) === O('use')) && all(r, O('constraint')).every((c) => holds(c, p)))
  return permitted && !prohibited
}

// --- reading 2: the schedule's sentences ------------------------------------------

function line(text: string, label: string): string {
  const l = text.split('\n').find((x) => x.startsWith(`- **${label}:** `))
  if (!l) throw new Error(`LICENSE.md has no "${label}" line`)
  return l.slice(`- **${label}:** `.length)
}

function textPermits(text: string, p: Probe): boolean {
  const allowed = line(text, 'Allowed fields of use').split(', ')
  if (!allowed.includes(fieldOfUseLabel(p.field))) return false
  const territory = line(text, 'Territory').replace(/ \(ISO 3166-1 country codes\)$/, '')
  const inTerritory =
    territory === 'worldwide' ? true : territory.startsWith('only ') ? territory.slice(5).split(', ').includes(p.country) : !territory.slice('worldwide except '.length).split(', ').includes(p.country)
  if (!inTerritory) return false
  const term = /^from (\S+) (?:to (\S+) inclusive|with no end)/.exec(line(text, 'Term'))!
  if (p.day < term[1]! || (term[2] && p.day > term[2])) return false
  const grant = /the licensee may (.*)\.$/m.exec(text)![1]!
  if (p.action === 'modify') return grant.includes('modify')
  if (p.action === 'aiTraining') return /The pattern may be used to train|may be used to train AI models and mined as data only under/.test(text)
  for (const [label, n] of [['Units produced', p.units], ['Product variants', p.variants], ['Digital impressions', p.impressions]] as const) {
    if (!text.includes(`- **${label}:** `) || n === undefined) continue
    const m = /^up to ([\d,]+) over the term; beyond that, (.*)$/.exec(line(text, label))!
    if (n > Number(m[1]!.replace(/,/g, '')) && !m[2]!.startsWith('permitted')) return false
  }
  return true
}

// --- the table --------------------------------------------------------------------

const HASH = 'c'.repeat(64)
function evidence(over: Partial<EligibilityEvidence> = {}): EligibilityEvidence {
  return {
    capture: { hcc: 0.62, label: 'Human-authored, AI-assisted', method: 'loomprint-hcc/2', hash: HASH, at: '2026-01-31T09:00:00Z' },
    captureIsCurrent: true,
    reviews: [{ decision: 'approved', by: { id: 'u-rev', name: 'Rita' }, at: '2026-02-01T10:00:00Z', capture: { hash: HASH } }],
    journal: { allChainsVerify: true, editors: [{ id: 'u-ana', name: 'Ana' }] },
    aiOrigin: { fineTune: { name: 'nord-florals-lora', version: '3' }, trainingData: 'Licensed archive of Atelier Nord', modelLicense: 'Adobe Firefly' },
    ...over,
  }
}

function terms(edit: (t: LicenseTerms) => void): LicenseTerms {
  const t = framedTerms()
  edit(t)
  return t
}

/** Non-exclusive offer to any subscriber: no licensee entity, click-through. */
function offer(t: LicenseTerms): void {
  t.exclusivity = 'nonExclusive'
  t.licensee = { kind: 'anySubscriber' }
  delete t.contract!.parties.licensee
  delete t.contract!.acceptance
}

const earlierExclusive = (start: string, end: string): PriorGrant => ({
  ...priorGrantOf(terms((t) => ((t.licensee = { kind: 'named', name: 'Maison Aube' }), (t.term = { start, end })))),
  fingerprint: 'sha256-' + 'd'.repeat(64),
})

const D = '2026-06-01'
const inFR = (over: Partial<Probe> & { permitted: boolean }): Probe => ({ action: 'reproduce', field: 'apparel', country: 'FR', day: D, ...over })

interface Row {
  name: string
  terms: LicenseTerms
  evidence?: Partial<EligibilityEvidence>
  grants?: PriorGrant[]
  modelLicense?: string
  eligible: boolean
  failing: RuleId[]
  probes: Probe[]
}

const TABLE: Row[] = [
  {
    name: 'Commodity, non-exclusive offer, flat fee, worldwide, no caps, training not allowed',
    terms: terms((t) => (offer(t), (t.tier = 'commodity'), (t.territory = { scope: 'worldwide' }), (t.caps = []), (t.contract!.warranty = 'asIs'), (t.contract!.indemnity = { kind: 'none' }))),
    eligible: true,
    failing: [],
    probes: [inFR({ country: 'US', units: 1e6, permitted: true }), inFR({ field: 'advertising', permitted: false }), inFR({ action: 'aiTraining', permitted: false }), inFR({ day: '2025-12-31', permitted: false })],
  },
  {
    name: 'Hybrid creative, exclusive, flat fee, caps: units per-unit royalty, impressions renegotiate, variants deny',
    terms: framedTerms(),
    eligible: true,
    failing: [],
    probes: [
      inFR({ units: 12_000, variants: 12, permitted: true }),
      // The finding: past 10,000 units the variants cap used to vanish.
      inFR({ units: 12_000, variants: 13, permitted: false }),
      inFR({ action: 'display', field: 'homeTextiles', impressions: 1_000_001, permitted: false }),
      inFR({ action: 'display', field: 'homeTextiles', impressions: 1_000_000, permitted: true }),
      inFR({ country: 'US', permitted: false }),
      inFR({ day: '2028-01-01', permitted: false }),
    ],
  },
  {
    name: 'Hybrid creative, sole, revenue share, worldwide except RU, training allowed, models kept',
    terms: terms((t) => ((t.exclusivity = 'sole'), (t.royalty.basis = { kind: 'revenueShare', basisPoints: 800 }), (t.territory = { scope: 'exclude', countries: ['RU'] }), (t.aiTraining = { use: 'allowed' }), (t.residualRights = 'keepModels'), (t.caps = []))),
    eligible: true,
    failing: [],
    probes: [inFR({ country: 'US', permitted: true }), inFR({ country: 'RU', permitted: false }), inFR({ action: 'aiTraining', permitted: true })],
  },
  {
    name: 'Foundational IP, exclusive, per unit, training constrained, models deleted',
    terms: terms((t) => ((t.tier = 'foundationalIp'), (t.royalty.basis = { kind: 'perUnit', perUnit: { amount: '0.10', currency: 'EUR' } }), (t.aiTraining = { use: 'constrained', constraint: 'Only the licensee’s in-house model' }), (t.caps = []))),
    eligible: true,
    failing: [],
    probes: [inFR({ action: 'aiTraining', permitted: true }), inFR({ action: 'aiTraining', day: '2028-02-01', permitted: false })],
  },
  {
    name: 'Non-exclusive named licensee, per unit, units cap denied beyond 5,000, no derivatives',
    terms: terms((t) => ((t.exclusivity = 'nonExclusive'), (t.royalty.basis = { kind: 'perUnit', perUnit: { amount: '0.20', currency: 'EUR' } }), (t.caps = [{ kind: 'units', limit: 5000, overCap: { rule: 'deny' } }]), (t.derivativesAllowed = false))),
    eligible: true,
    failing: [],
    probes: [inFR({ units: 5000, permitted: true }), inFR({ units: 5001, permitted: false }), inFR({ action: 'modify', permitted: false })],
  },
  {
    name: 'Exclusive grant with no acceptance recorded',
    terms: terms((t) => delete t.contract!.acceptance),
    eligible: false,
    failing: ['contract.acceptance'],
    probes: [inFR({ permitted: true })],
  },
  {
    name: 'Old stamped terms, exclusive to a named licensee, no frame',
    terms: terms((t) => delete t.contract),
    eligible: false,
    failing: ['contract.frame', 'contract.acceptance'],
    probes: [inFR({ permitted: true })],
  },
  {
    name: 'Old stamped terms, non-exclusive offer, no frame (a warning, not a refusal)',
    terms: terms((t) => (offer(t), delete t.contract)),
    eligible: true,
    failing: ['contract.frame'],
    probes: [inFR({ permitted: true })],
  },
  {
    name: 'Commodity at HCC 0 with an originality and non-infringement warranty',
    terms: terms((t) => (offer(t), (t.tier = 'commodity'), (t.contract!.warranty = 'originalityAndNonInfringement'), (t.contract!.indemnity = { kind: 'uncapped' }))),
    evidence: { capture: { hcc: 0, label: 'AI-generated', method: 'loomprint-hcc/2', hash: HASH, at: '2026-01-31T09:00:00Z' } },
    eligible: false,
    failing: ['warranty.evidence'],
    probes: [inFR({ permitted: true })],
  },
  {
    name: 'Non-exclusive offer on a RAIL model (CreativeML OpenRAIL-M)',
    terms: terms((t) => offer(t)),
    modelLicense: 'CreativeML OpenRAIL-M',
    eligible: true,
    failing: [],
    probes: [inFR({ permitted: true })],
  },
  {
    name: 'Exclusive grant after an earlier exclusive grant that has expired',
    terms: framedTerms(),
    grants: [earlierExclusive('2024-01-01', '2025-12-31')],
    eligible: true,
    failing: [],
    probes: [inFR({ permitted: true })],
  },
  {
    name: 'Exclusive grant over an earlier exclusive grant still running',
    terms: framedTerms(),
    grants: [earlierExclusive('2025-06-01', '2026-06-30')],
    eligible: false,
    failing: ['grant.overlap'],
    probes: [inFR({ permitted: true })],
  },
  {
    name: 'Sole grant below the exclusivity threshold',
    terms: terms((t) => ((t.exclusivity = 'sole'), (t.contract!.warranty = 'asIs'), (t.contract!.indemnity = { kind: 'none' }))),
    evidence: { capture: { hcc: 0.3, label: 'AI-assisted', method: 'loomprint-hcc/2', hash: HASH, at: '2026-01-31T09:00:00Z' } },
    eligible: false,
    failing: ['exclusive.hcc'],
    probes: [inFR({ permitted: true })],
  },
]

describe('LICENSE.md, ODRL and eligibility agree, for a table of term sets', () => {
  it('has at least 12 term sets covering every tier, exclusivity, royalty basis, cap rule and training choice', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(12)
    const seen = (f: (t: LicenseTerms) => string) => new Set(TABLE.map((r) => f(r.terms)))
    expect(seen((t) => t.tier)).toEqual(new Set(['commodity', 'hybridCreative', 'foundationalIp']))
    expect(seen((t) => t.exclusivity)).toEqual(new Set(['nonExclusive', 'exclusive', 'sole']))
    expect(seen((t) => t.royalty.basis.kind)).toEqual(new Set(['flatFee', 'perUnit', 'revenueShare']))
    expect(new Set(TABLE.flatMap((r) => r.terms.caps.map((c) => c.overCap.rule)))).toEqual(new Set(['deny', 'renegotiate', 'perUnitRoyalty']))
    expect(seen((t) => t.aiTraining.use)).toEqual(new Set(['allowed', 'notAllowed', 'constrained']))
  })

  describe.each(TABLE)('$name', (row) => {
    it('permits and forbids the same uses in the ODRL policy, the schedule and the intended-use check', async () => {
      const text = licenseText(row.terms, row.modelLicense ? { modelLicense: row.modelLicense } : {})
      const [policy] = (await expandOdrl(toOdrl(row.terms, { uid: 'urn:loomprint:pattern:p1', hcc: 0.62, ...(row.modelLicense ? { modelLicense: row.modelLicense } : {}) }))) as Node[]
      for (const probe of row.probes) {
        const what = JSON.stringify(probe)
        expect(odrlPermits(policy!, probe), `ODRL: ${what}`).toBe(probe.permitted)
        expect(textPermits(text, probe), `LICENSE.md: ${what}`).toBe(probe.permitted)
        if (probe.action !== 'aiTraining') {
          const use = { fieldOfUse: probe.field, territory: [probe.country], units: probe.units, variants: probe.variants, impressions: probe.impressions, derivative: probe.action === 'modify' }
          expect(checkIntendedUse(row.terms, use, probe.day).permitted, `checkIntendedUse: ${what}`).toBe(probe.permitted)
        }
      }
      // Every allowed field is permitted in the policy and listed in the text; every other field is neither.
      for (const f of FIELDS_OF_USE) {
        const start = row.terms.term.start
        const probe: Probe = { action: 'reproduce', field: f.id, country: row.terms.territory.scope === 'include' ? row.terms.territory.countries[0]! : 'FR', day: start, permitted: row.terms.fieldOfUse.allowed.includes(f.id) }
        expect(odrlPermits(policy!, probe), f.id).toBe(probe.permitted)
        expect(textPermits(text, probe), f.id).toBe(probe.permitted)
      }
    })

    it('names only the licensor as payee in both, and carries the model licence’s restrictions in both', async () => {
      const text = licenseText(row.terms, row.modelLicense ? { modelLicense: row.modelLicense } : {})
      const odrl = toOdrl(row.terms, { uid: 'urn:loomprint:pattern:p1', ...(row.modelLicense ? { modelLicense: row.modelLicense } : {}) })
      const [policy] = (await expandOdrl(odrl)) as Node[]
      const payees = all(policy!, O('obligation')).flatMap((o) => all(o, O('compensatedParty')).map((p) => p['@id']))
      expect(new Set(payees)).toEqual(new Set([idOf(all(policy!, O('permission'))[0]!, O('assigner'))]))
      // The credit line may name the author; nothing else in the licensee's document names a split party.
      const body = text.replace(/^- \*\*Attribution:\*\*.*$/m, '')
      for (const s of row.terms.royalty.splits) if (s.party.role !== 'studio') expect(body).not.toContain(s.party.role === 'humanAuthor' ? s.party.person.name : s.party.name)
      const rail = all(policy!, O('prohibition')).some((p) => JSON.stringify(p).includes(RESTRICTED_PURPOSES.railRestricted))
      expect(rail).toBe(row.modelLicense === 'CreativeML OpenRAIL-M')
      expect(text.includes('Attachment A (use restrictions)')).toBe(rail)
    })

    it('is eligible exactly when the table says, and the schedule shows a missing frame the way eligibility does', () => {
      const ev = evidence({ ...row.evidence, ...(row.grants ? { grants: row.grants } : {}), ...(row.modelLicense ? { aiOrigin: { ...evidence().aiOrigin!, modelLicense: row.modelLicense } } : {}) })
      const r = checkEligibility(row.terms, ev)
      const failing = r.rules.filter((x) => !x.ok && x.severity !== 'info').map((x) => x.id)
      expect(failing.filter((id) => id !== 'model.commercial' && id !== 'trainingData.declared').sort()).toEqual([...row.failing].sort())
      expect(r.eligible).toBe(row.eligible)
      const text = licenseText(row.terms)
      expect(text.includes('**Status: needs contract frame.**')).toBe(failing.includes('contract.frame'))
      if (failing.includes('exclusive.hcc')) expect(r.rules.find((x) => x.id === 'exclusive.hcc')!.reason).toMatch(/US Copyright Office/)
    })
  })
})
