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
import { COUNTRY_SET, MoneySchema, date, required, text } from './schema-pieces'

/**
 * Fixed order of precedence, not a choice: the signed agreement prevails over this
 * schedule (LICENSE.md), which prevails over license.odrl.json (a machine-readable
 * summary). Written into LICENSE.md and the ODRL policy's description.
 */
export const PRECEDENCE = ['signedAgreement', 'schedule', 'machineReadableSummary'] as const
export const PRECEDENCE_WORDS =
  'the signed agreement (the template below, or the master agreement when one is named) prevails over this schedule (LICENSE.md), and this schedule prevails over license.odrl.json, which is a machine-readable summary'

export const CONTRACT_LIMITS = { name: 200, address: 500, contact: 300, reference: 300, forum: 300, id: 200, version: 50 } as const

export const WARRANTIES = ['asIs', 'originality', 'originalityAndNonInfringement'] as const
export type Warranty = (typeof WARRANTIES)[number]
export const WARRANTY_LABELS: { readonly [W in Warranty]: string } = {
  asIs: 'As is (no warranty)',
  originality: 'Originality of the human contribution',
  originalityAndNonInfringement: 'Originality and non-infringement',
}

export const SUBLICENSING = ['none', 'manufacturersOnly', 'affiliates'] as const
export type Sublicensing = (typeof SUBLICENSING)[number]
export const SUBLICENSING_LABELS: { readonly [S in Sublicensing]: string } = {
  none: 'No sublicensing',
  manufacturersOnly: 'To manufacturers and printers, only to make the licensee’s products',
  affiliates: 'To the licensee’s affiliates, and to manufacturers and printers for them',
}

export const ASSIGNMENTS = ['notAssignable', 'withConsent', 'withBusinessSale'] as const
export type Assignment = (typeof ASSIGNMENTS)[number]
export const ASSIGNMENT_LABELS: { readonly [A in Assignment]: string } = {
  notAssignable: 'Not assignable or transferable',
  withConsent: 'Assignable only with the licensor’s written consent',
  withBusinessSale: 'Assignable with the sale of the business line that uses it, on notice to the licensor',
}

export const ACCEPTANCE_METHODS = ['signedAgreement', 'electronicSignature', 'purchaseOrder', 'clickThrough'] as const
export type AcceptanceMethod = (typeof ACCEPTANCE_METHODS)[number]
export const ACCEPTANCE_LABELS: { readonly [A in AcceptanceMethod]: string } = {
  signedAgreement: 'Signed agreement',
  electronicSignature: 'Electronic signature',
  purchaseOrder: 'Purchase order accepted in writing',
  clickThrough: 'Click-through acceptance',
}

export const REPORTING_PERIODS = ['none', 'monthly', 'quarterly', 'semiAnnual', 'annual'] as const
export type ReportingPeriod = (typeof REPORTING_PERIODS)[number]
export const REPORTING_LABELS: { readonly [R in ReportingPeriod]: string } = {
  none: 'No usage reports',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiAnnual: 'Half-yearly',
  annual: 'Yearly',
}

export const TAX_TREATMENTS = ['exclusive', 'inclusive'] as const
export type TaxTreatment = (typeof TAX_TREATMENTS)[number]

export const FILES_AFTER = ['delete', 'return', 'keepArchive'] as const
export type FilesAfter = (typeof FILES_AFTER)[number]
export const FILES_AFTER_LABELS: { readonly [F in FilesAfter]: string } = {
  delete: 'Delete every copy of the files',
  return: 'Return the files and delete every other copy',
  keepArchive: 'Keep one archive copy for records only, no further use',
}

/** The cure period a breach notice gives, unless counsel chooses otherwise. */
export const DEFAULT_CURE_DAYS = 30

const SHA256_HEX = /^[0-9a-f]{64}$/
/** ISO 3166-2 subdivision code, e.g. US-NY, FR-75C, GB-ENG. */
const SUBDIVISION = /^([A-Z]{2})-[A-Z0-9]{1,3}$/

const days = (what: string, min: number, max: number) =>
  z.int({ error: `${what} must be a whole number of days` }).check(
    z.gte(min, { error: `${what} must be at least ${min} days` }),
    z.lte(max, { error: `${what} must be at most ${max} days` }),
  )

export const TemplateRefSchema = z.strictObject({
  /** The team's name for its agreement template, e.g. "AN-PATTERN-LICENCE". */
  id: required(CONTRACT_LIMITS.id, 'Template id'),
  version: required(CONTRACT_LIMITS.version, 'Template version'),
  /** SHA-256 (hex) of the template's text as counsel approved it: identifies the wording itself. */
  sha256: z.string({ error: 'Template SHA-256 must be text' }).check(
    z.regex(SHA256_HEX, { error: 'Template SHA-256 must be 64 hex digits' }),
  ),
})
export type TemplateRef = z.infer<typeof TemplateRefSchema>

export const GoverningLawSchema = z
  .strictObject({
    country: z.string({ error: 'Governing law needs a country' }).check(
      z.refine((c) => COUNTRY_SET.has(c), { error: 'Not an ISO 3166-1 country code such as FR' }),
    ),
    /** ISO 3166-2 code where the law is a subdivision's (US-NY, GB-SCT); absent otherwise. */
    subdivision: z.optional(
      z.string().check(z.regex(SUBDIVISION, { error: 'Not an ISO 3166-2 code such as US-NY' })),
    ),
  })
  .check(
    z.refine((g) => g.subdivision === undefined || g.subdivision.slice(0, 2) === g.country, {
      error: 'The subdivision must be in that country',
      path: ['subdivision'],
    }),
  )
export type GoverningLaw = z.infer<typeof GoverningLawSchema>

/** A party as a legal entity: who signs, where notices go. */
export const LegalPartySchema = z.strictObject({
  legalName: required(CONTRACT_LIMITS.name, 'Legal name'),
  /** Company or trade register number; "" for a person or where none exists. */
  registrationId: text(CONTRACT_LIMITS.id),
  address: required(CONTRACT_LIMITS.address, 'Registered address'),
  /** Where contractual notices go (an e-mail address or a postal address). */
  noticeContact: required(CONTRACT_LIMITS.contact, 'Notice contact'),
  signatory: z.strictObject({ name: required(CONTRACT_LIMITS.name, 'Signatory name'), title: text(CONTRACT_LIMITS.name) }),
})
export type LegalParty = z.infer<typeof LegalPartySchema>

/** That a named licensee accepted the grant: needed before a named, exclusive or sole grant leaves. */
export const AcceptanceSchema = z.strictObject({
  method: z.enum(ACCEPTANCE_METHODS),
  by: required(CONTRACT_LIMITS.name, 'Accepted by'),
  at: date('Acceptance date'),
  /** The signed document's, envelope's or order's reference. */
  reference: required(CONTRACT_LIMITS.reference, 'Acceptance reference'),
})
export type Acceptance = z.infer<typeof AcceptanceSchema>

export const IndemnitySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('capped'), cap: MoneySchema }),
    z.strictObject({ kind: z.literal('uncapped') }),
  ],
  { error: 'Indemnity must be none, capped or uncapped' },
)
export type Indemnity = z.infer<typeof IndemnitySchema>

/** true: the use is restricted (the usual choice for each). */
export const RestrictionsSchema = z.strictObject({
  /** No use of the pattern as, or as part of, a trademark or logo. */
  trademark: z.boolean({ error: 'Trademark restriction must be true or false' }),
  /** No resale or redistribution of the files themselves, as they are (templates, stock, NFTs). */
  standaloneFileResale: z.boolean({ error: 'File-resale restriction must be true or false' }),
  /** No use in defamatory, unlawful, pornographic or hateful contexts, or political campaigning. */
  sensitiveUses: z.boolean({ error: 'Sensitive-uses restriction must be true or false' }),
})
export type Restrictions = z.infer<typeof RestrictionsSchema>

export const PaymentTermsSchema = z.strictObject({
  /** Days after the end of a reporting period (or after acceptance for a flat fee) when payment is due. */
  dueDays: days('Payment due', 0, 365),
  reportingPeriod: z.enum(REPORTING_PERIODS),
  auditRight: z.boolean({ error: 'Audit right must be true or false' }),
  /** Amounts are exclusive of taxes (added on top) or inclusive. */
  taxes: z.enum(TAX_TREATMENTS),
  /** Paid on acceptance and recouped from royalties earned. */
  advance: z.optional(MoneySchema),
  /** The least the licensee pays over the term, whatever the royalties earned. */
  minimumGuarantee: z.optional(MoneySchema),
})
export type PaymentTerms = z.infer<typeof PaymentTermsSchema>

export const TerminationSchema = z.strictObject({
  /** Days a breach notice gives to cure before the licensor may terminate. */
  cureDays: days('Cure period', 1, 365),
  /** Days after the end to sell stock already made. */
  sellOffDays: days('Sell-off period', 0, 730),
  filesAfter: z.enum(FILES_AFTER),
})
export type Termination = z.infer<typeof TerminationSchema>

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

/**
 * The frame a licensing team keeps in its team policy (licenseDefaults.contract), so
 * every new licence starts from counsel's choices: every part optional. The
 * licensee, acceptance and master agreement are per deal and never defaults.
 */
export const ContractDefaultsSchema = z.object(
  {
    template: z.optional(TemplateRefSchema),
    governingLaw: z.optional(GoverningLawSchema),
    forum: z.optional(required(CONTRACT_LIMITS.forum, 'Forum')),
    licensor: z.optional(LegalPartySchema),
    warranty: z.optional(z.enum(WARRANTIES)),
    sublicensing: z.optional(z.enum(SUBLICENSING)),
    assignment: z.optional(z.enum(ASSIGNMENTS)),
    restrictions: z.optional(RestrictionsSchema),
    payment: z.optional(PaymentTermsSchema),
    termination: z.optional(TerminationSchema),
  },
  { error: 'must be an object with the contract frame defaults' },
)
export type ContractDefaults = z.infer<typeof ContractDefaultsSchema>
