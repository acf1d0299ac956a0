/**
 * The License form's model: what the inputs hold ⇄ license terms. Pure (no DOM), so
 * the parsing and the per-field messages are tested without a browser. The schema and
 * its messages are src/license/terms.ts; this only turns text into values.
 */
import type { FieldIssue } from '../../license/issues'
import {
  BASIS_POINTS_TOTAL,
  CAP_KINDS,
  formatPercent,
  LICENSE_SCHEMA_VERSION,
  parseLicenseTerms,
  splitTotal,
  type CapKind,
  type Exclusivity,
  type FieldOfUse,
  type LicenseTerms,
  type OverCapRuleKind,
  type ResidualRights,
  type RoyaltyBasisKind,
  type SplitRole,
  type Tier,
  type TrainingUse,
} from '../../license/terms'
import type { LicenseDefaults } from '../../provenance/policy'
import { territoryFromText, territoryToText } from '../policy/policy-form'

export interface CapForm {
  /** Empty: no cap of this kind. */
  limit: string
  overCap: OverCapRuleKind
  amount: string
  currency: string
}

export interface SplitForm {
  role: SplitRole
  /** Human author: the journal person's id; curator: their optional id; other roles: unused. */
  personId: string
  name: string
  /** Basis points as typed (100 = 1 %). */
  basisPoints: string
}

export interface LicenseForm {
  tier: Tier
  exclusivity: Exclusivity
  licensor: string
  /** Not shown: kept so editing stamped terms does not drop the party ids. */
  licensorId: string
  licenseeAny: boolean
  licenseeName: string
  licenseeId: string
  allowed: FieldOfUse[]
  denied: FieldOfUse[]
  fieldNotes: string
  territory: string
  termStart: string
  /** Empty: perpetual. */
  termEnd: string
  caps: Record<CapKind, CapForm>
  basis: RoyaltyBasisKind
  basisAmount: string
  basisCurrency: string
  basisShare: string
  splits: SplitForm[]
  training: TrainingUse
  constraint: string
  residual: ResidualRights
  attribution: string
  derivatives: boolean
}

const noCap = (): CapForm => ({ limit: '', overCap: 'deny', amount: '', currency: 'EUR' })

/** A fresh form: the team's license defaults where set, else a non-exclusive Commodity license. */
export function defaultLicenseForm(today: string, defaults?: LicenseDefaults, authors: readonly { id: string; name: string }[] = []): LicenseForm {
  const template = defaults?.splitTemplate
  let splits: SplitForm[]
  if (template && template.length > 0) {
    splits = template.map((t) => ({ role: t.role, personId: t.role === 'humanAuthor' ? (authors[0]?.id ?? '') : '', name: t.role === 'humanAuthor' ? (authors[0]?.name ?? '') : '', basisPoints: String(t.basisPoints) }))
  } else if (authors[0]) {
    splits = [{ role: 'humanAuthor', personId: authors[0].id, name: authors[0].name, basisPoints: String(BASIS_POINTS_TOTAL) }]
  } else splits = [{ role: 'studio', personId: '', name: defaults?.licensor?.name ?? '', basisPoints: String(BASIS_POINTS_TOTAL) }]
  const training = defaults?.aiTraining
  return {
    tier: 'commodity',
    exclusivity: 'nonExclusive',
    licensor: defaults?.licensor?.name ?? '',
    licensorId: defaults?.licensor?.id ?? '',
    licenseeAny: true,
    licenseeName: '',
    licenseeId: '',
    allowed: [],
    denied: [],
    fieldNotes: '',
    territory: defaults?.territory ? territoryToText(defaults.territory) : 'worldwide',
    termStart: today,
    termEnd: '',
    caps: { units: noCap(), impressions: noCap(), variants: noCap() },
    basis: 'flatFee',
    basisAmount: '',
    basisCurrency: 'EUR',
    basisShare: '',
    splits,
    training: training?.use ?? 'notAllowed',
    constraint: training?.use === 'constrained' ? training.constraint : '',
    residual: 'deleteModels',
    attribution: '',
    derivatives: false,
  }
}

/** The form for terms already stamped. */
export function licenseFormOf(terms: LicenseTerms): LicenseForm {
  const caps = { units: noCap(), impressions: noCap(), variants: noCap() }
  for (const cap of terms.caps) {
    caps[cap.kind] = {
      limit: String(cap.limit),
      overCap: cap.overCap.rule,
      amount: cap.overCap.rule === 'perUnitRoyalty' ? cap.overCap.perUnit.amount : '',
      currency: cap.overCap.rule === 'perUnitRoyalty' ? cap.overCap.perUnit.currency : 'EUR',
    }
  }
  const basis = terms.royalty.basis
  return {
    tier: terms.tier,
    exclusivity: terms.exclusivity,
    licensor: terms.licensor.name,
    licensorId: terms.licensor.id ?? '',
    licenseeAny: terms.licensee.kind === 'anySubscriber',
    licenseeName: terms.licensee.kind === 'named' ? terms.licensee.name : '',
    licenseeId: terms.licensee.kind === 'named' ? (terms.licensee.id ?? '') : '',
    allowed: [...terms.fieldOfUse.allowed],
    denied: [...terms.fieldOfUse.denied],
    fieldNotes: terms.fieldOfUse.notes,
    territory: territoryToText(terms.territory),
    termStart: terms.term.start,
    termEnd: terms.term.end ?? '',
    caps,
    basis: basis.kind,
    basisAmount: basis.kind === 'flatFee' ? basis.fee.amount : basis.kind === 'perUnit' ? basis.perUnit.amount : '',
    basisCurrency: basis.kind === 'flatFee' ? basis.fee.currency : basis.kind === 'perUnit' ? basis.perUnit.currency : 'EUR',
    basisShare: basis.kind === 'revenueShare' ? String(basis.basisPoints) : '',
    splits: terms.royalty.splits.map((s) => ({
      role: s.party.role,
      personId: s.party.role === 'humanAuthor' ? s.party.person.id : s.party.role === 'curator' ? (s.party.id ?? '') : '',
      name: s.party.role === 'humanAuthor' ? s.party.person.name : s.party.name,
      basisPoints: String(s.basisPoints),
    })),
    training: terms.aiTraining.use,
    constraint: terms.aiTraining.use === 'constrained' ? terms.aiTraining.constraint : '',
    residual: terms.residualRights,
    attribution: terms.attribution,
    derivatives: terms.derivativesAllowed,
  }
}

/** A whole number where the text is one; the text itself otherwise, so the schema names the field. */
function wholeNumber(text: string): unknown {
  const t = text.trim().replace(/[\s,_]/g, '')
  return /^-?\d+$/.test(t) ? Number(t) : text.trim()
}

/** The terms the form describes (not yet validated: `parseLicenseTerms` does that). */
export function licenseInputFromForm(form: LicenseForm): unknown {
  const caps = CAP_KINDS.filter((k) => form.caps[k].limit.trim() !== '').map((kind) => {
    const cap = form.caps[kind]
    const overCap =
      cap.overCap === 'perUnitRoyalty'
        ? { rule: 'perUnitRoyalty', perUnit: { amount: cap.amount.trim(), currency: cap.currency.trim().toUpperCase() } }
        : { rule: cap.overCap }
    return { kind, limit: wholeNumber(cap.limit), overCap }
  })
  const basis =
    form.basis === 'flatFee'
      ? { kind: 'flatFee', fee: { amount: form.basisAmount.trim(), currency: form.basisCurrency.trim().toUpperCase() } }
      : form.basis === 'perUnit'
        ? { kind: 'perUnit', perUnit: { amount: form.basisAmount.trim(), currency: form.basisCurrency.trim().toUpperCase() } }
        : { kind: 'revenueShare', basisPoints: wholeNumber(form.basisShare) }
  const splits = form.splits.map((s) => ({
    party:
      s.role === 'humanAuthor'
        ? { role: 'humanAuthor', person: { id: s.personId, name: s.name.trim() } }
        : s.role === 'curator' && s.personId !== ''
          ? { role: 'curator', name: s.name.trim(), id: s.personId }
          : { role: s.role, name: s.name.trim() },
    basisPoints: wholeNumber(s.basisPoints),
  }))
  return {
    version: LICENSE_SCHEMA_VERSION,
    tier: form.tier,
    exclusivity: form.exclusivity,
    licensor: form.licensorId === '' ? { name: form.licensor.trim() } : { name: form.licensor.trim(), id: form.licensorId },
    licensee: form.licenseeAny
      ? { kind: 'anySubscriber' }
      : form.licenseeId === ''
        ? { kind: 'named', name: form.licenseeName.trim() }
        : { kind: 'named', name: form.licenseeName.trim(), id: form.licenseeId },
    fieldOfUse: { allowed: form.allowed, denied: form.denied, notes: form.fieldNotes },
    territory: territoryFromText(form.territory) ?? form.territory,
    term: { start: form.termStart.trim(), end: form.termEnd.trim() === '' ? null : form.termEnd.trim() },
    caps,
    royalty: { basis, splits },
    aiTraining: form.training === 'constrained' ? { use: 'constrained', constraint: form.constraint.trim() } : { use: form.training },
    residualRights: form.residual,
    attribution: form.attribution,
    derivativesAllowed: form.derivatives,
  }
}

export function parseLicenseForm(form: LicenseForm): { ok: true; terms: LicenseTerms } | { ok: false; issues: FieldIssue[] } {
  return parseLicenseTerms(licenseInputFromForm(form))
}

/** The form's fields, by the schema path their messages arrive on (longest prefix wins). */
export const LICENSE_FIELDS = [
  'tier',
  'exclusivity',
  'licensor',
  'licensee',
  'fieldOfUse.allowed',
  'fieldOfUse.denied',
  'fieldOfUse.notes',
  'territory',
  'term.start',
  'term.end',
  'caps',
  'royalty.basis',
  'royalty.splits',
  'aiTraining',
  'residualRights',
  'attribution',
  'derivativesAllowed',
] as const
export type LicenseField = (typeof LICENSE_FIELDS)[number]

/** Issues grouped under the field that shows them; those that fit none are general. */
export function licenseIssuesByField(issues: readonly FieldIssue[]): { fields: Partial<Record<LicenseField, string[]>>; general: string[] } {
  const fields: Partial<Record<LicenseField, string[]>> = {}
  const general: string[] = []
  for (const issue of issues) {
    const field = LICENSE_FIELDS.filter((f) => issue.path === f || issue.path.startsWith(f + '.')).sort((a, b) => b.length - a.length)[0]
    if (!field) {
      general.push((issue.path ? issue.path + ': ' : '') + issue.message)
      continue
    }
    const list = (fields[field] = fields[field] ?? [])
    if (!list.includes(issue.message)) list.push(issue.message)
  }
  return { fields, general }
}

/** The live total of the splits as typed: "7,500 of 10,000 basis points (75 %)". */
export function splitTotalText(splits: readonly SplitForm[]): { total: number; ok: boolean; text: string } {
  const total = splitTotal(splits.map((s) => ({ basisPoints: Number(wholeNumber(s.basisPoints)) || 0 })))
  return {
    total,
    ok: total === BASIS_POINTS_TOTAL,
    text: `${total.toLocaleString('en-US')} of 10,000 basis points (${formatPercent(total)})`,
  }
}
