/**
 * Field-level messages for license terms, in the words of the License form.
 *
 * The schemas in terms.ts give their own message to every enum, union and cross-field
 * check (those messages are written for people and are passed through as they are);
 * the generic zod codes (wrong type, too long, too small, unknown field) are phrased
 * by the one describer in ../provenance/issues with this form's labels.
 */
import type * as z from 'zod/mini'
import { describeIssues, type FieldIssue, type IssueWording } from '../provenance/issues'

export type { FieldIssue }

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
  // The contract frame (contract.ts).
  contract: 'Contract frame',
  template: 'Agreement template',
  sha256: 'Template SHA-256',
  governingLaw: 'Governing law',
  country: 'Country',
  subdivision: 'Subdivision',
  forum: 'Forum',
  masterAgreement: 'Master agreement',
  reference: 'Reference',
  date: 'Date',
  parties: 'Parties',
  legalName: 'Legal name',
  registrationId: 'Registration id',
  address: 'Registered address',
  noticeContact: 'Notice contact',
  signatory: 'Signatory',
  title: 'Title',
  acceptance: 'Acceptance',
  method: 'Acceptance method',
  by: 'Accepted by',
  at: 'Acceptance date',
  warranty: 'Warranty',
  indemnity: 'Indemnity',
  cap: 'Indemnity cap',
  sublicensing: 'Sublicensing',
  assignment: 'Assignment',
  restrictions: 'Restrictions',
  trademark: 'Trademark restriction',
  standaloneFileResale: 'File-resale restriction',
  sensitiveUses: 'Sensitive-uses restriction',
  payment: 'Payment terms',
  dueDays: 'Payment due',
  reportingPeriod: 'Reporting period',
  auditRight: 'Audit right',
  taxes: 'Taxes',
  advance: 'Advance',
  minimumGuarantee: 'Minimum guarantee',
  termination: 'Termination',
  cureDays: 'Cure period',
  sellOffDays: 'Sell-off period',
  filesAfter: 'Files after the end',
}

const EXPECTED: { readonly [k: string]: string } = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
}

const WORDING: IssueWording = {
  labels: LABELS,
  fallbackLabel: 'The license terms',
  count: String,
  expected: (type) => EXPECTED[type] ?? type,
  unexpected: (keys, label) => `Unexpected field${keys.length > 1 ? 's' : ''} in ${label.toLowerCase()}: ${keys.join(', ')} (is it misspelled?)`,
  schemaMessages: true,
  missingFirst: true,
}

/** One FieldIssue per zod issue, in the order zod found them (the shared describer, license wording). */
export function licenseIssuesOf(error: { issues: readonly z.core.$ZodIssue[] }, input: unknown): FieldIssue[] {
  return describeIssues(error, input, WORDING)
}
