/**
 * License terms as a W3C ODRL 2.2 policy in JSON-LD (w3.org/TR/odrl-model,
 * w3.org/TR/odrl-vocab), for `license.odrl.json` in a pack and for TDMRep's
 * `tdm-policy`.
 *
 * Hazards this file is written against (checked in tests by expanding the output with
 * `jsonld`, `safe: true`, against the bundled ODRL context):
 * - The ODRL context has no `@vocab`: a term it does not define is dropped by a plain
 *   expansion and refused by a safe one. Everything here is an ODRL term, a prefixed
 *   name the context declares (`dct:`, `vcard:`, `xsd:`, `rdf:`), or an absolute IRI.
 * - `rightOperand` and `unit` are untyped in the context, so an IRI written as a bare
 *   string would become a literal: IRIs are written `{ "@id": … }`, dates and amounts
 *   as typed values.
 * - `assigner`, `assignee` and `target` are `@id`-typed: a bare name ("Atelier Nord")
 *   would be a relative IRI. Parties are nodes with a URN and a `vcard:fn`.
 *
 * Every rule carries its own target, assigner and action (ODRL allows them on the
 * policy, but a consumer that reads one rule should not have to look up). Terms that
 * ODRL has no word for (the HCC, field-of-use purposes, cap units, AI training) are
 * IRIs of the Loomprint profile, named in the policy's `profile`.
 */
import { EXCLUSIVITY_LABELS, fieldOfUseLabel, formatPercent, isExclusive, licenseFingerprint } from './terms'
import { formatCount } from '../provenance/issues'
import type { CapKind, FieldOfUse, LicenseTerms, Money, Party, SplitParty } from './terms'

/** The context URL as the ODRL 2.2 recommendation writes it. */
export const ODRL_CONTEXT_URL = 'http://www.w3.org/ns/odrl.jsonld'
export const ODRL_NS = 'http://www.w3.org/ns/odrl/2/'

/** The Loomprint ODRL profile: the extra terms below are defined in docs/licensing.md. */
export const LOOMPRINT_ODRL_PROFILE = 'urn:loomprint:odrl:profile:1'
/** leftOperand: the target's human-contribution coefficient (0..1, method in the pack manifest). */
export const HCC_OPERAND = 'urn:loomprint:odrl:hcc'
/** leftOperand: the text of a training constraint. */
export const TRAINING_CONSTRAINT_OPERAND = 'urn:loomprint:odrl:trainingConstraint'
/** action: training or fine-tuning a machine-learning model on the target. */
export const AI_TRAINING_ACTION = 'urn:loomprint:odrl:action:aiTraining'
/** action: text and data mining, as the TDMRep ODRL profile names it. */
export const TDM_MINE_ACTION = 'http://www.w3.org/ns/tdmrep#mine'
/** Party node property: the party's royalty share in basis points (10,000 = 100 %). */
export const SHARE_PROPERTY = 'urn:loomprint:odrl:shareBasisPoints'

export function purposeIri(field: FieldOfUse): string {
  return 'urn:loomprint:odrl:purpose:' + field
}

export function capUnitIri(kind: CapKind): string {
  return 'urn:loomprint:odrl:unit:' + kind
}

/** ISO 3166-1 alpha-2 as the ODRL vocabulary suggests for `spatial`. */
export function territoryIri(code: string): string {
  return 'urn:iso:3166:' + code
}

/** ISO 4217 as a URN (ISO's own URN namespace, RFC 5141). */
export function currencyIri(code: string): string {
  return 'urn:iso:std:iso:4217:' + code
}

export interface OdrlTarget {
  /** An absolute IRI of the asset; anything else is made one with `urn:loomprint:pattern:`. */
  uid: string
  /** When given, every permission holds only for the target at this HCC or above. */
  hcc?: number
  title?: string
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

function splitPartyNode(party: SplitParty, basisPoints: number): Json {
  const node =
    party.role === 'humanAuthor'
      ? partyNode({ name: party.person.name || party.person.id, id: 'urn:loomprint:person:' + encodeIriPart(party.person.id) }, 'humanAuthor')
      : partyNode({ name: party.name, id: party.role === 'curator' ? party.id : undefined }, party.role)
  return { ...node, 'vcard:role': party.role, [SHARE_PROPERTY]: basisPoints }
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

function termConstraints(terms: LicenseTerms): Json[] {
  const out = [constraint('dateTime', 'gteq', date(terms.term.start))]
  if (terms.term.end !== null) out.push(constraint('dateTime', 'lteq', date(terms.term.end)))
  return out
}

function payAmount(money: Money, description: string): Json {
  return constraint('payAmount', 'eq', decimal(money.amount), { unit: iri(currencyIri(money.currency)), 'dct:description': description })
}

/** The actions a permission is granted for. */
export function grantedActions(terms: LicenseTerms): string[] {
  const actions = ['reproduce', 'distribute', 'display', 'sell']
  if (terms.derivativesAllowed) actions.push('modify', 'derive')
  return actions
}

/** Which cap bounds which action: units and variants bound reproduction, impressions display. */
const CAP_ACTION: { readonly [K in CapKind]: string } = { units: 'reproduce', impressions: 'display', variants: 'reproduce' }

/**
 * The terms as one ODRL policy: an `Agreement` with a named licensee, an `Offer` to
 * any subscriber. Deterministic: the same terms and target give the same JSON.
 */
export function toOdrl(terms: LicenseTerms, target: OdrlTarget): Json {
  const targetId = absoluteIri(target.uid)
  const assigner = partyNode(terms.licensor, 'licensor')
  const assignee = terms.licensee.kind === 'named' ? partyNode(terms.licensee, 'licensee') : null
  /** target, assigner, assignee (when named) and action: what every rule carries. */
  const rule = (action: unknown, more: Json = {}): Json => ({
    target: targetId,
    assigner,
    ...(assignee ? { assignee } : {}),
    action,
    ...more,
  })

  const common: Json[] = [
    constraint('purpose', 'isAnyOf', terms.fieldOfUse.allowed.map((f) => iri(purposeIri(f))), {
      'dct:description': 'Fields of use: ' + terms.fieldOfUse.allowed.map(fieldOfUseLabel).join(', ') + (terms.fieldOfUse.notes ? `. ${terms.fieldOfUse.notes}` : ''),
    }),
    ...(terms.territory.scope === 'include' ? [spatialConstraint(terms.territory.countries)] : []),
    ...termConstraints(terms),
    ...(target.hcc !== undefined ? [constraint(HCC_OPERAND, 'gteq', decimal(roundHcc(target.hcc)), { 'dct:description': 'Human-contribution coefficient of the target' })] : []),
  ]

  const duties: Json[] = []
  if (terms.attribution.trim() !== '') duties.push(rule('attribute', { 'dct:description': terms.attribution, attributedParty: assigner }))

  const permissions: Json[] = []
  for (const action of grantedActions(terms)) {
    const caps = terms.caps.filter((c) => CAP_ACTION[c.kind] === action)
    const capConstraints = caps.map((c) =>
      constraint('count', 'lteq', c.limit, {
        unit: iri(capUnitIri(c.kind)),
        'dct:description': capDescription(c.kind, c.limit, c.overCap.rule === 'renegotiate' ? 'renegotiate with the licensor' : c.overCap.rule === 'deny' ? 'not permitted' : 'a per-unit royalty is due'),
      }),
    )
    permissions.push(rule(action, { constraint: [...common, ...capConstraints], ...(duties.length > 0 ? { duty: duties } : {}) }))
    // Beyond a per-unit-royalty cap the action stays permitted, with a payment per unit.
    for (const c of caps) {
      if (c.overCap.rule !== 'perUnitRoyalty') continue
      permissions.push(
        rule(action, {
          constraint: [...common, constraint('count', 'gt', c.limit, { unit: iri(capUnitIri(c.kind)) })],
          duty: [
            ...duties,
            rule(
              [{ 'rdf:value': iri(ODRL_NS + 'compensate'), refinement: [payAmount(c.overCap.perUnit, `per ${c.kind === 'units' ? 'unit' : c.kind === 'impressions' ? 'impression' : 'variant'} beyond ${formatCount(c.limit)}`)] }],
              { compensatedParty: assigner },
            ),
          ],
        }),
      )
    }
  }

  const prohibitions: Json[] = []
  if (terms.fieldOfUse.denied.length > 0) {
    prohibitions.push(
      rule('use', {
        constraint: [
          constraint('purpose', 'isAnyOf', terms.fieldOfUse.denied.map((f) => iri(purposeIri(f))), {
            'dct:description': 'Denied fields of use: ' + terms.fieldOfUse.denied.map(fieldOfUseLabel).join(', '),
          }),
        ],
      }),
    )
  }
  if (terms.territory.scope === 'exclude') prohibitions.push(rule('use', { constraint: [spatialConstraint(terms.territory.countries)] }))
  if (!terms.derivativesAllowed) prohibitions.push(rule('modify'), rule('derive'))

  // AI training and text-and-data mining.
  const training = terms.aiTraining
  for (const action of [AI_TRAINING_ACTION, TDM_MINE_ACTION]) {
    if (training.use === 'notAllowed') {
      prohibitions.push(rule(action))
      continue
    }
    const residual: Json[] =
      terms.residualRights === 'deleteModels' && terms.term.end !== null && action === AI_TRAINING_ACTION
        ? [
            rule('delete', {
              constraint: [constraint('dateTime', 'gt', date(terms.term.end))],
              'dct:description': 'After the term ends, models trained on the target must be deleted.',
            }),
          ]
        : []
    permissions.push(
      rule(action, {
        constraint: [
          ...termConstraints(terms),
          ...(training.use === 'constrained' ? [constraint(TRAINING_CONSTRAINT_OPERAND, 'eq', training.constraint)] : []),
        ],
        ...(residual.length > 0 ? { duty: residual } : {}),
      }),
    )
  }

  // What the licensee owes, and to whom (the royalty splits).
  const obligations: Json[] = []
  const compensatedParty = terms.royalty.splits.map((s) => splitPartyNode(s.party, s.basisPoints))
  const basis = terms.royalty.basis
  const refinement =
    basis.kind === 'flatFee'
      ? [payAmount(basis.fee, 'Flat fee')]
      : basis.kind === 'perUnit'
        ? [payAmount(basis.perUnit, 'Per unit produced')]
        : [constraint('percentage', 'eq', decimal(basis.basisPoints / 100), { 'dct:description': `Revenue share: ${formatPercent(basis.basisPoints)} of revenue` })]
  obligations.push(
    rule([{ 'rdf:value': iri(ODRL_NS + 'compensate'), refinement }], {
      compensatedParty,
      'dct:description': 'Royalty split: ' + terms.royalty.splits.map((s) => `${splitLabel(s.party)} ${formatPercent(s.basisPoints)}`).join(', '),
    }),
  )
  if (isExclusive(terms.exclusivity)) {
    obligations.push({
      target: targetId,
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

function capDescription(kind: CapKind, limit: number, beyond: string): string {
  const what = kind === 'units' ? 'units produced' : kind === 'impressions' ? 'digital impressions' : 'product variants'
  return `Up to ${formatCount(limit)} ${what}; beyond: ${beyond}.`
}

function splitLabel(party: SplitParty): string {
  return party.role === 'humanAuthor' ? party.person.name || party.person.id : party.name
}


