/**
 * Everything the pack needs from the license terms, in one place, all of it from
 * src/license: the ODRL policy (toOdrl), the plain-language text (licenseText), the
 * training permissions for CAWG, PLUS and TDMRep (training.ts) and the intended-use
 * check (checkIntendedUse). A pattern without terms grants nothing: every training
 * and mining use is refused and TDM rights are reserved.
 */
import { checkIntendedUse, type IntendedUse } from '../license/intended-use'
import { odrlDocument, toOdrl } from '../license/odrl'
import { odrlProfileDocument } from '../license/odrl-profile'
import { FIELDS_OF_USE } from '../license/terms'
import { licenseText } from '../license/text'
import { toCawgTrainingMining, toPlusDataMining, toTdmRep, type CawgTrainingMining } from '../license/training'
import type { PackManifest, PackPattern } from './manifest'

/** Where the pack's ODRL policy is, for TDMRep's tdm-policy. */
export const ODRL_FILE = 'license.odrl.json'

export interface LicenseView {
  /** CAWG `cawg.training-mining` entries. */
  cawg: CawgTrainingMining['entries']
  /** PLUS data-mining vocabulary URI, and plus:OtherConstraints when it points there. */
  plusDataMining: string
  plusOtherConstraints: string | null
  /** W3C TDMRep. */
  tdmReservation: boolean
  tdmPolicy: string | null
  rights: string
  usageTerms: string
  licensor: { name: string; id: string } | null
  /** The pack-local id of the license: the terms' fingerprint. */
  licenseId: string | null
}

const NOTHING: CawgTrainingMining['entries'] = {
  'cawg.data_mining': { use: 'notAllowed' },
  'cawg.ai_inference': { use: 'notAllowed' },
  'cawg.ai_generative_training': { use: 'notAllowed' },
  'cawg.ai_training': { use: 'notAllowed' },
}

export function licenseViewOf(pattern: PackPattern): LicenseView {
  const t = pattern.license?.terms ?? null
  if (!t) {
    return {
      cawg: NOTHING,
      plusDataMining: 'http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED',
      plusOtherConstraints: null,
      tdmReservation: true,
      tdmPolicy: null,
      rights: 'All rights reserved. No license granted.',
      usageTerms: 'No license granted.',
      licensor: null,
      licenseId: null,
    }
  }
  const plus = toPlusDataMining(t)
  const tdm = toTdmRep(t, { policyUrl: ODRL_FILE })
  return {
    cawg: toCawgTrainingMining(t).entries,
    plusDataMining: plus.dataMining,
    plusOtherConstraints: plus.otherConstraints ?? null,
    tdmReservation: tdm['tdm-reservation'] === 1,
    tdmPolicy: tdm['tdm-policy'] ?? null,
    rights: rightsNotice(pattern, t.licensor.name, t.attribution),
    usageTerms: 'See LICENSE.md and license.odrl.json in the pack.',
    licensor: { name: t.licensor.name, id: t.licensor.id ?? t.licensor.name },
    licenseId: pattern.license!.fingerprint,
  }
}

/**
 * The rights notice (C2PA, XMP). No © on material the evidence labels AI-generated
 * (issue #24: "© Atelier Nord" was stamped on an HCC-0 pattern): the grant is
 * contractual, and a copyright claim, if any, covers the human contribution only.
 */
export function rightsNotice(pattern: Pick<PackPattern, 'digitalSourceType'>, licensor: string, attribution: string): string {
  const credit = attribution ? `; credit: ${attribution}` : ''
  switch (pattern.digitalSourceType) {
    case 'trainedAlgorithmicMedia':
      return `No copyright is claimed in this AI-generated pattern. Licensed by ${licensor} by contract on the terms in LICENSE.md${credit}.`
    case 'compositeWithTrainedAlgorithmicMedia':
      return `© ${licensor} in the human contribution only; no copyright is claimed in the AI-generated material. Licensed on the terms in LICENSE.md${credit}.`
    default:
      return `© ${licensor}. Licensed on the terms in LICENSE.md${credit}.`
  }
}

/** Where the Loomprint ODRL profile is published in a pack, and its text. */
export { ODRL_PROFILE_FILE } from '../license/odrl-profile'
export function licenseOdrlProfile(): unknown {
  return odrlProfileDocument(FIELDS_OF_USE)
}

export interface LicenseMarkdownOptions {
  /** The pack key that signs on the licensor's behalf (fingerprint, and the owner when known). */
  signedWith?: string
}

/** LICENSE.md: the schedule of every pattern (src/license licenseText). */
export function licenseMarkdown(patterns: readonly PackPattern[], options: LicenseMarkdownOptions = {}): string {
  const parts = patterns.map((p) =>
    p.license
      ? `${licenseText(p.license.terms, { title: p.name, ...(p.origin?.modelLicense ? { modelLicense: p.origin.modelLicense } : {}), ...(options.signedWith ? { signedWith: options.signedWith } : {}) }).trimEnd()}\n\nPattern \`${p.id}\`; terms fingerprint \`${p.license.fingerprint}\`.\n`
      : `# License: ${p.name}\n\nNo license terms are attached to pattern \`${p.id}\`: no rights are granted.\n`,
  )
  return parts.join('\n---\n\n')
}

/** license.odrl.json: one ODRL policy per licensed pattern, bound to its measured HCC. */
export function licenseOdrl(patterns: readonly PackPattern[]): unknown {
  return odrlDocument(
    patterns.flatMap((p) =>
      p.license
        ? [toOdrl(p.license.terms, { uid: `urn:loomprint:pattern:${p.id}`, title: p.name, ...(p.hcc !== null ? { hcc: p.hcc } : {}), ...(p.origin?.modelLicense ? { modelLicense: p.origin.modelLicense } : {}) })]
        : [],
    ),
  )
}

/** Is the license term running at `at`? (Dates inclusive; end null = perpetual.) */
export function checkTermAt(pattern: PackPattern, at: Date): { ok: boolean; reason: string } {
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

export type { PackManifest }
