/**
 * Field-level messages for license terms, in the words of the License form.
 *
 * The schemas in terms.ts give their own message to every enum, union and cross-field
 * check (those messages are written for people and are passed through as they are);
 * the generic zod codes (wrong type, too long, too small, unknown field) are phrased
 * here with the field's label, the same way record.ts phrases record issues.
 */
import type * as z from 'zod/mini'
import { fieldIssuesOf, type FieldIssue } from '../provenance/issues'

export type { FieldIssue }

// formatCount is not imported from ../provenance/record: the record embeds license
// terms, and record → terms → record would be an import cycle that leaves a schema
// undefined at load time.

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

const LABELS: { readonly [key: string]: string } = {
  version: 'Schema version',
  tier: 'Tier',
  exclusivity: 'Exclusivity',
  licensor: 'Licensor',
  licensee: 'Licensee',
  fieldOfUse: 'Field of use',
  allowed: 'Allowed fields of use',
  denied: 'Denied fields of use',
  notes: 'Field-of-use notes',
  territory: 'Territory',
  scope: 'Territory',
  countries: 'Countries',
  term: 'Term',
  start: 'Start date',
  end: 'End date',
  caps: 'Usage caps',
  limit: 'Cap',
  overCap: 'Beyond the cap',
  rule: 'Beyond the cap',
  perUnit: 'Per-unit royalty',
  royalty: 'Royalty',
  basis: 'Royalty basis',
  fee: 'Flat fee',
  amount: 'Amount',
  currency: 'Currency',
  basisPoints: 'Share (basis points)',
  splits: 'Royalty splits',
  party: 'Party',
  person: 'Author',
  role: 'Party role',
  aiTraining: 'AI training and data mining',
  use: 'AI training and data mining',
  constraint: 'Training constraint',
  residualRights: 'Residual rights',
  attribution: 'Attribution text',
  derivativesAllowed: 'Derivatives allowed',
  name: 'Name',
  id: 'Id',
  kind: 'Kind',
}

function labelFor(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i]
    if (typeof key === 'string') {
      const label = LABELS[key]
      if (label) return label
      const name = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
      return name.charAt(0).toUpperCase() + name.slice(1)
    }
  }
  return 'The license terms'
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
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`
}

const EXPECTED: { readonly [k: string]: string } = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
}

interface RawIssue {
  code: string
  path: PropertyKey[]
  message: string
  [k: string]: unknown
}

/** zod's own wording starts like this; ours never does. */
function isZodDefault(message: string): boolean {
  return /^(Invalid|Too (big|small)|Unrecognized)/.test(message)
}

function wording(issue: RawIssue, input: unknown): string {
  const label = labelFor(issue.path)
  const value = valueAt(input, issue.path)
  let message: string
  // A missing field is "missing", whatever its schema would have said about a wrong value.
  if (value === undefined && issue.code !== 'custom' && issue.code !== 'unrecognized_keys' && issue.path.length > 0) {
    return `${label} is missing`
  }
  // The schema's own words, where it has them.
  if (!isZodDefault(issue.message) && issue.code !== 'unrecognized_keys') return issue.message
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string' && typeof value === 'string') {
        message = `${label} is too long (${value.length} characters; at most ${String(issue.maximum)})`
      } else if (issue.origin === 'array' && Array.isArray(value)) {
        message = `${label} has too many entries (${value.length}; at most ${String(issue.maximum)})`
      } else message = `${label} must be at most ${String(issue.maximum)}`
      break
    case 'too_small':
      if (issue.origin === 'string') message = `${label} is required`
      else if (issue.origin === 'array') message = `${label} needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`
      else message = `${label} must be at least ${String(issue.minimum)}`
      break
    case 'invalid_type':
      if (value === undefined) message = `${label} is missing`
      else message = `${label} must be ${EXPECTED[String(issue.expected)] ?? String(issue.expected)} (got ${typeName(value)})`
      break
    case 'unrecognized_keys': {
      const keys = (issue.keys as string[]) ?? []
      message = `Unexpected field${keys.length > 1 ? 's' : ''} in ${label.toLowerCase()}: ${keys.join(', ')} (is it misspelled?)`
      break
    }
    case 'invalid_value': {
      if (!isZodDefault(issue.message)) {
        message = issue.message
        break
      }
      const values = (issue.values as unknown[]) ?? []
      message =
        values.length === 1
          ? `${label} must be ${JSON.stringify(values[0])}`
          : `${label} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`
      break
    }
    default:
      message = isZodDefault(issue.message) ? `${label} is invalid` : issue.message
  }
  return message
}

/** One FieldIssue per zod issue, in the order zod found them (the shared formatter, license wording). */
export function licenseIssuesOf(error: { issues: readonly z.core.$ZodIssue[] }, input: unknown): FieldIssue[] {
  return fieldIssuesOf(error.issues, (issue) => wording(issue as unknown as RawIssue, input))
}
