/**
 * Everything the pack needs from the license terms, in one place. The terms, their
 * ODRL and plain-text renderings and the training permissions belong to src/license;
 * until that room lands (branch `license`), this bridge reads the stored terms
 * loosely and conservatively (training not allowed unless the terms say so), and is
 * the one file to switch over to src/license.
 */
import type { PackPattern } from './manifest'

export type TrainingUse = 'allowed' | 'notAllowed' | 'constrained'

export interface LicenseView {
  /** CAWG `cawg.training-mining` entries. */
  cawg: { [key: string]: { use: TrainingUse; constraint_info?: string } }
  /** PLUS data-mining code (without the vocabulary prefix). */
  plusDataMining: string
  /** W3C TDMRep: rights reserved? */
  tdmReservation: boolean
  rights: string
  usageTerms: string
  licensor: { name: string; id: string } | null
  licenseId: string | null
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null
}

export function licenseViewOf(pattern: PackPattern): LicenseView {
  const t = pattern.license?.terms ?? null
  const training = t ? t['aiTraining'] : undefined
  const allowed = training === 'allowed' || training === true
  const use: TrainingUse = allowed ? 'allowed' : 'notAllowed'
  const licensorRaw = t ? t['licensor'] : null
  const licensorName =
    licensorRaw && typeof licensorRaw === 'object' ? str((licensorRaw as { name?: unknown }).name) : str(licensorRaw)
  return {
    cawg: {
      'cawg.data_mining': { use },
      'cawg.ai_inference': { use },
      'cawg.ai_generative_training': { use },
      'cawg.ai_training': { use },
    },
    plusDataMining: allowed ? 'DMI-ALLOWED' : 'DMI-PROHIBITED-AIMLTRAINING',
    tdmReservation: !allowed,
    rights: t ? `Licensed under the terms in LICENSE.md (license ${str(t['id']) ?? 'unnamed'}).` : 'All rights reserved.',
    usageTerms: t ? 'See LICENSE.md and license.odrl.json in the pack.' : 'No license granted.',
    licensor: licensorName ? { name: licensorName, id: licensorName } : null,
    licenseId: t ? str(t['id']) : null,
  }
}

export function licenseMarkdown(patterns: readonly PackPattern[]): string {
  const out = ['# License', '']
  for (const p of patterns) {
    out.push(`## ${p.name}`, '', `Pattern \`${p.id}\``, '')
    if (!p.license) out.push('No license terms are attached: no rights are granted.', '')
    else out.push('```json', JSON.stringify(p.license.terms, null, 2), '```', '', `Terms fingerprint: \`${p.license.fingerprint}\``, '')
  }
  return out.join('\n')
}

export function licenseOdrl(patterns: readonly PackPattern[], packId: string): unknown {
  return {
    '@context': 'http://www.w3.org/ns/odrl.jsonld',
    '@type': 'Set',
    uid: `urn:loomprint:${packId}:policy`,
    permission: patterns
      .filter((p) => p.license)
      .map((p) => ({
        target: `urn:loomprint:pattern:${p.id}`,
        assigner: `urn:loomprint:licensor:${encodeURIComponent(licenseViewOf(p).licensor?.id ?? 'unknown')}`,
        action: 'use',
      })),
  }
}

export interface UseQuery {
  field: string | null
  territory: string | null
  units: number | null
}

/** Is the license term running at `at`? null when the terms state no term. */
export function checkTermAt(pattern: PackPattern, at: Date): { ok: boolean; reason: string } | null {
  const t = pattern.license?.terms
  if (!t) return { ok: false, reason: 'no license terms' }
  const term = t['term'] as { start?: unknown; end?: unknown } | undefined
  if (!term || typeof term !== 'object') return null
  const day = at.toISOString().slice(0, 10)
  if (typeof term.start === 'string' && day < term.start.slice(0, 10)) return { ok: false, reason: `the term starts on ${term.start}` }
  if (typeof term.end === 'string' && day > term.end.slice(0, 10)) return { ok: false, reason: `the term ended on ${term.end}` }
  return { ok: true, reason: `within the term${typeof term.end === 'string' ? ` (ends ${term.end})` : ''}` }
}

/** Is an intended use inside the terms? null when the terms cannot say. */
export function checkUse(pattern: PackPattern, _use: UseQuery, _at: Date): { ok: boolean; reasons: string[] } | null {
  if (!pattern.license) return { ok: false, reasons: ['no license terms'] }
  return null
}
