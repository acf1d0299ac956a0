import type { LicenseTerms } from '../../src/license/terms'

/** A complete, valid set of exclusive Hybrid-creative terms; tests change one thing at a time. */
export function sampleTerms(): LicenseTerms {
  return {
    version: 1,
    tier: 'hybridCreative',
    exclusivity: 'exclusive',
    licensor: { name: 'Atelier Nord', id: 'studio-nord' },
    licensee: { kind: 'named', name: 'Maison Lumen' },
    fieldOfUse: { allowed: ['apparel', 'homeTextiles'], denied: ['advertising'], notes: 'Spring collection only' },
    territory: { scope: 'include', countries: ['FR', 'DE', 'JP'] },
    term: { start: '2026-01-01', end: '2027-12-31' },
    caps: [
      { kind: 'units', limit: 10_000, overCap: { rule: 'perUnitRoyalty', perUnit: { amount: '0.25', currency: 'EUR' } } },
      { kind: 'impressions', limit: 1_000_000, overCap: { rule: 'renegotiate' } },
      { kind: 'variants', limit: 12, overCap: { rule: 'deny' } },
    ],
    royalty: {
      basis: { kind: 'flatFee', fee: { amount: '1200', currency: 'EUR' } },
      splits: [
        { party: { role: 'humanAuthor', person: { id: 'u-ana', name: 'Ana' } }, basisPoints: 6000 },
        { party: { role: 'modelProvider', name: 'Stability AI' }, basisPoints: 1000 },
        { party: { role: 'curator', name: 'Bo' }, basisPoints: 500 },
        { party: { role: 'studio', name: 'Atelier Nord' }, basisPoints: 2500 },
      ],
    },
    aiTraining: { use: 'notAllowed' },
    residualRights: 'deleteModels',
    attribution: 'Pattern by Ana for Atelier Nord',
    derivativesAllowed: true,
  }
}

/** A complete contract frame for `sampleTerms()` (named licensee, flat fee). */
export function sampleContract(): NonNullable<LicenseTerms['contract']> {
  return {
    template: { id: 'AN-PATTERN-LICENCE', version: '2026.1', sha256: 'a'.repeat(64) },
    governingLaw: { country: 'FR' },
    forum: 'Tribunal judiciaire de Paris',
    parties: {
      licensor: {
        legalName: 'Atelier Nord SAS',
        registrationId: 'RCS Paris 912 345 678',
        address: '12 rue des Tisserands, 75011 Paris, France',
        noticeContact: 'legal@ateliernord.example',
        signatory: { name: 'Claire Nord', title: 'Managing director' },
      },
      licensee: {
        legalName: 'Maison Lumen SARL',
        registrationId: 'RCS Lyon 811 222 333',
        address: '3 quai Saint-Antoine, 69002 Lyon, France',
        noticeContact: 'contracts@lumen.example',
        signatory: { name: 'Hugo Lumen', title: 'CEO' },
      },
    },
    acceptance: { method: 'electronicSignature', by: 'Hugo Lumen', at: '2025-12-15', reference: 'ENV-2025-0042' },
    warranty: 'originality',
    indemnity: { kind: 'capped', cap: { amount: '5000', currency: 'EUR' } },
    sublicensing: 'manufacturersOnly',
    assignment: 'withConsent',
    restrictions: { trademark: true, standaloneFileResale: true, sensitiveUses: true },
    payment: { dueDays: 30, reportingPeriod: 'quarterly', auditRight: true, taxes: 'exclusive' },
    termination: { cureDays: 30, sellOffDays: 90, filesAfter: 'delete' },
  }
}

/** `sampleTerms()` with its contract frame. */
export function framedTerms(): LicenseTerms {
  return { ...sampleTerms(), contract: sampleContract() }
}
