/** License terms and pack patterns for the royalty tests. */
import { licenseFingerprint, type LicenseTerms } from '../../src/license/terms'
import type { RoyaltyPattern } from '../../src/royalties/statement'

export const BASE_TERMS: LicenseTerms = {
  version: 1,
  tier: 'hybridCreative',
  exclusivity: 'nonExclusive',
  licensor: { name: 'Studio Loom', id: 'studio-loom' },
  licensee: { kind: 'named', name: 'Maison Textile', id: 'mt-7' },
  fieldOfUse: { allowed: ['apparel', 'homeTextiles'], denied: ['advertising'], notes: '' },
  territory: { scope: 'include', countries: ['FR', 'BE', 'DE'] },
  term: { start: '2026-01-01', end: '2026-12-31' },
  caps: [],
  royalty: {
    basis: { kind: 'perUnit', perUnit: { amount: '0.25', currency: 'EUR' } },
    splits: [
      { party: { role: 'humanAuthor', person: { id: 'u-2', name: 'Grace Designer' } }, basisPoints: 6000 },
      { party: { role: 'studio', name: 'Studio Loom' }, basisPoints: 3000 },
      { party: { role: 'modelProvider', name: 'Model Co' }, basisPoints: 1000 },
    ],
  },
  aiTraining: { use: 'notAllowed' },
  residualRights: 'deleteModels',
  attribution: '',
  derivativesAllowed: true,
}

export function pattern(index: number, id: string, terms: LicenseTerms | null, name = id): RoyaltyPattern {
  return { id, name, index, license: terms ? { terms, fingerprint: licenseFingerprint(terms) } : null }
}

export const PACK = { packId: 'lp-' + '0'.repeat(32), packDigest: 'f'.repeat(64) }

export const HEADER = 'pattern_id,period,field_of_use,territory,units,impressions,revenue,currency'
