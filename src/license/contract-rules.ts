/**
 * Eligibility rules for the contract frame (issue #24): a frame before a named or
 * exclusive grant, the licensee's acceptance, a warranty only where the provenance
 * supports it (and "as is" at HCC 0), no exclusive grant over an earlier live grant
 * of the same pattern, and a RAIL model's restrictions passed on. Pure; called by
 * `checkEligibility` with the evidence it already holds.
 *
 * Loomprint checks that the evidence supports a choice; it does not decide whether a
 * warranty is wise or a grant valid under any law (docs/licensing.md).
 */
import { NEEDS_FRAME, WARRANTY_LABELS } from './contract'
import { findModelLicense } from './model-licenses'
import { EXCLUSIVITY_LABELS, fieldOfUseLabel, isExclusive, type LicenseTerms, type Territory } from './terms'
import { priorGrantOf, type PriorGrant } from './prior-grant'

export { priorGrantOf, type PriorGrant }
import type { AiOriginEvidence, CaptureEvidence, EligibilityRule, ReviewEvidence } from './evidence'

/** Needs a frame and an acceptance: a named licensee, or exclusive or sole terms. */
export function needsSignedGrant(terms: LicenseTerms): boolean {
  return terms.licensee.kind === 'named' || isExclusive(terms.exclusivity)
}

export function frameRule(terms: LicenseTerms): EligibilityRule {
  if (terms.contract) {
    const c = terms.contract
    return { id: 'contract.frame', ok: true, severity: 'error', reason: `Contract frame: template ${c.template.id} ${c.template.version}, law of ${c.governingLaw.subdivision ?? c.governingLaw.country}, forum ${c.forum}.` }
  }
  const strict = needsSignedGrant(terms)
  return {
    id: 'contract.frame',
    ok: false,
    severity: strict ? 'error' : 'warning',
    reason: strict
      ? `These terms ${NEEDS_FRAME}: a named, exclusive or sole grant needs the agreement template, governing law, forum and the parties’ legal details before it is exported.`
      : `These terms ${NEEDS_FRAME} (agreement template, governing law, forum, parties). An offer to any subscriber may still be exported, as a deal sheet without them.`,
  }
}

export function acceptanceRule(terms: LicenseTerms): EligibilityRule | null {
  if (!needsSignedGrant(terms)) return null
  const a = terms.contract?.acceptance
  const who = terms.licensee.kind === 'named' ? terms.licensee.name : 'the licensee'
  return a
    ? { id: 'contract.acceptance', ok: true, severity: 'error', reason: `Accepted by ${a.by} for ${who} on ${a.at} (reference ${a.reference}).` }
    : {
        id: 'contract.acceptance',
        ok: false,
        severity: 'error',
        reason: `A ${terms.licensee.kind === 'named' ? 'named' : EXCLUSIVITY_LABELS[terms.exclusivity].toLowerCase()} grant is exported only once ${who}’s acceptance is recorded (how, by whom, when, and its reference).`,
      }
}

export interface WarrantyEvidence {
  aiOrigin: AiOriginEvidence | null
  capture: CaptureEvidence | null
  /** The approval of the current capture that counts, or null. */
  approval: ReviewEvidence | null
  /** The "Provenance-verified human" credential holds. */
  verifiedHuman: boolean
  trainingDataDeclared: boolean
}

/**
 * Anything above "as is" must be backed by the evidence: an approved review of the
 * current capture, a model licence the table says allows commercial use, and for
 * non-infringement also declared training data and verified human work. At HCC 0
 * there is no human contribution to warrant: "as is" only.
 */
export function warrantyRule(terms: LicenseTerms, e: WarrantyEvidence): EligibilityRule | null {
  const c = terms.contract
  if (!c) return null
  if (c.warranty === 'asIs') return { id: 'warranty.evidence', ok: true, severity: 'error', reason: 'Licensed as is: no warranty to back with evidence.' }
  const missing: string[] = []
  if (e.aiOrigin !== null) {
    if (!e.capture) missing.push('a capture of the human contribution')
    else if (e.capture.hcc <= 0) {
      return { id: 'warranty.evidence', ok: false, severity: 'error', reason: `At HCC 0 nothing in the pattern is human work to warrant: choose “${WARRANTY_LABELS.asIs}”.` }
    }
    const model = findModelLicense(e.aiOrigin.modelLicense)
    if (!model || model.commercial !== 'allowed') missing.push('a model licence the table says allows commercial use of its output')
  }
  if (!e.approval) missing.push('an approved review of the current capture')
  if (c.warranty === 'originalityAndNonInfringement') {
    if (e.aiOrigin !== null && !e.trainingDataDeclared) missing.push('a declaration of the model’s training data')
    if (!e.verifiedHuman) missing.push('the “Provenance-verified human” credential')
  }
  return missing.length === 0
    ? { id: 'warranty.evidence', ok: true, severity: 'error', reason: `${WARRANTY_LABELS[c.warranty]}: backed by the review, the model licence${c.warranty === 'originalityAndNonInfringement' ? ', the training-data declaration and verified human work' : ''}.` }
    : { id: 'warranty.evidence', ok: false, severity: 'error', reason: `The warranty “${WARRANTY_LABELS[c.warranty]}” needs ${missing.join(', ')}; without them offer “${WARRANTY_LABELS.asIs}”.` }
}

function periodsOverlap(a: PriorGrant['term'], b: PriorGrant['term']): boolean {
  return (a.end === null || a.end >= b.start) && (b.end === null || b.end >= a.start)
}

function territoriesOverlap(a: Territory, b: Territory): boolean {
  if (a.scope === 'include' && b.scope === 'include') return a.countries.some((c) => b.countries.includes(c))
  if (a.scope === 'include' && b.scope === 'exclude') return a.countries.some((c) => !b.countries.includes(c))
  if (a.scope === 'exclude' && b.scope === 'include') return territoriesOverlap(b, a)
  // Worldwide, or two exclusion lists: some country is in both.
  return true
}

/** Which earlier grants a new grant would collide with (either side exclusive or sole, overlapping in time, place and field). */
export function overlappingGrants(terms: LicenseTerms, grants: readonly PriorGrant[]): PriorGrant[] {
  const me = priorGrantOf(terms)
  return grants.filter(
    (g) =>
      g.fingerprint !== me.fingerprint &&
      (isExclusive(g.exclusivity) || isExclusive(me.exclusivity)) &&
      // A grant to the same licensee (a renewal or amendment) does not take anything from another.
      !(g.licensee !== null && g.licensee === me.licensee) &&
      periodsOverlap(g.term, me.term) &&
      territoriesOverlap(g.territory, me.territory) &&
      g.fields.some((f) => me.fields.includes(f)),
  )
}

export function overlapRule(terms: LicenseTerms, grants: readonly PriorGrant[] | undefined): EligibilityRule {
  const hits = overlappingGrants(terms, grants ?? [])
  if (hits.length === 0) {
    return { id: 'grant.overlap', ok: true, severity: 'error', reason: grants && grants.length > 0 ? 'No earlier grant of this pattern overlaps these terms exclusively.' : 'No earlier grant of this pattern is recorded.' }
  }
  const g = hits[0]!
  const shared = g.fields.filter((f) => terms.fieldOfUse.allowed.includes(f)).map(fieldOfUseLabel).join(', ')
  return {
    id: 'grant.overlap',
    ok: false,
    severity: 'error',
    reason: `An earlier ${EXCLUSIVITY_LABELS[g.exclusivity].toLowerCase()} grant${g.licensee ? ` to ${g.licensee}` : ''} (${g.term.start} to ${g.term.end ?? 'perpetual'}) overlaps these terms in time, territory and field of use (${shared})${hits.length > 1 ? `, and ${hits.length - 1} more` : ''}; an exclusive grant cannot be given twice.`,
  }
}

export function useRestrictionsRule(origin: AiOriginEvidence | null): EligibilityRule | null {
  const model = origin ? findModelLicense(origin.modelLicense) : null
  if (!model?.useRestrictions) return null
  return { id: 'model.useRestrictions', ok: true, severity: 'info', reason: `${model.name} passes its use restrictions (${model.useRestrictions.where}) on to users of its output; LICENSE.md and the ODRL policy carry them.` }
}
