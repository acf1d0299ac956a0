/**
 * Does an intended use fall within the terms? Field of use, territory, date, usage
 * caps (units, impressions, variants) and what the terms say beyond each cap,
 * derivatives and AI training. The export checks the use it is given; `loomprint
 * verify --use` checks a use against a pack's terms.
 *
 * Caps are inclusive: a use of exactly `limit` units is within the cap. Beyond it,
 * `deny` and `renegotiate` refuse the use; `perUnitRoyalty` permits it and reports how
 * many units are beyond the cap (what they cost is the royalties command's business).
 */
import * as z from 'zod/mini'
import { formatCount as formatCountText } from '../provenance/issues'
import { licenseIssuesOf, type FieldIssue } from './issues'
import {
  CAP_KIND_LABELS,
  CAP_KINDS,
  FIELD_OF_USE_IDS,
  fieldOfUseLabel,
  isCountryCode,
  isCalendarDate,
  type CapKind,
  type FieldOfUse,
  type LicenseTerms,
  type Money,
  type OverCapRule,
} from './terms'

const count = (what: string) =>
  z.optional(
    z.int({ error: `${what} must be a whole number` }).check(
      z.gte(0, { error: `${what} must be at least 0` }),
      z.lte(Number.MAX_SAFE_INTEGER, { error: `${what} is too large` }),
    ),
  )

export const IntendedUseSchema = z.strictObject({
  fieldOfUse: z.enum(FIELD_OF_USE_IDS, { error: `Field of use must be one of: ${FIELD_OF_USE_IDS.join(', ')}` }),
  /** ISO 3166-1 alpha-2 codes where the use happens, or "worldwide". */
  territory: z.union([z.literal('worldwide'), z.array(z.string().check(z.refine(isCountryCode, { error: 'Not an ISO 3166-1 alpha-2 country code (two capital letters such as FR, US, JP)' }))).check(z.minLength(1, { error: 'List at least one country' }))], {
    error: 'Territory must be "worldwide" or a list of country codes',
  }),
  units: count('Units'),
  impressions: count('Impressions'),
  variants: count('Variants'),
  /** The use makes a derivative work (alters or adapts the pattern). */
  derivative: z.optional(z.boolean({ error: 'Derivative must be true or false' })),
  /** The use trains or fine-tunes a model, or mines the pattern as data. */
  aiTraining: z.optional(z.boolean({ error: 'AI training must be true or false' })),
})
export type IntendedUse = z.infer<typeof IntendedUseSchema>

export function parseIntendedUse(input: unknown): { ok: true; use: IntendedUse } | { ok: false; issues: FieldIssue[] } {
  try {
    const r = z.safeParse(IntendedUseSchema, input)
    return r.success ? { ok: true, use: r.data } : { ok: false, issues: licenseIssuesOf(r.error, input) }
  } catch (err) {
    return { ok: false, issues: [{ path: '', message: `The intended use could not be read (${err instanceof Error ? err.message : String(err)})` }] }
  }
}

export type UseCheckId = 'fieldOfUse' | 'territory' | 'term' | `cap.${CapKind}` | 'derivatives' | 'aiTraining'

export interface UseCheck {
  id: UseCheckId
  ok: boolean
  /** `warning`: permitted, but with something the user must act on (a royalty, a constraint). */
  severity: 'error' | 'warning'
  reason: string
}

/** Usage beyond a cap that the terms permit for a per-unit royalty. */
export interface OverCapUsage {
  kind: CapKind
  limit: number
  used: number
  beyond: number
  perUnit: Money
}

export interface IntendedUseResult {
  /** No `error` check failed. */
  permitted: boolean
  checks: UseCheck[]
  /** Units beyond caps whose rule is a per-unit royalty (for the royalties command). */
  overCap: OverCapUsage[]
}

/** "2026-03-04" from "2026-03-04" or "2026-03-04T10:00:00Z"; null when neither. */
export function dateOf(at: string): string | null {
  const day = typeof at === 'string' ? at.slice(0, 10) : ''
  return isCalendarDate(day) && (at.length === 10 || at[10] === 'T') ? day : null
}

export function checkIntendedUse(terms: LicenseTerms, use: IntendedUse, at: string): IntendedUseResult {
  const checks: UseCheck[] = []
  const overCap: OverCapUsage[] = []

  // Field of use.
  const field: FieldOfUse = use.fieldOfUse
  const fieldLabel = fieldOfUseLabel(field)
  if (terms.fieldOfUse.allowed.includes(field)) {
    checks.push({ id: 'fieldOfUse', ok: true, severity: 'error', reason: `${fieldLabel} is an allowed field of use.` })
  } else if (terms.fieldOfUse.denied.includes(field)) {
    checks.push({ id: 'fieldOfUse', ok: false, severity: 'error', reason: `${fieldLabel} is explicitly denied by the terms.` })
  } else {
    const allowed = terms.fieldOfUse.allowed.map(fieldOfUseLabel).join(', ')
    checks.push({ id: 'fieldOfUse', ok: false, severity: 'error', reason: `${fieldLabel} is not among the allowed fields of use (${allowed}).` })
  }

  checks.push(territoryCheck(terms, use.territory))
  checks.push(termCheck(terms, at))

  // Caps.
  for (const kind of CAP_KINDS) {
    const used = use[kind]
    const cap = terms.caps.find((c) => c.kind === kind)
    if (used === undefined || !cap) continue
    const what = CAP_KIND_LABELS[kind].toLowerCase()
    if (used <= cap.limit) {
      checks.push({ id: `cap.${kind}`, ok: true, severity: 'error', reason: `${formatCountText(used)} ${what} is within the cap of ${formatCountText(cap.limit)}.` })
      continue
    }
    const beyond = used - cap.limit
    checks.push(overCapCheck(kind, cap.limit, used, beyond, cap.overCap))
    if (cap.overCap.rule === 'perUnitRoyalty') overCap.push({ kind, limit: cap.limit, used, beyond, perUnit: cap.overCap.perUnit })
  }

  if (use.derivative === true) {
    checks.push(
      terms.derivativesAllowed
        ? { id: 'derivatives', ok: true, severity: 'error', reason: 'The terms allow derivative works.' }
        : { id: 'derivatives', ok: false, severity: 'error', reason: 'The terms do not allow derivative works.' },
    )
  }

  if (use.aiTraining === true) {
    const t = terms.aiTraining
    checks.push(
      t.use === 'allowed'
        ? { id: 'aiTraining', ok: true, severity: 'error', reason: 'The terms allow AI training and data mining.' }
        : t.use === 'notAllowed'
          ? { id: 'aiTraining', ok: false, severity: 'error', reason: 'The terms do not allow AI training or data mining.' }
          : { id: 'aiTraining', ok: false, severity: 'warning', reason: `AI training is allowed only under this constraint: ${t.constraint}` },
    )
  }

  return { permitted: checks.every((c) => c.ok || c.severity !== 'error'), checks, overCap }
}

function territoryCheck(terms: LicenseTerms, where: IntendedUse['territory']): UseCheck {
  const t = terms.territory
  if (t.scope === 'worldwide') return { id: 'territory', ok: true, severity: 'error', reason: 'The terms are worldwide.' }
  if (where === 'worldwide') {
    return {
      id: 'territory',
      ok: false,
      severity: 'error',
      reason: t.scope === 'include' ? `A worldwide use is wider than the licensed territory (${t.countries.join(', ')}).` : `A worldwide use includes the excluded countries (${t.countries.join(', ')}).`,
    }
  }
  const outside = t.scope === 'include' ? where.filter((c) => !t.countries.includes(c)) : where.filter((c) => t.countries.includes(c))
  if (outside.length === 0) return { id: 'territory', ok: true, severity: 'error', reason: `${where.join(', ')} ${where.length === 1 ? 'is' : 'are'} within the licensed territory.` }
  return {
    id: 'territory',
    ok: false,
    severity: 'error',
    reason:
      t.scope === 'include'
        ? `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the licensed territory (${t.countries.join(', ')}).`
        : `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} excluded by the terms.`,
  }
}

function termCheck(terms: LicenseTerms, at: string): UseCheck {
  const day = dateOf(at)
  if (day === null) return { id: 'term', ok: false, severity: 'error', reason: `"${String(at)}" is not a date; the use's date must be written as YYYY-MM-DD.` }
  const { start, end } = terms.term
  if (day < start) return { id: 'term', ok: false, severity: 'error', reason: `The term starts on ${start}; ${day} is before it.` }
  if (end !== null && day > end) return { id: 'term', ok: false, severity: 'error', reason: `The term ended on ${end}; ${day} is after it.` }
  return { id: 'term', ok: true, severity: 'error', reason: end === null ? `${day} is within the perpetual term from ${start}.` : `${day} is within the term (${start} to ${end}).` }
}

function overCapCheck(kind: CapKind, limit: number, used: number, beyond: number, rule: OverCapRule): UseCheck {
  const what = CAP_KIND_LABELS[kind].toLowerCase()
  const head = `${formatCountText(used)} ${what} is ${formatCountText(beyond)} beyond the cap of ${formatCountText(limit)}`
  switch (rule.rule) {
    case 'deny':
      return { id: `cap.${kind}`, ok: false, severity: 'error', reason: `${head}, and the terms deny use beyond it.` }
    case 'renegotiate':
      return { id: `cap.${kind}`, ok: false, severity: 'error', reason: `${head}; the terms must be renegotiated with the licensor first.` }
    case 'perUnitRoyalty':
      return {
        id: `cap.${kind}`,
        ok: false,
        severity: 'warning',
        reason: `${head}; permitted with a royalty of ${rule.perUnit.amount} ${rule.perUnit.currency} for each of the ${formatCountText(beyond)} beyond it.`,
      }
  }
}
