/**
 * License terms as a W3C ODRL 2.2 policy in JSON-LD (w3.org/TR/odrl-model,
 * w3.org/TR/odrl-vocab), for `license.odrl.json` in a pack and for TDMRep's
 * `tdm-policy`. The policy is a machine-readable summary: the signed agreement and
 * LICENSE.md prevail (contract.ts PRECEDENCE); what the text says that the policy
 * cannot, LICENSE.md lists as contractual only (`contractualOnly`).
 *
 * Hazards this file is written against (checked in tests by expanding the output with
 * `jsonld`, `safe: true`, against the bundled ODRL context):
 * - The ODRL context has no `@vocab`: a term it does not define is dropped by a plain
 *   expansion and refused by a safe one. Everything here is an ODRL term, a prefixed
 *   name the context declares (`dct:`, `vcard:`, `xsd:`, `rdf:`), or an absolute IRI.
 * - `rightOperand` and `unit` are untyped in the context, so an IRI written as a bare
 *   string would become a literal: IRIs are written `{ "@id": … }`, dates and amounts
 *   as typed values.
 * - `assigner`, `assignee` and `target` are `@id`-typed: a bare name would be a
 *   relative IRI. Parties are nodes with a URN and a `vcard:fn`.
 * - Meaning (issue #24): a duty on a permission is a precondition of it (ODRL 2.2
 *   §2.6), so payments, model deletion and file deletion are policy obligations, not
 *   duties; `count` counts executions of the action, so caps use the profile's own
 *   operands; `percentage` is a share of the asset, so a revenue share is the
 *   profile's `revenueShare` of net sales; the HCC is a property of the target, not a
 *   constraint of use; the over-cap rule keeps every other cap.
 */
import { EXCLUSIVITY_LABELS, fieldOfUseLabel, formatPercent, isExclusive, licenseFingerprint } from './terms'
import { formatCount } from '../provenance/issues'
import { PRECEDENCE_WORDS } from './contract'
import { findModelLicense } from './model-licenses'
import {
  AI_TRAINING_ACTION,
  CAP_OPERANDS,
  DELETE_TRAINED_MODELS_ACTION,
  FIELD_OPERAND,
  FORM_OPERAND,
  HCC_PROPERTY,
  LOOMPRINT_ODRL_PROFILE,
  NET_SALES_UNIT,
  PAY_PER_OPERAND,
  RESTRICTED_PURPOSES,
  REVENUE_SHARE_OPERAND,
  STANDALONE_FILE,
  SUBLICENSEES,
  SUBLICENSEE_OPERAND,
  TDM_MINE_ACTION,
  TRAINING_CONSTRAINT_OPERAND,
  currencyIri,
  fieldIri,
  territoryIri,
} from './odrl-profile'
import type { CapKind, FieldOfUse, LicenseTerms, Money, Party } from './terms'

export {
  AI_TRAINING_ACTION,
  CAP_OPERANDS,
  DELETE_TRAINED_MODELS_ACTION,
  HCC_PROPERTY,
  LOOMPRINT_ODRL_PROFILE,
  REVENUE_SHARE_OPERAND,
  TDM_MINE_ACTION,
  TRAINING_CONSTRAINT_OPERAND,
  currencyIri,
  fieldIri,
  territoryIri,
}

/** The context URL as the ODRL 2.2 recommendation writes it. */
export const ODRL_CONTEXT_URL = 'http://www.w3.org/ns/odrl.jsonld'
export const ODRL_NS = 'http://www.w3.org/ns/odrl/2/'

export interface OdrlTarget {
  /** An absolute IRI of the asset; anything else is made one with `urn:loomprint:pattern:`. */
  uid: string
  /** The target's measured HCC: written as a property of the asset. */
  hcc?: number
  title?: string
  /** The generating model's licence as declared: RAIL use restrictions are carried over. */
  modelLicense?: string
}

type Json = { [key: string]: unknown }

/**
 * Only well-known schemes are taken as IRIs: "A:!" or "Studio: Nord" look like an
 * absolute IRI to a regex but are names (found by the property test).
 */
const KNOWN_IRI = /^(https?:\/\/|urn:|mailto:|did:)[^\s<>"{}|\\^`]+$/i

function absoluteIri(id: string): string {
  return KNOWN_IRI.test(id) ? id : 'urn:loomprint:pattern:' + encodeIriPart(id)
}

/** encodeURIComponent throws on a lone surrogate (possible in hand-edited JSON): those become U+FFFD. */
function encodeIriPart(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, (_match, before?: string) => (before ?? '') + '\ufffd'))
}

function partyNode(party: Party | { name: string; id?: string }, role: string): Json {
  const key = party.id && party.id !== '' ? party.id : party.name
  const id = KNOWN_IRI.test(key) ? key : `urn:loomprint:party:${role}:${encodeIriPart(key)}`
  return { '@id': id, '@type': 'Party', 'vcard:fn': party.name }
}

const date = (d: string): Json => ({ '@value': d, '@type': 'xsd:date' })
const decimal = (v: string | number): Json => ({ '@value': String(v), '@type': 'xsd:decimal' })
const iri = (id: string): Json => ({ '@id': id })

function constraint(leftOperand: string, operator: string, rightOperand: unknown, extra: Json = {}): Json {
  return { leftOperand, operator, rightOperand, ...extra }
}

/** One `isPartOf` per country; several are joined by `or` (an ODRL logical constraint). */
function spatialConstraint(countries: readonly string[]): Json {
  if (countries.length === 1) return constraint('spatial', 'isPartOf', iri(territoryIri(countries[0]!)))
  return { or: { '@list': countries.map((c) => constraint('spatial', 'isPartOf', iri(territoryIri(c)))) } }
}

/** Fields of use under `product`, `media` and `purpose`; several operands are joined by `or`. */
function fieldConstraint(fields: readonly FieldOfUse[], description: string): Json {
  const groups: Json[] = []
  for (const operand of ['product', 'media', 'purpose'] as const) {
    const mine = fields.filter((f) => FIELD_OPERAND[f] === operand)
    if (mine.length > 0) groups.push(constraint(operand, 'isAnyOf', mine.map((f) => iri(fieldIri(f)))))
  }
  const c = groups.length === 1 ? groups[0]! : { or: { '@list': groups } }
  return { ...c, 'dct:description': description }
}

function termConstraints(terms: LicenseTerms): Json[] {
  const out = [constraint('dateTime', 'gteq', date(terms.term.start))]
  if (terms.term.end !== null) out.push(constraint('dateTime', 'lteq', date(terms.term.end)))
  return out
}

function payAmount(money: Money): Json {
  return constraint('payAmount', 'eq', decimal(money.amount), { unit: iri(currencyIri(money.currency)) })
}

/** The actions a permission is granted for. */
export function grantedActions(terms: LicenseTerms): string[] {
  const actions = ['reproduce', 'distribute', 'display', 'sell']
  if (terms.derivativesAllowed) actions.push('modify', 'derive')
  return actions
}

/** Which cap bounds which action: units and variants bound reproduction, impressions display. */
export const CAP_ACTION: { readonly [K in CapKind]: string } = { units: 'reproduce', impressions: 'display', variants: 'reproduce' }

const CAP_WORDS: { readonly [K in CapKind]: [string, string] } = {
  units: ['units produced', 'unit'],
  impressions: ['digital impressions', 'impression'],
  variants: ['product variants', 'variant'],
}

/**
 * The terms as one ODRL policy: an `Agreement` with a named licensee, an `Offer` to
 * any subscriber. Deterministic: the same terms and target give the same JSON.
 */
export function toOdrl(terms: LicenseTerms, target: OdrlTarget): Json {
  const targetId = absoluteIri(target.uid)
  // The HCC is a fact about the asset (ODRL: an Asset node's property), not a condition of use.
  const targetNode: Json | string =
    target.hcc !== undefined ? { '@id': targetId, '@type': 'Asset', [HCC_PROPERTY]: decimal(roundHcc(target.hcc)) } : targetId
  const assigner = partyNode(terms.licensor, 'licensor')
  const assignee = terms.licensee.kind === 'named' ? partyNode(terms.licensee, 'licensee') : null
  /** target, assigner, assignee (when named) and action: what every rule carries. */
  const rule = (action: unknown, more: Json = {}): Json => ({
    target: targetNode,
    assigner,
    ...(assignee ? { assignee } : {}),
    action,
    ...more,
  })
  /** An obligation: the licensee (the assignee, or whoever accepts the offer) must act. */
  const obligation = (action: unknown, more: Json = {}): Json => rule(action, more)

  const common: Json[] = [
    fieldConstraint(terms.fieldOfUse.allowed, 'Fields of use: ' + terms.fieldOfUse.allowed.map(fieldOfUseLabel).join(', ')),
    ...(terms.territory.scope === 'include' ? [spatialConstraint(terms.territory.countries)] : []),
    ...termConstraints(terms),
  ]

  const duties: Json[] = []
  if (terms.attribution.trim() !== '') duties.push(rule('attribute', { 'dct:description': terms.attribution, attributedParty: assigner }))

  const permissions: Json[] = []
  const obligations: Json[] = []
  for (const action of grantedActions(terms)) {
    const caps = terms.caps.filter((c) => CAP_ACTION[c.kind] === action)
    // Deny and renegotiate: beyond the cap there is no permission. A per-unit-royalty cap
    // does not bound the permission; an obligation to pay beyond it does (below).
    const capConstraints = caps
      .filter((c) => c.overCap.rule !== 'perUnitRoyalty')
      .map((c) =>
        constraint(CAP_OPERANDS[c.kind], 'lteq', c.limit, {
          'dct:description': `Up to ${formatCount(c.limit)} ${CAP_WORDS[c.kind][0]}; beyond: ${c.overCap.rule === 'renegotiate' ? 'renegotiate with the licensor' : 'not permitted'}.`,
        }),
      )
    permissions.push(rule(action, { constraint: [...common, ...capConstraints], ...(duties.length > 0 ? { duty: duties } : {}) }))
  }
  for (const c of terms.caps) {
    if (c.overCap.rule !== 'perUnitRoyalty') continue
    obligations.push(
      obligation([{ 'rdf:value': iri(ODRL_NS + 'compensate'), refinement: [payAmount(c.overCap.perUnit), constraint(PAY_PER_OPERAND, 'eq', iri(CAP_OPERANDS[c.kind]))] }], {
        constraint: [constraint(CAP_OPERANDS[c.kind], 'gt', c.limit)],
        compensatedParty: assigner,
        'dct:description': `${c.overCap.perUnit.amount} ${c.overCap.perUnit.currency} per ${CAP_WORDS[c.kind][1]} beyond ${formatCount(c.limit)}, paid to the licensor.`,
      }),
    )
  }

  const prohibitions: Json[] = []
  if (terms.fieldOfUse.denied.length > 0) {
    prohibitions.push(rule('use', { constraint: [fieldConstraint(terms.fieldOfUse.denied, 'Denied fields of use: ' + terms.fieldOfUse.denied.map(fieldOfUseLabel).join(', '))] }))
  }
  if (terms.territory.scope === 'exclude') prohibitions.push(rule('use', { constraint: [spatialConstraint(terms.territory.countries)] }))
  if (!terms.derivativesAllowed) prohibitions.push(rule('modify'), rule('derive'))

  const contract = terms.contract
  if (contract) {
    const r = contract.restrictions
    const purposes = [...(r.trademark ? [RESTRICTED_PURPOSES.trademark] : []), ...(r.sensitiveUses ? [RESTRICTED_PURPOSES.sensitive] : [])]
    if (purposes.length > 0) prohibitions.push(rule('use', { constraint: [constraint('purpose', 'isAnyOf', purposes.map(iri))] }))
    if (r.standaloneFileResale) {
      for (const action of ['sell', 'distribute']) prohibitions.push(rule(action, { constraint: [constraint(FORM_OPERAND, 'eq', iri(STANDALONE_FILE))] }))
    }
    if (contract.sublicensing === 'none') prohibitions.push(rule('grantUse'))
    else {
      const to = contract.sublicensing === 'manufacturersOnly' ? [SUBLICENSEES.manufacturer] : [SUBLICENSEES.manufacturer, SUBLICENSEES.affiliate]
      permissions.push(rule('grantUse', { constraint: [...common, constraint(SUBLICENSEE_OPERAND, 'isAnyOf', to.map(iri))] }))
    }
  }
  const model = target.modelLicense ? findModelLicense(target.modelLicense) : null
  if (model?.useRestrictions) {
    prohibitions.push(
      rule('use', {
        constraint: [constraint('purpose', 'isAnyOf', [iri(RESTRICTED_PURPOSES.railRestricted)])],
        'dct:description': `Use restrictions of ${model.name}, ${model.useRestrictions.where} (${model.source}), passed on: ${model.useRestrictions.summary}.`,
      }),
    )
  }

  // AI training and text-and-data mining.
  const training = terms.aiTraining
  for (const action of [AI_TRAINING_ACTION, TDM_MINE_ACTION]) {
    if (training.use === 'notAllowed') {
      prohibitions.push(rule(action))
      continue
    }
    permissions.push(
      rule(action, {
        constraint: [...termConstraints(terms), ...(training.use === 'constrained' ? [constraint(TRAINING_CONSTRAINT_OPERAND, 'eq', training.constraint)] : [])],
      }),
    )
  }
  if (training.use !== 'notAllowed' && terms.residualRights === 'deleteModels' && terms.term.end !== null) {
    obligations.push(
      obligation(DELETE_TRAINED_MODELS_ACTION, {
        constraint: [constraint('dateTime', 'gt', date(terms.term.end))],
        'dct:description': 'After the term ends, models trained on the target must be deleted.',
      }),
    )
  }

  // What the licensee owes, and to whom: the licensor only (the splits are the licensor's own business).
  const basis = terms.royalty.basis
  const refinement =
    basis.kind === 'flatFee'
      ? [payAmount(basis.fee)]
      : basis.kind === 'perUnit'
        ? [payAmount(basis.perUnit), constraint(PAY_PER_OPERAND, 'eq', iri(CAP_OPERANDS.units))]
        : [constraint(REVENUE_SHARE_OPERAND, 'eq', decimal(basis.basisPoints / 100), { unit: iri(NET_SALES_UNIT) })]
  obligations.push(
    obligation([{ 'rdf:value': iri(ODRL_NS + 'compensate'), refinement }], {
      compensatedParty: assigner,
      'dct:description':
        basis.kind === 'flatFee'
          ? `Flat fee of ${basis.fee.amount} ${basis.fee.currency}, paid to the licensor.`
          : basis.kind === 'perUnit'
            ? `${basis.perUnit.amount} ${basis.perUnit.currency} per unit produced, paid to the licensor.`
            : `${formatPercent(basis.basisPoints)} of net sales, paid to the licensor.`,
    }),
  )
  if (contract && contract.termination.filesAfter !== 'keepArchive' && terms.term.end !== null) {
    obligations.push(
      obligation('delete', {
        constraint: [constraint('dateTime', 'gt', date(addDays(terms.term.end, contract.termination.sellOffDays)))],
        'dct:description': `After the term and the ${contract.termination.sellOffDays}-day sell-off period, ${contract.termination.filesAfter === 'return' ? 'return the files and delete every other copy' : 'delete every copy of the files'}.`,
      }),
    )
  }
  if (isExclusive(terms.exclusivity)) {
    obligations.push({
      target: targetNode,
      // The licensor is the party that must ensure exclusivity (ODRL: the duty's assignee).
      assigner: assignee ?? assigner,
      assignee: assigner,
      action: 'ensureExclusivity',
      'dct:description':
        terms.exclusivity === 'sole'
          ? 'Sole license: the licensor grants these rights to no one else but may still use the target itself.'
          : `${EXCLUSIVITY_LABELS[terms.exclusivity]} license: no one else, the licensor included, may exercise these rights.`,
    })
  }

  const policy: Json = {
    '@context': ODRL_CONTEXT_URL,
    '@type': terms.licensee.kind === 'named' ? 'Agreement' : 'Offer',
    uid: 'urn:loomprint:license:' + licenseFingerprint(terms).replace(/^sha256-/, 'sha256:'),
    profile: LOOMPRINT_ODRL_PROFILE,
    conflict: 'prohibit',
    'dct:description': `A machine-readable summary of the licence. Precedence: ${PRECEDENCE_WORDS}.`,
    ...(target.title ? { 'dct:title': target.title } : {}),
    permission: permissions,
  }
  if (prohibitions.length > 0) policy.prohibition = prohibitions
  policy.obligation = obligations
  return policy
}

/** Several policies (a pack's patterns) in one JSON-LD document. */
export function odrlDocument(policies: readonly Json[]): Json {
  return {
    '@context': ODRL_CONTEXT_URL,
    '@graph': policies.map((p) => {
      const { '@context': _context, ...rest } = p
      return rest
    }),
  }
}

function roundHcc(hcc: number): string {
  return (Math.round(Math.min(1, Math.max(0, hcc)) * 10_000) / 10_000).toString()
}

/** YYYY-MM-DD plus whole days (UTC calendar arithmetic; no clock). */
export function addDays(day: string, days: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + days * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}
