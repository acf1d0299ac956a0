/**
 * The contract frame's words (issue #24) and the money and date pieces they share with
 * the licence terms: template reference, governing law, parties as legal entities,
 * acceptance, indemnity, restrictions, payment and termination, and the frame a team
 * keeps as its default. They live below both the team policy (which stores the
 * defaults) and the licence room (src/license/contract.ts re-exports every one), so
 * the policy never reaches up into the licence room.
 *
 * zod/mini only: the policy and the terms also run in the size-limited main bundle.
 */
import * as z from 'zod/mini'
import { ISO_3166_ALPHA2, ISO_4217_CURRENCIES } from './codes'
import { limitedText as text, requiredText as required } from './license-vocabulary'

export const COUNTRY_SET = new Set(ISO_3166_ALPHA2)
export const CURRENCY_SET = new Set(ISO_4217_CURRENCIES)

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_SET.has(code)
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date "YYYY-MM-DD" (2025-02-30 is refused). */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return false
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= days[mo - 1]!
}

export const date = (what: string) =>
  z.string({ error: `${what} must be a date such as 2026-03-01` }).check(
    z.refine(isCalendarDate, { error: `${what} must be a real date written as YYYY-MM-DD, such as 2026-03-01` }),
  )

/** Decimal text, not a float: no rounding ever enters a contract amount. */
const DECIMAL = /^(0|[1-9]\d{0,11})(\.\d{1,6})?$/

export const MoneySchema = z.strictObject({
  amount: z.string({ error: 'Amount must be text such as "12.50"' }).check(
    z.regex(DECIMAL, { error: 'Amount must be a plain decimal such as 1200 or 0.025 (at most 6 decimals, no sign)' }),
  ),
  currency: z.string({ error: 'Currency must be an ISO 4217 code such as EUR' }).check(
    z.refine((c) => CURRENCY_SET.has(c), { error: 'Currency must be an ISO 4217 code such as EUR, USD or JPY' }),
  ),
})
/** An amount of money: `amount` is a decimal string ("0.025"), `currency` ISO 4217. */
export type Money = z.infer<typeof MoneySchema>

export const CONTRACT_LIMITS = { name: 200, address: 500, contact: 300, reference: 300, forum: 300, id: 200, version: 50 } as const

export const WARRANTIES = ['asIs', 'originality', 'originalityAndNonInfringement'] as const
export type Warranty = (typeof WARRANTIES)[number]

export const SUBLICENSING = ['none', 'manufacturersOnly', 'affiliates'] as const
export type Sublicensing = (typeof SUBLICENSING)[number]

export const ASSIGNMENTS = ['notAssignable', 'withConsent', 'withBusinessSale'] as const
export type Assignment = (typeof ASSIGNMENTS)[number]

export const ACCEPTANCE_METHODS = ['signedAgreement', 'electronicSignature', 'purchaseOrder', 'clickThrough'] as const
export type AcceptanceMethod = (typeof ACCEPTANCE_METHODS)[number]

export const REPORTING_PERIODS = ['none', 'monthly', 'quarterly', 'semiAnnual', 'annual'] as const
export type ReportingPeriod = (typeof REPORTING_PERIODS)[number]

export const TAX_TREATMENTS = ['exclusive', 'inclusive'] as const
export type TaxTreatment = (typeof TAX_TREATMENTS)[number]

export const FILES_AFTER = ['delete', 'return', 'keepArchive'] as const
export type FilesAfter = (typeof FILES_AFTER)[number]

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
