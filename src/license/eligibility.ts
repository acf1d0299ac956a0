/**
 * May these terms be granted on this pattern? Each rule is checked against plain
 * evidence (the capture, the review history, the journal verification, the AI origin)
 * and explained in words for the License tab (✓ / ✗ and why), the export and
 * `loomprint verify`.
 *
 * Severity: an `error` rule that fails makes the terms ineligible; a `warning` is
 * shown but does not block; `info` rules report a credential the pattern earns
 * ("Provenance-verified human") and never block.
 *
 * Pure: the caller gathers the evidence (host/ reads it, journal.ts verifies chains).
 */
import { hccText } from '../provenance/hcc-text'
import { DEFAULT_POLICY, exclusivityThresholdOf, reviewerMustNotBeEditorOf, type TeamPolicy } from '../provenance/policy'
import { findModelLicense } from './model-licenses'
import type { PersonRef, CaptureRef, CaptureEvidence, ReviewEvidence, JournalEvidence, AiOriginEvidence, EligibilityRule } from './evidence'
export type { PersonRef, CaptureRef, CaptureEvidence, ReviewDecision, ReviewEvidence, JournalEvidence, AiOriginEvidence, RuleSeverity, RuleId, EligibilityRule } from './evidence'
export { checkIntendedUse, parseIntendedUse, type IntendedUse, type IntendedUseResult, type UseCheck } from './intended-use'
import { EXCLUSIVITY_LABELS, FIELDS_OF_USE, TIER_LABELS, isExclusive, type LicenseTerms } from './terms'
import { acceptanceRule, frameRule, overlapRule, useRestrictionsRule, warrantyRule, type PriorGrant } from './contract-rules'
export type { PriorGrant }

// Label words, as score.ts writes them (kept here as data so this room reads no score code).
export const LABEL_AI_GENERATED = 'AI-generated'
export const LABEL_AI_ASSISTED = 'AI-assisted'
export const LABEL_HUMAN_AUTHORED = 'Human-authored, AI-assisted'
export const LABEL_NO_AI = 'Created without generative AI'

export interface EligibilityEvidence {
  /** The latest capture, or null when the pattern has never been captured. */
  capture: CaptureEvidence | null
  /** False when the pattern was edited after `capture` (an approval of it is out of date). */
  captureIsCurrent: boolean
  /** Every review decision, in the order they were made. */
  reviews: readonly ReviewEvidence[]
  /** null when no journal was read. */
  journal: JournalEvidence | null
  /** null: the pattern declares no generative AI at all ("Created without generative AI"). */
  aiOrigin: AiOriginEvidence | null
  /** Earlier grants of this pattern (the license entry's `grants`); absent: none recorded. */
  grants?: readonly PriorGrant[]
}

export interface EligibilityResult {
  /** Every `error` rule holds. */
  eligible: boolean
  /** The "Provenance-verified human" credential (see `credential.verifiedHuman`). */
  verifiedHuman: boolean
  rules: EligibilityRule[]
}

export function sameCapture(a: CaptureRef, b: CaptureRef): boolean {
  if (a.hash && b.hash) return a.hash === b.hash
  return !!a.at && a.at === b.at
}

/**
 * The decision that stands for the current capture: the last one made about it. An
 * approval of an earlier capture, or of this one after the pattern was edited, does
 * not count ("approved, out of date").
 */
export function currentDecision(evidence: EligibilityEvidence): ReviewEvidence | null {
  const capture = evidence.capture
  if (!capture || !evidence.captureIsCurrent) return null
  let last: ReviewEvidence | null = null
  for (const review of evidence.reviews) if (sameCapture(review.capture, capture)) last = review
  return last
}

/** Beside a threshold, a shown HCC keeps its side of it (0.4997 is not written "0.50 … below 0.50"). */
function fmt(hcc: number, threshold?: number): string {
  return threshold === undefined ? hccText(hcc) : hccText(hcc, { assisted: threshold, authored: threshold })
}

function isEditor(journal: JournalEvidence | null, person: PersonRef): boolean {
  return !!journal && journal.editors.some((e) => e.id === person.id)
}

const UNKNOWN_TRAINING = /^\s*(|unknown|not declared|undeclared|n\/?a|none given|\?)\s*\.?\s*$/i

/** A training-data declaration that says nothing ("", "unknown", "n/a"). */
export function isUnknownTrainingData(declaration: string): boolean {
  return UNKNOWN_TRAINING.test(declaration)
}

export function checkEligibility(
  terms: LicenseTerms,
  evidence: EligibilityEvidence,
  policy: TeamPolicy = DEFAULT_POLICY,
): EligibilityResult {
  const rules: EligibilityRule[] = []
  const exclusive = isExclusive(terms.exclusivity)
  const exclusivityWord = EXCLUSIVITY_LABELS[terms.exclusivity]
  const capture = evidence.capture
  const decision = currentDecision(evidence)
  const mustNotEdit = reviewerMustNotBeEditorOf(policy)
  const approval =
    decision && decision.decision === 'approved' && !(mustNotEdit && isEditor(evidence.journal, decision.by)) ? decision : null

  // 1. Exclusive or sole terms need an approved review of the current capture.
  if (!exclusive) {
    rules.push({ id: 'exclusive.review', ok: true, severity: 'error', reason: 'Non-exclusive terms need no approved review.' })
  } else if (approval) {
    rules.push({
      id: 'exclusive.review',
      ok: true,
      severity: 'error',
      reason: `${exclusivityWord} terms need an approved review of the current capture: approved by ${approval.by.name || approval.by.id} on ${approval.at.slice(0, 10)}.`,
    })
  } else {
    rules.push({ id: 'exclusive.review', ok: false, severity: 'error', reason: `${exclusivityWord} terms need an approved review of the current capture: ${whyNotApproved(evidence, decision, mustNotEdit)}` })
  }

  // 2. …and enough human contribution to be owned at all.
  const threshold = exclusivityThresholdOf(policy)
  if (!exclusive) {
    rules.push({ id: 'exclusive.hcc', ok: true, severity: 'error', reason: 'Non-exclusive terms have no minimum human contribution.' })
  } else if (evidence.aiOrigin === null) {
    rules.push({ id: 'exclusive.hcc', ok: true, severity: 'error', reason: 'No generative AI was used, so the whole pattern is human work and can be licensed exclusively.' })
  } else if (!capture) {
    rules.push({ id: 'exclusive.hcc', ok: false, severity: 'error', reason: `${exclusivityWord} terms need a captured human-contribution score of at least ${fmt(threshold)}; this pattern has not been captured yet.` })
  } else if (capture.hcc >= threshold) {
    rules.push({ id: 'exclusive.hcc', ok: true, severity: 'error', reason: `The human contribution (HCC ${fmt(capture.hcc, threshold)}) is at or above the exclusivity threshold of ${fmt(threshold)}.` })
  } else {
    rules.push({
      id: 'exclusive.hcc',
      ok: false,
      severity: 'error',
      reason: `The human contribution (HCC ${fmt(capture.hcc, threshold)}) is below the exclusivity threshold of ${fmt(threshold)}. Under US Copyright Office guidance (2023 registration guidance, 2025 report) purely machine-made output cannot be owned, so exclusivity could not be enforced there; other countries decide for themselves.`,
    })
  }

  // 3. Hybrid creative: AI output refined by people.
  if (terms.tier === 'hybridCreative') {
    if (evidence.aiOrigin === null) {
      rules.push({ id: 'tier.hybridCreative', ok: false, severity: 'warning', reason: 'Hybrid creative is for AI output refined by people; this pattern declares no generative AI.' })
    } else if (capture && (capture.label === LABEL_AI_ASSISTED || capture.label === LABEL_HUMAN_AUTHORED)) {
      rules.push({ id: 'tier.hybridCreative', ok: true, severity: 'error', reason: `Hybrid creative needs at least "AI-assisted"; the pattern is "${capture.label}".` })
    } else {
      rules.push({
        id: 'tier.hybridCreative',
        ok: false,
        severity: 'error',
        reason: capture
          ? `Hybrid creative needs at least "AI-assisted" (people refined the AI output); the pattern is "${capture.label}". Choose Commodity, or edit and capture again.`
          : 'Hybrid creative needs at least "AI-assisted"; the pattern has not been captured yet.',
      })
    }
  }

  // 4. Foundational IP licenses access to the style's engine: name it and its data.
  if (terms.tier === 'foundationalIp') {
    const origin = evidence.aiOrigin
    const missing: string[] = []
    if (!origin || !origin.fineTune || origin.fineTune.name.trim() === '') missing.push('the fine-tune (LoRA or checkpoint) that produces the style')
    if (!origin || isUnknownTrainingData(origin.trainingData)) missing.push('a training-data declaration')
    rules.push(
      missing.length === 0
        ? { id: 'tier.foundationalIp', ok: true, severity: 'error', reason: `Foundational IP licenses the fine-tune "${origin!.fineTune!.name}"; its training data is declared.` }
        : { id: 'tier.foundationalIp', ok: false, severity: 'error', reason: `Foundational IP licenses the engine that makes the style, so the AI origin must name ${missing.join(' and ')}.` },
    )
  }

  // 5. Commercial fields of use need a model licence that allows commercial use.
  rules.push(modelLicenseRule(terms, evidence.aiOrigin))

  // 6. Exclusive terms on a model whose training data nobody declared.
  if (exclusive && evidence.aiOrigin && isUnknownTrainingData(evidence.aiOrigin.trainingData)) {
    rules.push({
      id: 'trainingData.declared',
      ok: false,
      severity: 'warning',
      reason: `The model's training data is not declared. ${exclusivityWord} terms on output of undeclared data carry a risk the licensee may not accept.`,
    })
  } else if (exclusive) {
    rules.push({
      id: 'trainingData.declared',
      ok: true,
      severity: 'warning',
      reason: evidence.aiOrigin ? 'The model\u2019s training data is declared.' : 'No generative model was used.',
    })
  }

  // 7. The "Provenance-verified human" credential.
  const credential = verifiedHumanRule(evidence, approval)
  rules.push(credential)

  // 8. The contract frame (issue #24): frame, acceptance, warranty backed by evidence, no double exclusivity.
  rules.push(frameRule(terms))
  const acceptance = acceptanceRule(terms)
  if (acceptance) rules.push(acceptance)
  const warranty = warrantyRule(terms, {
    aiOrigin: evidence.aiOrigin,
    capture,
    approval,
    verifiedHuman: credential.ok,
    trainingDataDeclared: evidence.aiOrigin !== null && !isUnknownTrainingData(evidence.aiOrigin.trainingData),
  })
  if (warranty) rules.push(warranty)
  rules.push(overlapRule(terms, evidence.grants))
  const restrictions = useRestrictionsRule(evidence.aiOrigin)
  if (restrictions) rules.push(restrictions)

  return {
    eligible: rules.every((r) => r.ok || r.severity !== 'error'),
    verifiedHuman: credential.ok,
    rules,
  }
}

function whyNotApproved(evidence: EligibilityEvidence, decision: ReviewEvidence | null, mustNotEdit: boolean): string {
  if (!evidence.capture) return 'the pattern has not been captured yet.'
  if (!evidence.captureIsCurrent) {
    return 'the pattern was edited after its last capture, so any approval is out of date. Capture it again and ask for a review.'
  }
  if (!decision) {
    const approvedEarlier = evidence.reviews.some((r) => r.decision === 'approved')
    return approvedEarlier
      ? 'an earlier capture was approved, but the current one has not been reviewed.'
      : 'no reviewer has approved it yet.'
  }
  if (decision.decision === 'approved' && mustNotEdit) {
    return `${decision.by.name || decision.by.id} approved it but also edited the pattern, and the team policy says a reviewer must not be one of its editors.`
  }
  return decision.decision === 'rejected'
    ? `${decision.by.name || decision.by.id} rejected it on ${decision.at.slice(0, 10)}.`
    : `${decision.by.name || decision.by.id} requested changes on ${decision.at.slice(0, 10)}.`
}

function modelLicenseRule(terms: LicenseTerms, origin: AiOriginEvidence | null): EligibilityRule {
  const commercial = FIELDS_OF_USE.filter((f) => f.commercial && terms.fieldOfUse.allowed.includes(f.id))
  if (commercial.length === 0) {
    return { id: 'model.commercial', ok: true, severity: 'error', reason: 'No commercial field of use is licensed.' }
  }
  if (origin === null) {
    return { id: 'model.commercial', ok: true, severity: 'error', reason: 'No generative model was used, so no model licence limits commercial use.' }
  }
  const fields = commercial.map((f) => f.label.toLowerCase()).join(', ')
  const declared = origin.modelLicense.trim()
  if (declared === '') {
    return { id: 'model.commercial', ok: false, severity: 'warning', reason: `Commercial use (${fields}) needs a model licence that allows it, and the AI origin declares none. Add the model's licence.` }
  }
  const known = findModelLicense(declared)
  if (!known) {
    return {
      id: 'model.commercial',
      ok: false,
      severity: 'warning',
      reason: `"${declared}" is not a model licence Loomprint knows, so it cannot tell whether it allows commercial use (${fields}). Check the licence yourself.`,
    }
  }
  switch (known.commercial) {
    case 'allowed':
      return { id: 'model.commercial', ok: true, severity: 'error', reason: `${known.name} allows commercial use of its output. ${known.note}` }
    case 'conditional':
      return { id: 'model.commercial', ok: false, severity: 'warning', reason: `${known.name} allows commercial use only under a condition Loomprint cannot check: ${known.note}` }
    case 'notAllowed':
      return { id: 'model.commercial', ok: false, severity: 'error', reason: `${known.name} does not allow commercial use, and these terms license ${fields}. ${known.note}` }
  }
}

function verifiedHumanRule(evidence: EligibilityEvidence, approval: ReviewEvidence | null): EligibilityRule {
  const failures: string[] = []
  const label = evidence.aiOrigin === null ? LABEL_NO_AI : evidence.capture?.label
  if (label !== LABEL_HUMAN_AUTHORED && label !== LABEL_NO_AI) {
    failures.push(label ? `the pattern is "${label}", not "${LABEL_HUMAN_AUTHORED}" or "${LABEL_NO_AI}"` : 'the pattern has not been captured')
  }
  const decision = currentDecision(evidence)
  const approved = approval ?? (decision && decision.decision === 'approved' ? decision : null)
  if (!approved) failures.push('the current capture has no approved review')
  else if (isEditor(evidence.journal, approved.by)) failures.push(`the approving reviewer (${approved.by.name || approved.by.id}) also edited the pattern`)
  if (!evidence.journal) failures.push('its journal was not read')
  else if (!evidence.journal.allChainsVerify) {
    const detail = evidence.journal.problems && evidence.journal.problems.length > 0 ? ` (${evidence.journal.problems.join('; ')})` : ''
    failures.push(`a journal chain does not verify${detail}`)
  }
  return failures.length === 0
    ? {
        id: 'credential.verifiedHuman',
        ok: true,
        severity: 'info',
        reason: `Provenance-verified human: "${label}", approved by ${approved!.by.name || approved!.by.id}, who did not edit it, and every journal chain verifies.`,
      }
    : { id: 'credential.verifiedHuman', ok: false, severity: 'info', reason: `Not "Provenance-verified human": ${failures.join('; ')}.` }
}

/** "Hybrid creative, exclusive" — for headings. */
export function describeGrant(terms: LicenseTerms): string {
  return `${TIER_LABELS[terms.tier]}, ${EXCLUSIVITY_LABELS[terms.exclusivity].toLowerCase()}`
}
