/**
 * An accepted grant of a pattern, reduced to what decides whether a later grant
 * overlaps it. Its own small file: the stamp (main-thread bundle) records these
 * without pulling in the eligibility rules.
 */
import { licenseFingerprint, type FieldOfUse, type LicenseTerms, type Territory } from './terms'

/** An earlier grant of the same pattern, as the license entry keeps it (stamp.ts `grants`). */
export interface PriorGrant {
  fingerprint: string
  exclusivity: LicenseTerms['exclusivity']
  /** The named licensee, or null for an offer to any subscriber. */
  licensee: string | null
  term: { start: string; end: string | null }
  territory: Territory
  fields: FieldOfUse[]
}

export function priorGrantOf(terms: LicenseTerms): PriorGrant {
  return {
    fingerprint: licenseFingerprint(terms),
    exclusivity: terms.exclusivity,
    licensee: terms.licensee.kind === 'named' ? terms.licensee.name : null,
    term: { start: terms.term.start, end: terms.term.end },
    territory: terms.territory,
    fields: [...terms.fieldOfUse.allowed],
  }
}

