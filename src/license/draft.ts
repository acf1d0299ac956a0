/**
 * The terms a License form starts from: the team policy's license defaults, the
 * people in the pattern's journal as human authors, and today's date. A draft is
 * plain data that may still be refused by `parseLicenseTerms` (e.g. no licensor
 * default): the form shows it, the person completes it.
 */
import type { LicenseDefaults, SplitTemplate } from '../provenance/policy'
import { BASIS_POINTS_TOTAL, LICENSE_SCHEMA_VERSION, type LicenseTerms, type RoyaltySplit, type SplitParty } from './terms'

export interface DraftContext {
  /** YYYY-MM-DD: the term starts today. */
  today: string
  /** People from the journal, most edits first: the human authors offered. */
  authors: readonly { id: string; name: string }[]
  /** The model's provider, when the AI origin names one (e.g. "Stability AI"). */
  modelProvider?: string
}

/**
 * Shares by role → shares by party. A role's share is divided evenly between its
 * parties (the human authors); the basis points left over by the division go to the
 * first party, so the total stays exactly 10,000. A role with no party in the context
 * (no authors yet, no model provider) keeps its share under a placeholder name for
 * the person to fill in.
 */
export function splitsFromTemplate(template: SplitTemplate, context: DraftContext, studioName = ''): RoyaltySplit[] {
  const out: RoyaltySplit[] = []
  for (const { role, basisPoints } of template) {
    const parties: SplitParty[] =
      role === 'humanAuthor'
        ? context.authors.map((a) => ({ role: 'humanAuthor', person: { id: a.id, name: a.name } }))
        : role === 'modelProvider'
          ? [{ role: 'modelProvider', name: context.modelProvider ?? '' }]
          : role === 'studio'
            ? [{ role: 'studio', name: studioName }]
            : [{ role: 'curator', name: '' }]
    if (parties.length === 0) {
      out.push({ party: { role: 'humanAuthor', person: { id: '', name: '' } }, basisPoints })
      continue
    }
    const each = Math.floor(basisPoints / parties.length)
    const rest = basisPoints - each * parties.length
    parties.forEach((party, i) => out.push({ party, basisPoints: each + (i === 0 ? rest : 0) }))
  }
  return out
}

/** Non-exclusive Commodity terms, worldwide unless the policy says otherwise, for the form to start from. */
export function draftTerms(defaults: LicenseDefaults | undefined, context: DraftContext): LicenseTerms {
  const licensor = defaults?.licensor ?? { name: '' }
  const template: SplitTemplate = defaults?.splitTemplate ?? [{ role: 'humanAuthor', basisPoints: BASIS_POINTS_TOTAL }]
  return {
    version: LICENSE_SCHEMA_VERSION,
    tier: 'commodity',
    exclusivity: 'nonExclusive',
    licensor,
    licensee: { kind: 'anySubscriber' },
    fieldOfUse: { allowed: ['digitalWeb'], denied: [], notes: '' },
    territory: defaults?.territory ?? { scope: 'worldwide' },
    term: { start: context.today, end: null },
    caps: [],
    royalty: { basis: { kind: 'flatFee', fee: { amount: '0', currency: 'EUR' } }, splits: splitsFromTemplate(template, context, licensor.name) },
    aiTraining: defaults?.aiTraining ?? { use: 'notAllowed' },
    residualRights: 'deleteModels',
    attribution: '',
    derivativesAllowed: true,
  }
}
