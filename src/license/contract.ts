/**
 * The contract frame around license terms (issue #24): what a licensing team's
 * counsel chooses — the agreement template the schedule incorporates, governing law
 * and forum, the parties as legal entities, the acceptance of a named grant, the
 * warranty and indemnity, sublicensing, assignment, standard restrictions, payment
 * mechanics and what happens at the end. Loomprint writes none of these clauses: it
 * records the choices, checks them against the provenance evidence and writes them
 * out. The law and the wording are counsel's (docs/licensing.md, "The contract frame").
 *
 * zod/mini: the terms (and so this frame) are validated in the main-thread bundle too.
 * Strict objects, like the terms: a misspelled field is named, never dropped.
 */
import * as z from 'zod/mini'
import {
  AcceptanceSchema,
  ASSIGNMENTS,
  CONTRACT_LIMITS,
  GoverningLawSchema,
  IndemnitySchema,
  LegalPartySchema,
  PaymentTermsSchema,
  RestrictionsSchema,
  SUBLICENSING,
  TemplateRefSchema,
  TerminationSchema,
  WARRANTIES,
  date,
  type AcceptanceMethod,
  type Assignment,
  type FilesAfter,
  type ReportingPeriod,
  type Sublicensing,
  type Warranty,
} from '../provenance/contract-vocabulary'
import { requiredText as required } from '../provenance/license-vocabulary'

// The frame's words live below the policy and this room (src/provenance/contract-vocabulary.ts).
export * from '../provenance/contract-vocabulary'

/**
 * Fixed order of precedence, not a choice: the signed agreement prevails over this
 * schedule (LICENSE.md), which prevails over license.odrl.json (a machine-readable
 * summary). Written into LICENSE.md and the ODRL policy's description.
 */
export const PRECEDENCE = ['signedAgreement', 'schedule', 'machineReadableSummary'] as const
export const PRECEDENCE_WORDS =
  'the signed agreement (the template below, or the master agreement when one is named) prevails over this schedule (LICENSE.md), and this schedule prevails over license.odrl.json, which is a machine-readable summary'

export const WARRANTY_LABELS: { readonly [W in Warranty]: string } = {
  asIs: 'As is (no warranty)',
  originality: 'Originality of the human contribution',
  originalityAndNonInfringement: 'Originality and non-infringement',
}
export const SUBLICENSING_LABELS: { readonly [S in Sublicensing]: string } = {
  none: 'No sublicensing',
  manufacturersOnly: 'To manufacturers and printers, only to make the licensee’s products',
  affiliates: 'To the licensee’s affiliates, and to manufacturers and printers for them',
}
export const ASSIGNMENT_LABELS: { readonly [A in Assignment]: string } = {
  notAssignable: 'Not assignable or transferable',
  withConsent: 'Assignable only with the licensor’s written consent',
  withBusinessSale: 'Assignable with the sale of the business line that uses it, on notice to the licensor',
}
export const ACCEPTANCE_LABELS: { readonly [A in AcceptanceMethod]: string } = {
  signedAgreement: 'Signed agreement',
  electronicSignature: 'Electronic signature',
  purchaseOrder: 'Purchase order accepted in writing',
  clickThrough: 'Click-through acceptance',
}
export const REPORTING_LABELS: { readonly [R in ReportingPeriod]: string } = {
  none: 'No usage reports',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiAnnual: 'Half-yearly',
  annual: 'Yearly',
}
export const FILES_AFTER_LABELS: { readonly [F in FilesAfter]: string } = {
  delete: 'Delete every copy of the files',
  return: 'Return the files and delete every other copy',
  keepArchive: 'Keep one archive copy for records only, no further use',
}

export const ContractSchema = z.strictObject({
  template: TemplateRefSchema,
  governingLaw: GoverningLawSchema,
  forum: required(CONTRACT_LIMITS.forum, 'Forum'),
  masterAgreement: z.optional(z.strictObject({ reference: required(CONTRACT_LIMITS.reference, 'Master agreement reference'), date: z.optional(date('Master agreement date')) })),
  parties: z.strictObject({ licensor: LegalPartySchema, licensee: z.optional(LegalPartySchema) }),
  acceptance: z.optional(AcceptanceSchema),
  warranty: z.enum(WARRANTIES),
  indemnity: IndemnitySchema,
  sublicensing: z.enum(SUBLICENSING),
  assignment: z.enum(ASSIGNMENTS),
  restrictions: RestrictionsSchema,
  payment: PaymentTermsSchema,
  termination: TerminationSchema,
})
export type Contract = z.infer<typeof ContractSchema>

/** What the cross-field rules of the frame read from the terms. */
export interface FrameContext {
  licensee: { kind: 'anySubscriber' } | { kind: 'named'; name: string }
  royalty: { basis: { kind: 'flatFee'; fee: { currency: string } } | { kind: 'perUnit'; perUnit: { currency: string } } | { kind: 'revenueShare' } }
  caps: readonly { overCap: { rule: string } }[]
  contract?: Contract
}

/**
 * Rules between the frame and the rest of the terms, as `{ path, message }` with
 * paths from the terms' root. Reported with the other field issues so the form
 * shows them all at once.
 */
export function contractIssues(t: FrameContext): { path: string; message: string }[] {
  const c = t.contract
  if (!c) return []
  const out: { path: string; message: string }[] = []
  if (t.licensee.kind === 'named' && !c.parties.licensee) {
    out.push({ path: 'contract.parties.licensee', message: 'A named licensee needs its legal details (name, address, notices, signatory)' })
  }
  if (t.licensee.kind === 'anySubscriber' && c.parties.licensee) {
    out.push({ path: 'contract.parties.licensee', message: 'An offer to any subscriber names no licensee entity' })
  }
  if (t.licensee.kind === 'anySubscriber' && c.acceptance && c.acceptance.method !== 'clickThrough') {
    out.push({ path: 'contract.acceptance.method', message: 'Subscribers accept by click-through; other methods need a named licensee' })
  }
  const b = t.royalty.basis
  const reported = b.kind !== 'flatFee' || t.caps.some((cap) => cap.overCap.rule === 'perUnitRoyalty')
  if (reported && c.payment.reportingPeriod === 'none') {
    out.push({ path: 'contract.payment.reportingPeriod', message: 'Per-unit, revenue-share and over-cap royalties need a reporting period' })
  }
  const basisCurrency = b.kind === 'flatFee' ? b.fee.currency : b.kind === 'perUnit' ? b.perUnit.currency : null
  for (const key of ['advance', 'minimumGuarantee'] as const) {
    const money = c.payment[key]
    if (!money) continue
    if (b.kind === 'flatFee') {
      out.push({ path: `contract.payment.${key}`, message: 'A flat fee is paid once; this needs a per-unit or revenue-share royalty' })
    } else if (basisCurrency !== null && money.currency !== basisCurrency) {
      out.push({ path: `contract.payment.${key}.currency`, message: `Use the royalty’s currency (${basisCurrency})` })
    }
  }
  if (c.indemnity.kind !== 'none' && c.warranty === 'asIs') {
    out.push({ path: 'contract.indemnity', message: 'An indemnity needs a warranty above “as is”' })
  }
  if (c.indemnity.kind === 'uncapped' && c.warranty !== 'originalityAndNonInfringement') {
    out.push({ path: 'contract.indemnity', message: 'An uncapped indemnity needs the non-infringement warranty' })
  }
  return out
}

/** Terms stamped before the frame existed (or saved without it): shown as needing one. */
export const NEEDS_FRAME = 'needs contract frame'

