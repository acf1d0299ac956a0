/**
 * A pack pattern from a provenance record plus the facts the record does not hold
 * (the layer name, the review history, the license terms and the eligibility
 * results). The Export tab calls this; everything after it is the manifest.
 */
import type { ProvenanceRecord, Review } from '../provenance/record'
import type { EligibilityEntry, PackPattern } from './manifest'
import type { LicenseTerms } from '../license/terms'

export interface PatternFacts {
  name: string
  /** Review history, oldest first (default: the record's current review). */
  reviews?: Review[]
  license: { terms: LicenseTerms; fingerprint: string } | null
  eligibility: EligibilityEntry[]
}

export function packPatternOf(record: ProvenanceRecord, facts: PatternFacts): PackPattern {
  const c = record.capture
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
    reviews: facts.reviews ?? (record.review ? [record.review] : []),
    license: facts.license,
    eligibility: facts.eligibility,
  }
}
