/**
 * Everything the pack needs from the license terms, in one place. The terms schema
 * comes from src/license/terms.ts. The ODRL rendering, plain text, training
 * permissions belong to src/license too (odrl.ts, text.ts, training.ts — being written
 * on branch `license`); until they land, this bridge holds minimal stand-ins for
 * those three, and it is the one file to switch over. The intended-use check is
 * src/license checkIntendedUse already.
 */
import type { LicenseTerms, TrainingUse } from '../license/terms'
import type { PackPattern } from './manifest'
import { checkIntendedUse, type IntendedUse } from '../license/intended-use'

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

/** The pack-local id of a license: its fingerprint. */
function licenseIdOf(p: PackPattern): string | null {
  return p.license ? p.license.fingerprint : null
}

export function licenseViewOf(pattern: PackPattern): LicenseView {
  const t: LicenseTerms | null = pattern.license?.terms ?? null
  const training = t ? t.aiTraining : { use: 'notAllowed' as const }
  const entry = training.use === 'constrained' ? { use: training.use, constraint_info: training.constraint } : { use: training.use }
  const plus = training.use === 'allowed' ? 'DMI-ALLOWED' : training.use === 'constrained' ? 'DMI-ALLOWED-WITH-CONSTRAINTS' : 'DMI-PROHIBITED-AIMLTRAINING'
  return {
    cawg: {
      'cawg.data_mining': entry,
      'cawg.ai_inference': entry,
      'cawg.ai_generative_training': entry,
      'cawg.ai_training': entry,
    },
    plusDataMining: plus,
    tdmReservation: training.use !== 'allowed',
    rights: t
      ? `© ${t.licensor.name}. Licensed on the terms in LICENSE.md${t.attribution ? `; credit: ${t.attribution}` : ''}.`
      : 'All rights reserved. No license granted.',
    usageTerms: t ? 'See LICENSE.md and license.odrl.json in the pack.' : 'No license granted.',
    licensor: t ? { name: t.licensor.name, id: t.licensor.id ?? t.licensor.name } : null,
    licenseId: licenseIdOf(pattern),
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
    permission: patterns.flatMap((p) =>
      p.license
        ? [
            {
              target: `urn:loomprint:pattern:${p.id}`,
              assigner: `urn:loomprint:licensor:${encodeURIComponent(p.license.terms.licensor.id ?? p.license.terms.licensor.name)}`,
              action: 'use',
            },
          ]
        : [],
    ),
  }
}

/** Is the license term running at `at`? (Dates inclusive; end null = perpetual.) */
export function checkTermAt(pattern: PackPattern, at: Date): { ok: boolean; reason: string } | null {
  const t = pattern.license?.terms
  if (!t) return { ok: false, reason: 'no license terms' }
  const day = at.toISOString().slice(0, 10)
  if (day < t.term.start) return { ok: false, reason: `the term starts on ${t.term.start}` }
  if (t.term.end !== null && day > t.term.end) return { ok: false, reason: `the term ended on ${t.term.end}` }
  return { ok: true, reason: `within the term (${t.term.start} to ${t.term.end ?? 'perpetual'})` }
}

/** Is an intended use inside the terms? (src/license checkIntendedUse.) */
export function checkUse(pattern: PackPattern, use: IntendedUse, at: Date): { ok: boolean; reasons: string[] } {
  const t = pattern.license?.terms
  if (!t) return { ok: false, reasons: ['no license terms'] }
  const r = checkIntendedUse(t, use, at.toISOString().slice(0, 10))
  const failed = r.checks.filter((c) => !c.ok || c.severity === 'warning').map((c) => c.reason.replace(/\.$/, ''))
  return { ok: r.permitted, reasons: failed }
}
