/**
 * The licence words the team policy shares with the licence terms: parties,
 * territories (ISO 3166), the CAWG training-and-mining permission, royalty split roles
 * and basis points. The team policy's licence defaults (policy.ts) are written in
 * these words, and so are the terms (src/license/terms.ts re-exports every one), so
 * they live here, below both: the policy never reaches up into the licence room.
 *
 * zod/mini only: the policy and the terms also run in the size-limited main bundle.
 */
import * as z from 'zod/mini'
import { ISO_3166_ALPHA2 } from './codes'

/** Royalty splits are in basis points of the whole: 10,000 = 100 %. */
export const BASIS_POINTS_TOTAL = 10_000

export const LICENSE_LIMITS = {
  name: 200,
  id: 200,
  notes: 2000,
  constraint: 2000,
  attribution: 500,
  splits: 20,
} as const

export const SPLIT_ROLES = ['humanAuthor', 'modelProvider', 'curator', 'studio'] as const
export type SplitRole = (typeof SPLIT_ROLES)[number]

const COUNTRY_SET = new Set(ISO_3166_ALPHA2)

export function isCountryCode(code: string): boolean {
  return COUNTRY_SET.has(code)
}

// "Must be text" is for a value that is not text only: as the schema's error for every
// issue it also answered a too-long name (issue #21, item 13: a 3,000-character licensor
// name). Other issues keep zod's code, which the shared describer words with the limit.
export const requiredText = (max: number, what: string) =>
  z.string({ error: (issue) => (issue.code === 'invalid_type' ? `${what} must be text` : undefined) }).check(
    z.minLength(1, { error: `${what} is required` }),
    z.maxLength(max),
  )
export const limitedText = (max: number) => z.string().check(z.maxLength(max))

export function noDuplicates<T>(what: string) {
  return z.superRefine<T[]>((list, ctx) => {
    const seen = new Set<T>()
    list.forEach((item, i) => {
      if (seen.has(item)) ctx.addIssue({ code: 'custom', message: `${what} lists ${String(item)} twice`, path: [i], input: item })
      seen.add(item)
    })
  })
}

export const PartySchema = z.strictObject({
  name: requiredText(LICENSE_LIMITS.name, 'Name'),
  id: z.optional(limitedText(LICENSE_LIMITS.id)),
})
export type Party = z.infer<typeof PartySchema>

const country = z.string({ error: 'A country must be an ISO 3166-1 alpha-2 code such as FR' }).check(
  z.refine((c) => COUNTRY_SET.has(c), {
    error: 'Not an ISO 3166-1 alpha-2 country code (two capital letters such as FR, US, JP)',
  }),
)
const countries = z
  .array(country)
  .check(z.minLength(1, { error: 'List at least one country' }), z.maxLength(ISO_3166_ALPHA2.length), noDuplicates('Countries'))

/** Worldwide; only the listed countries; or worldwide except the listed countries. */
export const TerritorySchema = z.discriminatedUnion(
  'scope',
  [
    z.strictObject({ scope: z.literal('worldwide') }),
    z.strictObject({ scope: z.literal('include'), countries }),
    z.strictObject({ scope: z.literal('exclude'), countries }),
  ],
  { error: 'Territory must be worldwide, a list of included countries, or a list of excluded countries' },
)
export type Territory = z.infer<typeof TerritorySchema>

export const AiTrainingSchema = z.discriminatedUnion(
  'use',
  [
    z.strictObject({ use: z.literal('allowed') }),
    z.strictObject({ use: z.literal('notAllowed') }),
    z.strictObject({ use: z.literal('constrained'), constraint: requiredText(LICENSE_LIMITS.constraint, 'The constraint') }),
  ],
  { error: 'AI training and data mining must be "allowed", "notAllowed" or "constrained" (with the constraint)' },
)
export type AiTraining = z.infer<typeof AiTrainingSchema>

/** 2500 → "25 %", 3333 → "33.33 %". */
export function formatPercent(basisPoints: number): string {
  const sign = basisPoints < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(basisPoints))
  const rest = abs % 100
  const whole = String((abs - rest) / 100)
  return sign + (rest === 0 ? whole : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`) + ' %'
}
