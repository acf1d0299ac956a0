/**
 * The team policy: the knobs of the human-contribution coefficient (their meaning and
 * defaults: src/coefficient/scoring-policy.ts), plus the team's review and licensing
 * rules and licence defaults (written in src/provenance/license-vocabulary.ts's words,
 * so the policy never imports the licence room above it). It lives on the document root and is shared by everyone working in the file, so every score in a
 * file is measured the same way; each capture stores the policy's fingerprint so a
 * reviewer can tell whether two scores were measured alike.
 *
 * zod/mini only: this schema also runs in the size-limited main-thread bundle.
 */
import * as z from 'zod/mini'
import {
  AiTrainingSchema,
  BASIS_POINTS_TOTAL,
  PartySchema,
  SPLIT_ROLES,
  TerritorySchema,
  formatPercent,
  type SplitRole,
} from './license-vocabulary'
import { fieldIssuesOf, type FieldIssue } from './issues'
import { DEFAULT_POLICY as DEFAULT_SCORING_POLICY, policyFingerprint, type DimensionWeights } from '../coefficient/scoring-policy'

export { policyFingerprint }

const BETWEEN_0_AND_1 = 'must be a number between 0 and 1'

/** A number in 0..1 with a default, so a policy may name only what it changes. */
function unit(fallback: number) {
  return z._default(
    z.number({ error: BETWEEN_0_AND_1 }).check(
      z.minimum(0, { error: BETWEEN_0_AND_1 }),
      z.maximum(1, { error: BETWEEN_0_AND_1 }),
    ),
    fallback,
  )
}

/** How much a full change in each dimension counts (αᵈ in the method). */
const Weights = z.object(
  {
    color: unit(1),
    shape: unit(1),
    transform: unit(1),
    style: unit(0.5),
    text: unit(1),
  },
  { error: 'must be an object with color, shape, transform, style and text weights' },
)

const Thresholds = z
  .object(
    {
      assisted: unit(0.1),
      authored: unit(0.5),
    },
    { error: 'must be an object with assisted and authored thresholds' },
  )
  .check(
    z.refine((t) => t.assisted < t.authored, {
      error: 'the "AI-assisted" threshold must be below the "Human-authored" threshold',
      path: ['assisted'],
    }),
  )

/**
 * A royalty split by role, before people are named: e.g. human authors 60 %, studio
 * 40 %. The License form fills the parties in (authors from the journal).
 */
const SplitTemplate = z
  .array(
    z.object({
      role: z.enum(SPLIT_ROLES, { error: 'must be humanAuthor, modelProvider, curator or studio' }),
      basisPoints: z.int({ error: 'must be a whole number of basis points (100 = 1 %)' }).check(
        z.gte(0, { error: 'must be at least 0 basis points' }),
        z.lte(BASIS_POINTS_TOTAL, { error: 'must be at most 10000 basis points' }),
      ),
    }),
  )
  .check(
    z.minLength(1, { error: 'needs at least one role' }),
    z.superRefine((template, ctx) => {
      let total = 0
      for (const t of template) total += t.basisPoints
      if (total !== BASIS_POINTS_TOTAL) {
        ctx.addIssue({
          code: 'custom',
          message: `the shares add up to ${formatPercent(total)}; they must add up to exactly 100 % (10000 basis points)`,
          input: template,
        })
      }
      const roles = new Set<SplitRole>()
      for (const t of template) {
        if (roles.has(t.role)) ctx.addIssue({ code: 'custom', message: `lists ${t.role} twice`, input: template })
        roles.add(t.role)
      }
    }),
  )

/** What a new set of license terms starts from. Every field is optional. */
const LicenseDefaults = z.object(
  {
    licensor: z.optional(PartySchema),
    territory: z.optional(TerritorySchema),
    aiTraining: z.optional(AiTrainingSchema),
    splitTemplate: z.optional(SplitTemplate),
  },
  { error: 'must be an object with licensor, territory, aiTraining and splitTemplate' },
)

export const TeamPolicySchema = z.object(
  {
    version: z.literal(1, { error: 'must be 1 (the only policy version this build understands)' }),
    // prefault, not default: an omitted group is parsed as {} so its own defaults apply.
    weights: z.prefault(Weights, {}),
    /** Weight of a removed or hidden AI element, relative to its visible share. */
    alphaRemove: unit(0.5),
    /** Arrangement change credited to an element whose stacking order moved. */
    reorderWeight: unit(0.05),
    thresholds: z.prefault(Thresholds, {}),
    // The fields below came with licensing (issue #7). They are optional with no
    // stored default, so a policy written before them parses to the same value and
    // keeps its fingerprint; read them through the accessors below.
    /** Lowest HCC for exclusive or sole terms. Absent: the "Human-authored" threshold. */
    exclusivityThreshold: z.optional(
      z.number({ error: BETWEEN_0_AND_1 }).check(
        z.minimum(0, { error: BETWEEN_0_AND_1 }),
        z.maximum(1, { error: BETWEEN_0_AND_1 }),
      ),
    ),
    /** When true, a pattern's editors (from its journal) cannot approve it. Absent: false. */
    reviewerMustNotBeEditor: z.optional(z.boolean({ error: 'must be true or false' })),
    licenseDefaults: z.optional(LicenseDefaults),
  },
  { error: 'a team policy must be an object' },
)

export type TeamPolicy = z.infer<typeof TeamPolicySchema>
export type { DimensionWeights }

/** The defaults are the coefficient's (a policy that names nothing is just its knobs). */
export const DEFAULT_POLICY: TeamPolicy = DEFAULT_SCORING_POLICY

/** The HCC at or above which exclusive or sole terms may be granted. */
export function exclusivityThresholdOf(policy: TeamPolicy): number {
  return policy.exclusivityThreshold ?? policy.thresholds.authored
}

/** Whether an editor of a pattern is refused as its reviewer. */
export function reviewerMustNotBeEditorOf(policy: TeamPolicy): boolean {
  return policy.reviewerMustNotBeEditor === true
}

export type LicenseDefaults = NonNullable<TeamPolicy['licenseDefaults']>
export type SplitTemplate = NonNullable<LicenseDefaults['splitTemplate']>

/** A problem with one policy field ("" for the policy as a whole). */
export type PolicyIssue = FieldIssue

export type PolicyParseResult =
  | { ok: true; policy: TeamPolicy }
  | { ok: false; issues: PolicyIssue[] }

/** Validate a stored or user-edited policy; messages name the field that is wrong. */
export function parsePolicy(input: unknown): PolicyParseResult {
  const result = TeamPolicySchema.safeParse(input)
  if (result.success) return { ok: true, policy: result.data }
  return { ok: false, issues: fieldIssuesOf(result.error.issues, (issue) => issue.message) }
}
