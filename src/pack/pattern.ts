/**
 * A pack pattern from a provenance record plus the facts the record does not hold:
 * the layer name, the review history, the license terms, and the results of
 * src/license checkEligibility and checkIntendedUse as the Export tab computed them.
 * Everything after this is the manifest.
 */
import type { ProvenanceRecord } from '../provenance/record'
import type { EligibilityResult } from '../license/eligibility'
import type { IntendedUseResult } from '../license/intended-use'
import type { LicenseTerms } from '../license/terms'
import type { Eligibility, PackPattern, PackReview, UseResult } from './manifest'

export interface PatternFacts {
  name: string
  /** Review history, oldest first (from the pattern's review entry; default: a migrated v1 record's single review). */
  reviews?: PackReview[]
  license: { terms: LicenseTerms; fingerprint: string } | null
  eligibility: EligibilityResult | null
  /** checkIntendedUse(terms, pack's use, date); null when the pack states no use. */
  use: IntendedUseResult | null
}

export function packPatternOf(record: ProvenanceRecord, facts: PatternFacts): PackPattern {
  const c = record.capture
  // Record v2 keeps decisions in their own entry; only a migrated v1 record still holds one.
  const r = record.legacy ? record.legacy.review : null
  const reviews: PackReview[] =
    facts.reviews ??
    (r ? [{ decision: r.status, by: { id: r.by.id, name: r.by.name }, at: r.at, note: r.note, capture: c ? { hash: null, at: c.at, hcc: c.hcc } : null }] : [])
  return {
    id: record.patternId,
    name: facts.name,
    lineage: record.lineage,
    origin: record.origin,
    hcc: c ? c.hcc : null,
    label: c ? c.label : 'AI-generated',
    digitalSourceType: c ? c.digitalSourceType : 'trainedAlgorithmicMedia',
    method: c ? c.method : 'loomprint-hcc/1',
    policyFingerprint: c ? c.policyFingerprint : '',
    breakdown: c ? c.breakdown : null,
    top: c ? c.top : [],
    capturedAt: c ? c.at : null,
    capturedBy: c ? c.by : null,
    contributors: c ? c.journal.people : [],
    journalHeads: c ? c.journal.heads : [],
    reviews,
    license: facts.license,
    eligibility: facts.eligibility ? eligibilityOf(facts.eligibility) : null,
    use: facts.use ? useResultOf(facts.use) : null,
  }
}

/** The manifest form of a checkEligibility result. */
export function eligibilityOf(r: EligibilityResult): Eligibility {
  return { eligible: r.eligible, verifiedHuman: r.verifiedHuman, rules: r.rules.map(({ id, ok, severity, reason }) => ({ id, ok, severity, reason })) }
}

/** The manifest form of a checkIntendedUse result (the royalty details stay with the royalties command). */
export function useResultOf(r: IntendedUseResult): UseResult {
  return { permitted: r.permitted, checks: r.checks.map(({ id, ok, severity, reason }) => ({ id, ok, severity, reason })) }
}
