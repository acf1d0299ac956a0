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
