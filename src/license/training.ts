/**
 * The terms' AI-training and data-mining permission in the three vocabularies tools
 * read (STANDARDS.md): the CAWG training-and-data-mining assertion (C2PA manifests),
 * PLUS `plus:DataMining` (XMP in PNG and SVG), and W3C TDMRep (`tdm-reservation`,
 * `tdm-policy`).
 *
 * One reading of the terms feeds all three (`effectiveTraining`), so they never
 * disagree: "allowed" with residual rights "models must be deleted" and a term end is
 * not a plain "allowed", it is allowed under a constraint.
 */
import type { LicenseTerms, TrainingUse } from './terms'

export type { TrainingUse }

export interface EffectiveTraining {
  use: TrainingUse
  /** Plain words, present when `use` is "constrained". */
  constraint?: string
}

/** What the terms say about AI training and mining, residual rights included. */
export function effectiveTraining(terms: LicenseTerms): EffectiveTraining {
  const t = terms.aiTraining
  if (t.use === 'notAllowed') return { use: 'notAllowed' }
  const residual =
    terms.residualRights === 'deleteModels' && terms.term.end !== null
      ? `Models trained on this asset must be deleted when the license ends (${terms.term.end}).`
      : ''
  if (t.use === 'constrained') return { use: 'constrained', constraint: residual ? `${t.constraint} ${residual}` : t.constraint }
  return residual ? { use: 'constrained', constraint: residual } : { use: 'allowed' }
}

// ---------------------------------------------------------------------------
// CAWG

export const CAWG_TRAINING_MINING_LABEL = 'cawg.training-mining'

export interface CawgEntry {
  use: TrainingUse
  constraint_info?: string
}

export interface CawgTrainingMining {
  entries: {
    'cawg.data_mining': CawgEntry
    'cawg.ai_inference': CawgEntry
    'cawg.ai_generative_training': CawgEntry
    'cawg.ai_training': CawgEntry
  }
}

/**
 * The `cawg.training-mining` assertion's data. Training, generative training and data
 * mining follow the terms' permission. Inference (feeding the asset to a model to make
 * something new, e.g. image-to-image) makes a derivative, so it follows "derivatives
 * allowed".
 */
export function toCawgTrainingMining(terms: LicenseTerms): CawgTrainingMining {
  const t = effectiveTraining(terms)
  const entry = (): CawgEntry => (t.use === 'constrained' ? { use: 'constrained', constraint_info: t.constraint! } : { use: t.use })
  return {
    entries: {
      'cawg.data_mining': entry(),
      'cawg.ai_inference': terms.derivativesAllowed ? { use: 'allowed' } : { use: 'notAllowed' },
      'cawg.ai_generative_training': entry(),
      'cawg.ai_training': entry(),
    },
  }
}

// ---------------------------------------------------------------------------
// PLUS

export const PLUS_VOCAB = 'http://ns.useplus.org/ldf/vocab/'

export interface PlusDataMining {
  /** Full PLUS controlled-vocabulary URI, e.g. http://ns.useplus.org/ldf/vocab/DMI-ALLOWED. */
  dataMining: string
  /** `plus:OtherConstraints`, which DMI-PROHIBITED-SEECONSTRAINT points to. */
  otherConstraints?: string
}

/**
 * `plus:DataMining`. PLUS has no "allowed with conditions": a constrained permission is
 * DMI-PROHIBITED-SEECONSTRAINT with the condition in `plus:OtherConstraints`, so a tool
 * that reads only the code stays on the safe side.
 */
export function toPlusDataMining(terms: LicenseTerms): PlusDataMining {
  const t = effectiveTraining(terms)
  switch (t.use) {
    case 'allowed':
      return { dataMining: PLUS_VOCAB + 'DMI-ALLOWED' }
    case 'notAllowed':
      return { dataMining: PLUS_VOCAB + 'DMI-PROHIBITED' }
    case 'constrained':
      return { dataMining: PLUS_VOCAB + 'DMI-PROHIBITED-SEECONSTRAINT', otherConstraints: `AI training and data mining: ${t.constraint!}` }
  }
}

// ---------------------------------------------------------------------------
// TDMRep

export interface TdmRep {
  /** 1: text-and-data-mining rights are reserved; 0: they are not. */
  'tdm-reservation': 0 | 1
  /** Where the conditions for a licence are (an ODRL policy); only with a reservation. */
  'tdm-policy'?: string
}

/**
 * W3C TDMRep (w3.org/community/reports/tdmrep): rights are reserved unless the terms
 * allow mining without conditions. With conditions, `tdm-policy` names the pack's ODRL
 * policy (`policyUrl`, e.g. "license.odrl.json" or an absolute URL), where the
 * `tdm:mine` permission and its constraint are.
 */
export function toTdmRep(terms: LicenseTerms, options: { policyUrl?: string } = {}): TdmRep {
  const t = effectiveTraining(terms)
  if (t.use === 'allowed') return { 'tdm-reservation': 0 }
  if (t.use === 'constrained' && options.policyUrl) return { 'tdm-reservation': 1, 'tdm-policy': options.policyUrl }
  return { 'tdm-reservation': 1 }
}
