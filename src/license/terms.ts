/**
 * License terms for a tracked pattern: the schema (zod/mini: it also runs in the
 * size-limited main-thread bundle), a parser that never throws and names every field
 * that is wrong, and a fingerprint that tells two sets of terms apart.
 *
 * Vocabulary comes from the seeds (tiers, field of use, consumption thresholds,
 * royalty splits, residual rights) and STANDARDS.md (ISO 3166 territories, ISO 4217
 * currencies, CAWG's allowed / notAllowed / constrained for AI training).
 *
 * Objects are strict: a hand-edited entry with a misspelled field ("teritory") is
 * refused and the field named, never silently dropped and later overwritten.
 */
import canonicalize from 'canonicalize'
import * as z from 'zod/mini'
import { sha256HexOfString } from '../storage/sha256'
import { ISO_4217_CURRENCIES } from '../provenance/codes'
import {
  AiTrainingSchema,
  BASIS_POINTS_TOTAL,
  formatPercent,
  LICENSE_LIMITS,
  limitedText as text,
  noDuplicates,
  PartySchema,
  requiredText as required,
  TerritorySchema,
  type SplitRole,
} from '../provenance/license-vocabulary'
import { formatCount } from '../provenance/issues'
import { licenseIssuesOf, type FieldIssue } from './issues'

/** Bumped when stored terms change shape; the number is part of the terms (and their fingerprint). */
export const LICENSE_SCHEMA_VERSION = 1

// ---------------------------------------------------------------------------
// Vocabularies

// The words the team policy shares (parties, territories, training, split roles, basis
// points) live below both rooms, in src/provenance/license-vocabulary.ts.
export {
  AiTrainingSchema,
  BASIS_POINTS_TOTAL,
  formatPercent,
  isCountryCode,
  LICENSE_LIMITS,
  PartySchema,
  SPLIT_ROLES,
  TerritorySchema,
  type AiTraining,
  type Party,
  type SplitRole,
  type Territory,
} from '../provenance/license-vocabulary'

export const TIERS = ['commodity', 'hybridCreative', 'foundationalIp'] as const
export type Tier = (typeof TIERS)[number]
export const TIER_LABELS: { readonly [T in Tier]: string } = {
  commodity: 'Commodity',
  hybridCreative: 'Hybrid creative',
  foundationalIp: 'Foundational IP',
}

export const EXCLUSIVITIES = ['nonExclusive', 'exclusive', 'sole'] as const
export type Exclusivity = (typeof EXCLUSIVITIES)[number]
export const EXCLUSIVITY_LABELS: { readonly [E in Exclusivity]: string } = {
  nonExclusive: 'Non-exclusive',
  exclusive: 'Exclusive',
  sole: 'Sole',
}

/**
 * The fixed field-of-use vocabulary (issue #7). Every category is a commercial use:
 * products sold or promoted with the pattern. `commercial` is kept per category so a
 * non-commercial one can be added without touching the eligibility rule that reads it.
 */
export const FIELDS_OF_USE = [
  { id: 'apparel', label: 'Apparel', commercial: true },
  { id: 'homeTextiles', label: 'Home textiles', commercial: true },
  { id: 'wallcoverings', label: 'Wallcoverings', commercial: true },
  { id: 'stationery', label: 'Stationery and paper goods', commercial: true },
  { id: 'packaging', label: 'Packaging', commercial: true },
  { id: 'printEditorial', label: 'Print and editorial', commercial: true },
  { id: 'digitalWeb', label: 'Digital and web', commercial: true },
  { id: 'advertising', label: 'Advertising', commercial: true },
  { id: 'merchandise', label: 'Merchandise', commercial: true },
  { id: 'fineArtPrints', label: 'Fine-art prints', commercial: true },
] as const
export type FieldOfUse = (typeof FIELDS_OF_USE)[number]['id']
export const FIELD_OF_USE_IDS = FIELDS_OF_USE.map((f) => f.id) as unknown as readonly [FieldOfUse, ...FieldOfUse[]]

export function fieldOfUseLabel(id: FieldOfUse): string {
  return FIELDS_OF_USE.find((f) => f.id === id)?.label ?? id
}

/** What a usage cap counts (the seeds' consumption thresholds). */
export const CAP_KINDS = ['units', 'impressions', 'variants'] as const
export type CapKind = (typeof CAP_KINDS)[number]
export const CAP_KIND_LABELS: { readonly [K in CapKind]: string } = {
  units: 'Units produced',
  impressions: 'Digital impressions',
  variants: 'Product variants',
}

export const OVER_CAP_RULES = ['deny', 'renegotiate', 'perUnitRoyalty'] as const
export type OverCapRuleKind = (typeof OVER_CAP_RULES)[number]

export const ROYALTY_BASES = ['flatFee', 'perUnit', 'revenueShare'] as const
export type RoyaltyBasisKind = (typeof ROYALTY_BASES)[number]

export const SPLIT_ROLE_LABELS: { readonly [R in SplitRole]: string } = {
  humanAuthor: 'Human author',
  modelProvider: 'Model provider',
  curator: 'Curator',
  studio: 'Studio',
}

/** CAWG training-mining vocabulary (STANDARDS.md). */
export const TRAINING_USES = ['allowed', 'notAllowed', 'constrained'] as const
export type TrainingUse = (typeof TRAINING_USES)[number]

export const RESIDUAL_RIGHTS = ['deleteModels', 'keepModels'] as const
export type ResidualRights = (typeof RESIDUAL_RIGHTS)[number]

const CURRENCY_SET = new Set(ISO_4217_CURRENCIES)

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_SET.has(code)
}

// ---------------------------------------------------------------------------
// Pieces

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

const date = (what: string) =>
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

export const LicenseeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('anySubscriber') }),
    z.strictObject({ kind: z.literal('named'), name: required(LICENSE_LIMITS.name, 'Licensee name'), id: z.optional(text(LICENSE_LIMITS.id)) }),
  ],
  { error: 'Licensee must be "any subscriber" or a named licensee' },
)
export type Licensee = z.infer<typeof LicenseeSchema>

const fieldOfUse = z.enum(FIELD_OF_USE_IDS, {
  error: `A field of use must be one of: ${FIELDS_OF_USE.map((f) => f.label).join(', ')}`,
})

export const FieldOfUseTermsSchema = z
  .strictObject({
    allowed: z
      .array(fieldOfUse)
      .check(z.minLength(1, { error: 'Choose at least one allowed field of use' }), noDuplicates('Allowed fields of use')),
    denied: z.array(fieldOfUse).check(noDuplicates('Denied fields of use')),
    notes: text(LICENSE_LIMITS.notes),
  })
  .check(
    z.superRefine((f, ctx) => {
      f.denied.forEach((id, i) => {
        if (f.allowed.includes(id)) {
          ctx.addIssue({
            code: 'custom',
            message: `${fieldOfUseLabel(id)} cannot be both allowed and denied`,
            path: ['denied', i],
            input: id,
          })
        }
      })
    }),
  )
export type FieldOfUseTerms = z.infer<typeof FieldOfUseTermsSchema>

/** Dates are inclusive; `end: null` is a perpetual term. */
export const TermSchema = z
  .strictObject({
    start: date('Start date'),
    end: z.nullable(date('End date')),
  })
  .check(
    z.refine((t) => t.end === null || t.end >= t.start, {
      error: 'The end date must not be before the start date',
      path: ['end'],
    }),
  )
export type Term = z.infer<typeof TermSchema>

export const OverCapSchema = z.discriminatedUnion(
  'rule',
  [
    z.strictObject({ rule: z.literal('deny') }),
    z.strictObject({ rule: z.literal('renegotiate') }),
    z.strictObject({ rule: z.literal('perUnitRoyalty'), perUnit: MoneySchema }),
  ],
  { error: 'Beyond the cap must be "deny", "renegotiate" or "perUnitRoyalty" with a per-unit amount' },
)
/** What happens beyond a cap: refuse, talk again, or pay `perUnit` for every unit beyond it. */
export type OverCapRule = z.infer<typeof OverCapSchema>

export const UsageCapSchema = z.strictObject({
  kind: z.enum(CAP_KINDS, { error: 'A cap counts "units", "impressions" or "variants"' }),
  /** The cap itself: usage up to and including `limit` is within the terms. */
  limit: z.int({ error: 'Cap must be a whole number' }).check(
    z.gte(1, { error: 'Cap must be at least 1' }),
    z.lte(Number.MAX_SAFE_INTEGER, { error: 'Cap is too large' }),
  ),
  overCap: OverCapSchema,
})
export type UsageCap = z.infer<typeof UsageCapSchema>

const basisPoints = (min: number, what: string) =>
  z.int({ error: `${what} must be a whole number of basis points (100 = 1 %)` }).check(
    z.gte(min, { error: `${what} must be at least ${min} basis points` }),
    z.lte(BASIS_POINTS_TOTAL, { error: `${what} must be at most ${BASIS_POINTS_TOTAL} basis points (100 %)` }),
  )

export const RoyaltyBasisSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('flatFee'), fee: MoneySchema }),
    z.strictObject({ kind: z.literal('perUnit'), perUnit: MoneySchema }),
    z.strictObject({ kind: z.literal('revenueShare'), basisPoints: basisPoints(1, 'Revenue share') }),
  ],
  { error: 'Royalty basis must be a flat fee, a per-unit royalty or a revenue share' },
)
export type RoyaltyBasis = z.infer<typeof RoyaltyBasisSchema>

export const SplitPartySchema = z.discriminatedUnion(
  'role',
  [
    /** A person from the pattern's journal: their Figma user id and name. */
    z.strictObject({
      role: z.literal('humanAuthor'),
      person: z.strictObject({ id: required(LICENSE_LIMITS.id, 'Author id'), name: text(LICENSE_LIMITS.name) }),
    }),
    z.strictObject({ role: z.literal('modelProvider'), name: required(LICENSE_LIMITS.name, 'Model provider name') }),
    z.strictObject({ role: z.literal('curator'), name: required(LICENSE_LIMITS.name, 'Curator name'), id: z.optional(text(LICENSE_LIMITS.id)) }),
    z.strictObject({ role: z.literal('studio'), name: required(LICENSE_LIMITS.name, 'Studio name') }),
  ],
  { error: 'A split party must be a human author, the model provider, a curator or the studio' },
)
export type SplitParty = z.infer<typeof SplitPartySchema>

export const RoyaltySplitSchema = z.strictObject({
  party: SplitPartySchema,
  basisPoints: basisPoints(0, 'Share'),
})
export type RoyaltySplit = z.infer<typeof RoyaltySplitSchema>

/** A stable key per split party, so the same party is not listed twice. */
export function splitPartyKey(party: SplitParty): string {
  switch (party.role) {
    case 'humanAuthor':
      return 'humanAuthor:' + party.person.id
    case 'curator':
      return 'curator:' + (party.id || party.name)
    default:
      return party.role + ':' + party.name
  }
}

export function splitTotal(splits: readonly { basisPoints: number }[]): number {
  let total = 0
  for (const s of splits) total += s.basisPoints
  return total
}

const SplitsSchema = z
  .array(RoyaltySplitSchema)
  .check(
    z.minLength(1, { error: 'Add at least one party to the royalty splits' }),
    z.maxLength(LICENSE_LIMITS.splits),
    z.superRefine((splits, ctx) => {
      const total = splitTotal(splits)
      // An empty list is already refused ("Add at least one party"); one message is enough.
      if (splits.length > 0 && total !== BASIS_POINTS_TOTAL) {
        ctx.addIssue({
          code: 'custom',
          message: `The splits add up to ${formatCount(total)} basis points (${formatPercent(total)}); they must add up to exactly 10,000 (100 %)`,
          input: splits,
        })
      }
      const seen = new Set<string>()
      splits.forEach((s, i) => {
        const key = splitPartyKey(s.party)
        if (seen.has(key)) {
          ctx.addIssue({ code: 'custom', message: 'This party is already in the splits', path: [i, 'party'], input: s.party })
        }
        seen.add(key)
      })
    }),
  )

export const RoyaltySchema = z.strictObject({ basis: RoyaltyBasisSchema, splits: SplitsSchema })
export type Royalty = z.infer<typeof RoyaltySchema>

// ---------------------------------------------------------------------------
// The terms

export const LicenseTermsSchema = z
  .strictObject({
    version: z.literal(LICENSE_SCHEMA_VERSION, {
      error: `Schema version must be ${LICENSE_SCHEMA_VERSION} (the only license version this build understands)`,
    }),
    tier: z.enum(TIERS, { error: 'Tier must be "commodity", "hybridCreative" or "foundationalIp"' }),
    exclusivity: z.enum(EXCLUSIVITIES, { error: 'Exclusivity must be "nonExclusive", "exclusive" or "sole"' }),
    licensor: PartySchema,
    licensee: LicenseeSchema,
    fieldOfUse: FieldOfUseTermsSchema,
    territory: TerritorySchema,
    term: TermSchema,
    /** At most one cap per kind; none means unlimited. */
    caps: z.array(UsageCapSchema).check(
      z.maxLength(CAP_KINDS.length),
      z.superRefine((caps, ctx) => {
        const seen = new Set<string>()
        caps.forEach((c, i) => {
          if (seen.has(c.kind)) {
            ctx.addIssue({ code: 'custom', message: `There is already a cap on ${CAP_KIND_LABELS[c.kind].toLowerCase()}`, path: [i, 'kind'], input: c.kind })
          }
          seen.add(c.kind)
        })
      }),
    ),
    royalty: RoyaltySchema,
    aiTraining: AiTrainingSchema,
    /** After the term ends: models trained on the pattern must be deleted, or may be kept. */
    residualRights: z.enum(RESIDUAL_RIGHTS, { error: 'Residual rights must be "deleteModels" or "keepModels"' }),
    /** Credit line; empty when no attribution is required. */
    attribution: text(LICENSE_LIMITS.attribution),
    derivativesAllowed: z.boolean({ error: 'Derivatives allowed must be true or false' }),
  })
  .check(
    z.superRefine((t, ctx) => {
      for (const issue of crossFieldIssues(t)) ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.path], input: t })
    }),
  )

/**
 * Rules between fields. zod runs them only once every field is valid; the parser also
 * runs them on their own fields when something else is wrong, so a form shows
 * "exclusive needs a named licensee" together with the other messages.
 */
function crossFieldIssues(t: { tier: Tier; exclusivity: Exclusivity; licensee: Licensee }): FieldIssue[] {
  const out: FieldIssue[] = []
  if (t.exclusivity !== 'nonExclusive' && t.licensee.kind === 'anySubscriber') {
    out.push({ path: 'licensee', message: `An ${EXCLUSIVITY_LABELS[t.exclusivity].toLowerCase()} license needs a named licensee, not "any subscriber"` })
  }
  if (t.tier === 'commodity' && t.exclusivity !== 'nonExclusive') {
    out.push({ path: 'exclusivity', message: 'A Commodity license is non-exclusive; choose Hybrid creative or Foundational IP for exclusive terms' })
  }
  return out
}

const CrossFieldsSchema = z.object({
  tier: z.enum(TIERS),
  exclusivity: z.enum(EXCLUSIVITIES),
  licensee: LicenseeSchema,
})

export type LicenseTerms = z.infer<typeof LicenseTermsSchema>

export type LicenseParseResult = { ok: true; terms: LicenseTerms } | { ok: false; issues: FieldIssue[] }

/**
 * Validate stored, received or hand-edited terms. Never throws: every problem comes
 * back as `{ path, message }`, the path dotted ("royalty.splits.2.basisPoints"), the
 * message in the form's words.
 */
export function parseLicenseTerms(input: unknown): LicenseParseResult {
  try {
    const r = z.safeParse(LicenseTermsSchema, input)
    if (r.success) return { ok: true, terms: r.data }
    const issues = licenseIssuesOf(r.error, input)
    const cross = z.safeParse(CrossFieldsSchema, input)
    if (cross.success) {
      for (const extra of crossFieldIssues(cross.data)) {
        if (!issues.some((i) => i.path === extra.path && i.message === extra.message)) issues.push(extra)
      }
    }
    return { ok: false, issues }
  } catch (err) {
    // A getter or proxy in the input may throw while zod reads it.
    return { ok: false, issues: [{ path: '', message: `The license terms could not be read (${err instanceof Error ? err.message : String(err)})` }] }
  }
}

/** The same, from the JSON text of a stored entry. */
export function parseLicenseTermsJson(json: string): LicenseParseResult {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (err) {
    return { ok: false, issues: [{ path: '', message: `The license terms are not valid JSON (${err instanceof Error ? err.message : String(err)})` }] }
  }
  return parseLicenseTerms(value)
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the terms: the same terms give the same
 * fingerprint whatever the key order, and any change of a term changes it.
 * "sha256-" + 64 lower-case hex digits.
 */
export function licenseFingerprint(terms: LicenseTerms): string {
  return 'sha256-' + sha256HexOfString(canonicalize(terms) ?? 'null')
}

/** Exclusive in any degree (exclusive or sole)? */
export function isExclusive(exclusivity: Exclusivity): boolean {
  return exclusivity !== 'nonExclusive'
}
