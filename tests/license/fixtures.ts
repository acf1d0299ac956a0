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
