/**
 * The ODRL output, expanded as JSON-LD against the bundled ODRL 2.2 context (no
 * network, `safe: true`), and read back for the permissions, prohibitions,
 * constraints and duties the terms say.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AI_TRAINING_ACTION,
  CAP_OPERANDS,
  DELETE_TRAINED_MODELS_ACTION,
  HCC_PROPERTY,
  LOOMPRINT_ODRL_PROFILE,
  ODRL_NS,
  REVENUE_SHARE_OPERAND,
  TDM_MINE_ACTION,
  currencyIri,
  fieldIri,
  grantedActions,
  odrlDocument,
  territoryIri,
  toOdrl,
} from '../../src/license/odrl'
import { FIELD_OPERAND, ODRL_PROFILE_FILE, odrlProfileDocument } from '../../src/license/odrl-profile'
import { FIELDS_OF_USE } from '../../src/license/terms'
import type { LicenseTerms } from '../../src/license/terms'
import { expandOdrl } from '../../src/cli/odrl-check'
import { licenseTerms } from './arbitraries'
import { sampleTerms } from './fixtures'

type Node = Record<string, unknown>
const O = (k: string) => ODRL_NS + k
const XSD = 'http://www.w3.org/2001/XMLSchema#'
const DCT_DESCRIPTION = 'http://purl.org/dc/terms/description'
const RDF_VALUE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value'

function all(node: Node, key: string): Node[] {
  return ((node[key] as Node[] | undefined) ?? []).slice()
}
function one(node: Node, key: string): Node {
  const v = all(node, key)
  if (v.length !== 1) throw new Error(`${key}: expected one value, got ${v.length} in ${JSON.stringify(node).slice(0, 300)}`)
  return v[0]!
}
function id(node: Node, key: string): string {
  return one(node, key)['@id'] as string
}
/** The action IRI of a rule, plain or refined (rdf:value). */
function actionOf(rule: Node): string {
  const a = one(rule, O('action'))
  return (a['@id'] as string | undefined) ?? id(a, RDF_VALUE)
}

interface Flat {
  leftOperand: string
  operator: string
  right: Node[]
  unit?: string
}
/** Constraints of a rule, with `or` lists flattened. */
function constraintsOf(rule: Node, key = O('constraint')): Flat[] {
  const out: Flat[] = []
  for (const c of all(rule, key)) {
    if (c[O('or')]) {
      const list = (one(c, O('or'))['@list'] as Node[]) ?? []
      for (const inner of list) out.push(...constraintsOf({ x: [inner] }, 'x'))
      continue
    }
    out.push({
      leftOperand: id(c, O('leftOperand')),
      operator: id(c, O('operator')),
      right: all(c, O('rightOperand')),
      unit: c[O('unit')] ? id(c, O('unit')) : undefined,
    })
  }
  return out
}

async function expanded(terms: LicenseTerms, hcc?: number): Promise<Node> {
  const doc = toOdrl(terms, { uid: 'urn:loomprint:pattern:V1StGXR8_Z5jdHi6B-myT', ...(hcc !== undefined ? { hcc } : {}) })
  const nodes = await expandOdrl(doc)
  expect(nodes).toHaveLength(1)
  return nodes[0]!
}

function rulesOf(policy: Node) {
  return {
    permissions: all(policy, O('permission')),
    prohibitions: all(policy, O('prohibition')),
    obligations: all(policy, O('obligation')),
  }
}

/**
 * Every `@id` that is not absolute. jsonld's safe mode refuses unknown terms, but keeps
 * a relative IRI in an `@id`-typed value (e.g. a bare name as `target`) as it is.
 */
function relativeIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(relativeIds)
  if (value === null || typeof value !== 'object') return []
  const out: string[] = []
  for (const [k, v] of Object.entries(value)) {
    if (k === '@id' && typeof v === 'string' && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(v)) out.push(v)
    else out.push(...relativeIds(v))
  }
  return out
}

/** Every rule (and every duty inside a permission) names its own target, assigner and action. */
function expectSelfContained(policy: Node) {
  expect(relativeIds(policy)).toEqual([])
  const { permissions, prohibitions, obligations } = rulesOf(policy)
  const rules = [...permissions, ...prohibitions, ...obligations, ...permissions.flatMap((p) => all(p, O('duty')))]
  expect(rules.length).toBeGreaterThan(0)
  for (const r of rules) {
    expect(id(r, O('target'))).toMatch(/^(urn|https?|mailto|did):/)
    expect(id(r, O('assigner'))).toMatch(/^(urn|https?|mailto|did):/)
    expect(actionOf(r)).toMatch(/^(http|urn)/)
  }
}

describe('toOdrl', () => {
  it('is an ODRL Agreement with a profile, expanded without loss under safe mode', async () => {
    const policy = await expanded(sampleTerms(), 0.62)
    expect(policy['@type']).toEqual([O('Agreement')])
    expect(policy['@id']).toMatch(/^urn:loomprint:license:sha256:[0-9a-f]{64}$/)
    expect(id(policy, O('profile'))).toBe(LOOMPRINT_ODRL_PROFILE)
    expect(id(policy, O('conflict'))).toBe(O('prohibit'))
    expect((policy[DCT_DESCRIPTION] as Node[])[0]!['@value']).toMatch(/signed agreement .* prevails over this schedule .* license\.odrl\.json/)
    expectSelfContained(policy)
    // In an Agreement every rule names the licensee too; only the exclusivity duty is the licensor's own.
    const { permissions, prohibitions, obligations } = rulesOf(policy)
    for (const r of [...permissions, ...prohibitions, ...obligations]) {
      const expected = actionOf(r) === O('ensureExclusivity') ? 'urn:loomprint:party:licensor:studio-nord' : 'urn:loomprint:party:licensee:Maison%20Lumen'
      expect(id(r, O('assignee'))).toBe(expected)
    }
  })

  it('offers to any subscriber when no licensee is named', async () => {
    const t = sampleTerms()
    t.exclusivity = 'nonExclusive'
    t.licensee = { kind: 'anySubscriber' }
    const policy = await expanded(t)
    expect(policy['@type']).toEqual([O('Offer')])
    for (const p of rulesOf(policy).permissions) expect(p[O('assignee')]).toBeUndefined()
  })

  it('puts the HCC on the target as a property of the asset, never as a condition of use', async () => {
    const policy = await expanded(sampleTerms(), 0.62)
    const { permissions } = rulesOf(policy)
    const target = one(permissions[0]!, O('target'))
    expect((target[HCC_PROPERTY] as Node[])[0]!['@value']).toBe('0.62')
    for (const p of permissions) expect(constraintsOf(p).some((c) => c.leftOperand === HCC_PROPERTY)).toBe(false)
  })

  it('permits the granted actions within fields of use (product, media, purpose), territory, term and caps', async () => {
    const t = sampleTerms()
    t.fieldOfUse.allowed = ['apparel', 'digitalWeb', 'advertising']
    t.fieldOfUse.denied = []
    const policy = await expanded(t, 0.62)
    const main = rulesOf(policy).permissions
    const actions = main.map(actionOf)
    for (const a of ['reproduce', 'distribute', 'display', 'sell', 'modify', 'derive']) expect(actions).toContain(O(a))
    const reproduce = main.find((p) => actionOf(p) === O('reproduce'))!
    const cs = constraintsOf(reproduce)
    expect(cs.filter((c) => ['product', 'media', 'purpose'].some((k) => c.leftOperand === O(k))).map((c) => [c.leftOperand, c.right.map((r) => r['@id'])])).toEqual([
      [O('product'), [fieldIri('apparel')]],
      [O('media'), [fieldIri('digitalWeb')]],
      [O('purpose'), [fieldIri('advertising')]],
    ])
    const spatial = cs.filter((c) => c.leftOperand === O('spatial'))
    expect(spatial.map((c) => [c.operator, c.right[0]!['@id']])).toEqual([
      [O('isPartOf'), territoryIri('FR')],
      [O('isPartOf'), territoryIri('DE')],
      [O('isPartOf'), territoryIri('JP')],
    ])
    expect(territoryIri('FR')).toBe('https://www.iso.org/obp/ui/#iso:code:3166:FR')
    const dates = cs.filter((c) => c.leftOperand === O('dateTime')).map((c) => [c.operator, c.right[0]!['@value'], c.right[0]!['@type']])
    expect(dates).toEqual([
      [O('gteq'), '2026-01-01', XSD + 'date'],
      [O('lteq'), '2027-12-31', XSD + 'date'],
    ])
    // No ODRL `count` (it counts executions of the action): the profile's own operands.
    expect(cs.some((c) => c.leftOperand === O('count'))).toBe(false)
    // Units are per-unit-royalty beyond the cap: no bound on the permission; variants deny beyond 12.
    const caps = cs.filter((c) => Object.values(CAP_OPERANDS).includes(c.leftOperand)).map((c) => [c.leftOperand, c.operator, c.right[0]!['@value']])
    expect(caps).toEqual([[CAP_OPERANDS.variants, O('lteq'), 12]])
    const display = main.find((p) => actionOf(p) === O('display'))!
    expect(constraintsOf(display).filter((c) => c.leftOperand === CAP_OPERANDS.impressions).map((c) => c.right[0]!['@value'])).toEqual([1_000_000])
  })

  it('beyond a per-unit-royalty cap obliges payment to the licensor, and keeps every other cap', async () => {
    const policy = await expanded(sampleTerms())
    const { permissions, obligations } = rulesOf(policy)
    // The finding: past 10,000 units any number of variants was permitted. Now no permission drops the variants cap.
    for (const p of permissions.filter((r) => actionOf(r) === O('reproduce'))) {
      expect(constraintsOf(p).some((c) => c.leftOperand === CAP_OPERANDS.variants && c.operator === O('lteq'))).toBe(true)
    }
    const beyond = obligations.filter((o) => constraintsOf(o).some((c) => c.operator === O('gt')))
    expect(beyond).toHaveLength(1)
    const gt = constraintsOf(beyond[0]!)[0]!
    expect([gt.leftOperand, gt.right[0]!['@value']]).toEqual([CAP_OPERANDS.units, 10_000])
    const pay = constraintsOf(one(beyond[0]!, O('action')), O('refinement'))[0]!
    expect([pay.leftOperand, pay.operator, pay.right[0]!['@value'], pay.right[0]!['@type'], pay.unit]).toEqual([O('payAmount'), O('eq'), '0.25', XSD + 'decimal', currencyIri('EUR')])
    expect(all(beyond[0]!, O('compensatedParty')).map((p) => p['@id'])).toEqual(['urn:loomprint:party:licensor:studio-nord'])
    // No payment is a precondition of a permission (ODRL duties are).
    for (const p of permissions) expect(all(p, O('duty')).map(actionOf)).not.toContain(O('compensate'))
  })

  it('prohibits denied fields, excluded countries, derivatives and training when the terms say so', async () => {
    const t = sampleTerms()
    t.territory = { scope: 'exclude', countries: ['RU'] }
    t.derivativesAllowed = false
    const policy = await expanded(t)
    const { prohibitions, permissions } = rulesOf(policy)
    const denied = prohibitions.find((p) => constraintsOf(p).some((c) => c.leftOperand === O('purpose')))!
    expect(actionOf(denied)).toBe(O('use'))
    expect(constraintsOf(denied)[0]!.right.map((r) => r['@id'])).toEqual([fieldIri('advertising')])
    const excluded = prohibitions.find((p) => constraintsOf(p).some((c) => c.leftOperand === O('spatial')))!
    expect(constraintsOf(excluded)[0]).toMatchObject({ operator: O('isPartOf'), right: [{ '@id': territoryIri('RU') }] })
    const actions = prohibitions.map(actionOf)
    for (const a of [O('modify'), O('derive'), AI_TRAINING_ACTION, TDM_MINE_ACTION]) expect(actions).toContain(a)
    for (const a of [O('modify'), O('derive'), AI_TRAINING_ACTION, TDM_MINE_ACTION]) expect(permissions.map(actionOf)).not.toContain(a)
    for (const p of permissions) expect(constraintsOf(p).some((c) => c.leftOperand === O('spatial'))).toBe(false)
  })

  it('permits training under its constraint; deleting trained models is an obligation after the term, not a precondition', async () => {
    const t = sampleTerms()
    t.aiTraining = { use: 'constrained', constraint: 'Only the licensee’s in-house model' }
    const policy = await expanded(t)
    const { permissions, obligations } = rulesOf(policy)
    const training = permissions.find((p) => actionOf(p) === AI_TRAINING_ACTION)!
    const c = constraintsOf(training).find((x) => x.leftOperand === 'urn:loomprint:odrl:trainingConstraint')!
    expect(c.right[0]!['@value']).toBe('Only the licensee’s in-house model')
    expect(training[O('duty')]).toBeUndefined()
    const del = obligations.find((o) => actionOf(o) === DELETE_TRAINED_MODELS_ACTION)!
    expect(constraintsOf(del)[0]).toMatchObject({ leftOperand: O('dateTime'), operator: O('gt'), right: [{ '@value': '2027-12-31' }] })
    expect(permissions.map(actionOf)).toContain(TDM_MINE_ACTION)
  })

  it('obliges the royalty to the licensor only (no split parties), attribution and exclusivity', async () => {
    const policy = await expanded(sampleTerms())
    const { obligations, permissions } = rulesOf(policy)
    const royalty = obligations.find((o) => actionOf(o) === O('compensate') && !o[O('constraint')])!
    const pay = constraintsOf(one(royalty, O('action')), O('refinement'))[0]!
    expect([pay.right[0]!['@value'], pay.unit]).toEqual(['1200', currencyIri('EUR')])
    for (const o of obligations.filter((x) => actionOf(x) === O('compensate'))) {
      expect(all(o, O('compensatedParty')).map((p) => p['@id'])).toEqual(['urn:loomprint:party:licensor:studio-nord'])
    }
    expect(JSON.stringify(policy)).not.toMatch(/Stability AI|shareBasisPoints/)
    expect(obligations.map(actionOf)).toContain(O('ensureExclusivity'))
    const attribution = all(permissions[0]!, O('duty')).find((d) => actionOf(d) === O('attribute'))!
    expect((attribution[DCT_DESCRIPTION] as Node[])[0]!['@value']).toBe('Pattern by Ana for Atelier Nord')
  })

  it('writes a revenue share as a share of net sales, not ODRL percentage (a share of the asset)', async () => {
    const t = sampleTerms()
    t.royalty.basis = { kind: 'revenueShare', basisPoints: 750 }
    const royalty = rulesOf(await expanded(t)).obligations.find((o) => actionOf(o) === O('compensate') && !o[O('constraint')])!
    const pct = constraintsOf(one(royalty, O('action')), O('refinement'))[0]!
    expect([pct.leftOperand, pct.right[0]!['@value'], pct.unit]).toEqual([REVENUE_SHARE_OPERAND, '7.5', 'urn:loomprint:odrl:netSales'])
  })

  it('is refused by the safe expansion when it holds a term ODRL does not define (the check can fail)', async () => {
    const doc = { ...toOdrl(sampleTerms(), { uid: 'urn:x:1' }), royaltyRate: 3 }
    await expect(expandOdrl(doc)).rejects.toThrow()
    const relative = { ...toOdrl(sampleTerms(), { uid: 'urn:x:1' }) }
    ;(relative.permission as Node[])[0]!.target = 'pattern-1'
    expect(relativeIds(await expandOdrl(relative))).toEqual(['pattern-1'])
  })

  it('makes a non-IRI target uid into a URN, and puts several policies in one graph', async () => {
    const a = toOdrl(sampleTerms(), { uid: 'abc 1' })
    expect((a.permission as Node[])[0]!.target).toBe('urn:loomprint:pattern:abc%201')
    const doc = odrlDocument([a, toOdrl(sampleTerms(), { uid: 'urn:x:2' })])
    const nodes = await expandOdrl(doc)
    expect(nodes).toHaveLength(2)
  })

  it('is deterministic', () => {
    expect(JSON.stringify(toOdrl(sampleTerms(), { uid: 'urn:x:1', hcc: 0.5 }))).toBe(JSON.stringify(toOdrl(sampleTerms(), { uid: 'urn:x:1', hcc: 0.5 })))
  })

  it('expands for any terms, every rule self-contained, actions as the terms say (property)', async () => {
    await fc.assert(
      fc.asyncProperty(licenseTerms, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), async (t, hcc) => {
        const policy = await expanded(t, hcc)
        expectSelfContained(policy)
        const { permissions, prohibitions } = rulesOf(policy)
        const permitted = new Set(permissions.map(actionOf))
        for (const a of grantedActions(t)) expect(permitted.has(O(a))).toBe(true)
        expect(permitted.has(AI_TRAINING_ACTION)).toBe(t.aiTraining.use !== 'notAllowed')
        expect(prohibitions.map(actionOf).includes(AI_TRAINING_ACTION)).toBe(t.aiTraining.use === 'notAllowed')
        const main = permissions.find((p) => actionOf(p) === O('sell'))!
        const fields = constraintsOf(main)
          .filter((c) => ['product', 'media', 'purpose'].some((k) => c.leftOperand === O(k)))
          .flatMap((c) => c.right.map((r) => r['@id']))
        expect(new Set(fields)).toEqual(new Set(t.fieldOfUse.allowed.map(fieldIri)))
      }),
      { numRuns: 40 },
    )
  })
})

describe('the Loomprint ODRL profile document', () => {
  it('defines, with a version, every profile IRI a policy uses, and expands offline against the ODRL context', async () => {
    const doc = odrlProfileDocument(FIELDS_OF_USE)
    const nodes = await expandOdrl(doc)
    const defined = new Set(nodes.map((n) => n['@id'] as string))
    expect(defined.has(LOOMPRINT_ODRL_PROFILE)).toBe(true)
    const profile = nodes.find((n) => n['@id'] === LOOMPRINT_ODRL_PROFILE)!
    expect((profile['http://www.w3.org/2002/07/owl#versionInfo'] as Node[])[0]!['@value']).toBe('2')
    expect(ODRL_PROFILE_FILE).toBe('license.odrl-profile.jsonld')
    const t = sampleTerms()
    t.aiTraining = { use: 'constrained', constraint: 'x' }
    t.royalty.basis = { kind: 'revenueShare', basisPoints: 500 }
    const used = new Set<string>()
    const walk = (v: unknown): void => {
      if (typeof v === 'string' && v.startsWith('urn:loomprint:odrl:')) used.add(v)
      else if (Array.isArray(v)) v.forEach(walk)
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k.startsWith('urn:loomprint:odrl:') && used.add(k), walk(x))
    }
    walk(await expandOdrl(toOdrl(t, { uid: 'urn:x:1', hcc: 0.4, modelLicense: 'CreativeML OpenRAIL-M' })))
    expect(used.size).toBeGreaterThan(5)
    for (const iri of used) expect(defined.has(iri), iri).toBe(true)
    for (const f of FIELDS_OF_USE) expect(['product', 'media', 'purpose']).toContain(FIELD_OPERAND[f.id])
  })
})
