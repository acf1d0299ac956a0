/**
 * The one shape of a validation problem, and the one way to turn zod's issues into
 * it and into text. Parsers of stored or received data return `{ ok: false, … }`
 * with these (never throw); the channel, the record, the policy and the forms share them.
 */
import type * as z from 'zod/mini'

export interface FieldIssue {
  /** Dotted path, e.g. "origin.prompt" or "weights.color"; "" for the value as a whole. */
  path: string
  message: string
}

/** "origin.prompt: Prompt is too long (…)" — one clause per issue. */
export function formatIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
}

/** zod's issues as FieldIssues; `describe` words each one (default: short, generic wording). */
export function fieldIssuesOf(
  issues: readonly z.core.$ZodIssue[],
  describe: (issue: z.core.$ZodIssue) => string = zodIssueText,
): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: describe(issue) }))
}

/** Short, readable wording of one zod issue: "expected string", "too large (at most 5)". */
export function zodIssueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`
    case 'too_big':
      return `too large (at most ${String(issue.maximum)})`
    case 'too_small':
      return `too small (at least ${String(issue.minimum)})`
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_union':
      return 'does not match any accepted shape'
    case 'unrecognized_keys':
      return `unexpected keys ${issue.keys.join(', ')}`
    default:
      return issue.message === 'Invalid input' ? 'invalid' : issue.message
  }
}

/** 1234567 → "1,234,567" (no Intl: not guaranteed in Figma's main-thread VM). */
export function formatCount(n: number): string {
  const s = String(Math.floor(Math.abs(n)))
  let out = ''
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ','
    out += s[i]
  }
  return (n < 0 ? '-' : '') + out
}

/** How one form words its issues: its field labels, plus the few places two forms differ. */
export interface IssueWording {
  /** Field key → label ("prompt" → "Prompt"); an unlisted key is spelled out from camelCase. */
  labels: { readonly [key: string]: string }
  /** The label of the value as a whole (an issue whose path has no named key). */
  fallbackLabel: string
  /** How lengths and limits in "too long" / "too many entries" are written (default: formatCount). */
  count?: (n: number) => string
  /** zod's expected type ("string", "int") as words after "must be", followed by "(got …)" (default: "a string"; "int" alone: "must be a whole number"). */
  expected?: (type: string) => string
  /** The sentence for unknown keys (default: "Unexpected field: x"). */
  unexpected?: (keys: readonly string[], label: string) => string
  /** A schema's own message (one written for people, not zod's default) is passed through as it is. */
  schemaMessages?: boolean
  /** A missing field is "missing", whatever its schema would have said about a wrong value. */
  missingFirst?: boolean
}

/** One FieldIssue per zod issue, in the order zod found them, worded with the field labels of `wording`. */
export function describeIssues(
  error: { issues: readonly z.core.$ZodIssue[] },
  input: unknown,
  wording: IssueWording,
): FieldIssue[] {
  return fieldIssuesOf(error.issues, (issue) => describeIssue(issue as unknown as RawIssue, input, wording))
}

interface RawIssue {
  code: string
  path: PropertyKey[]
  message: string
  [k: string]: unknown
}

function describeIssue(issue: RawIssue, input: unknown, wording: IssueWording): string {
  const label = labelFor(issue.path, wording)
  const value = valueAt(input, issue.path)
  const count = wording.count ?? formatCount
  if (
    wording.missingFirst &&
    value === undefined &&
    issue.code !== 'custom' &&
    issue.code !== 'unrecognized_keys' &&
    issue.path.length > 0
  ) {
    return `${label} is missing`
  }
  if (wording.schemaMessages && !isZodDefault(issue.message) && issue.code !== 'unrecognized_keys') return issue.message
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string' && typeof value === 'string') {
        return `${label} is too long (${count(value.length)} characters; at most ${count(Number(issue.maximum))})`
      }
      if (issue.origin === 'array' && Array.isArray(value)) {
        return `${label} has too many entries (${count(value.length)}; at most ${count(Number(issue.maximum))})`
      }
      return `${label} must be at most ${String(issue.maximum)}`
    case 'too_small':
      if (issue.origin === 'string') return `${label} is required`
      if (issue.origin === 'array') return `${label} needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`
      return `${label} must be at least ${String(issue.minimum)}`
    case 'invalid_type':
      if (value === undefined) return `${label} is missing`
      if (!wording.expected && issue.expected === 'int') return `${label} must be a whole number`
      return `${label} must be ${(wording.expected ?? withArticle)(String(issue.expected))} (got ${typeName(value)})`
    case 'invalid_format':
      if (patternSource(issue.pattern).indexOf('\\d{4}-') >= 0) {
        return `${label} must be an ISO 8601 date such as 2025-03-04 or 2025-03-04T09:30:00Z`
      }
      return `${label} has an invalid format`
    case 'invalid_value': {
      const values = (issue.values as unknown[]) ?? []
      return values.length === 1
        ? `${label} must be ${JSON.stringify(values[0])}`
        : `${label} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys as string[]) ?? []
      return (wording.unexpected ?? unexpectedFields)(keys, label)
    }
    default:
      return `${label} is invalid`
  }
}

function labelFor(path: readonly PropertyKey[], wording: IssueWording): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i]
    if (typeof key === 'string') {
      const label = wording.labels[key]
      if (label) return label
      const name = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
      return name.charAt(0).toUpperCase() + name.slice(1)
    }
  }
  return wording.fallbackLabel
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as { [k: string]: unknown })[key as string]
  }
  return v
}

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`
}

function withArticle(type: string): string {
  return (/^[aeiou]/.test(type) ? 'an ' : 'a ') + type
}

function unexpectedFields(keys: readonly string[]): string {
  return `Unexpected field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`
}

/** zod's own wording starts like this; a message written for people never does. */
function isZodDefault(message: string): boolean {
  return /^(Invalid|Too (big|small)|Unrecognized)/.test(message)
}

function patternSource(pattern: unknown): string {
  if (pattern instanceof RegExp) return pattern.source
  return typeof pattern === 'string' ? pattern : ''
}
