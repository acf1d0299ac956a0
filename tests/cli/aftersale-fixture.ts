/**
 * A verified pack of generated patterns (tests/enforcement/corpus.ts) with royalty
 * terms, for the match and royalties commands.
 */
import { licenseFingerprint, type LicenseTerms } from '../../src/license/terms'
import type { PackPattern } from '../../src/pack/manifest'
import { AI_PATTERN, INTENDED_USE, TERMS } from '../pack/fixture'
import { buildPack, writeTmp } from '../pack/support'
import { packPatterns, toPng, type CorpusPattern } from '../enforcement/corpus'

export const ROYALTY_TERMS: LicenseTerms = {
  ...TERMS,
  term: { start: '2026-01-01', end: '2026-12-31' },
  caps: [{ kind: 'units', limit: 10000, overCap: { rule: 'deny' } }],
  royalty: {
    basis: { kind: 'perUnit', perUnit: { amount: '0.25', currency: 'EUR' } },
    splits: [
      { party: { role: 'humanAuthor', person: { id: 'u-2', name: 'Grace Designer' } }, basisPoints: 7000 },
      { party: { role: 'studio', name: 'Studio Loom' }, basisPoints: 3000 },
    ],
  },
}

export const CORPUS: CorpusPattern[] = packPatterns(3, 21)

export function packPattern(c: CorpusPattern, i: number): PackPattern {
  return { ...AI_PATTERN, id: `corpus-pattern-${i}`, name: c.name, license: { terms: ROYALTY_TERMS, fingerprint: licenseFingerprint(ROYALTY_TERMS) } }
}

/** Writes the pack to a temporary file and returns its path. */
export async function writeCorpusPack(name = 'aftersale.zip'): Promise<string> {
  const zip = await buildPack({
    patterns: CORPUS.map(packPattern),
    assets: CORPUS.map((c, i) => ({ pattern: `corpus-pattern-${i}`, kind: 'png' as const, scale: 1, bytes: toPng(c.tile) })),
    intendedUse: INTENDED_USE,
  })
  return writeTmp(zip, name)
}
