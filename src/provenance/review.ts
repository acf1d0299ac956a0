/**
 * Review of contribution scores: the decisions an art director records on a pattern,
 * and the rules around them. Pure (no figma, no DOM): the UI plans a decision here and
 * main only stores the text; main also checks here that a write only appends.
 *
 * Storage: private plugin data `review` on the pattern root, beside `record`, so a
 * growing history never pushes the record over its cap:
 *
 *   { schema: 'loomprint/review', version: 1, patternId, decisions: Decision[] }
 *
 * Each decision names the capture it refers to (SHA-256 of the capture's canonical
 * JSON, its HCC, method and policy fingerprint). An approval holds for that capture
 * only: once the pattern is captured again, or edited after the capture, its status is
 * "approved, out of date" and export treats it as not approved.
 */
import canonicalize from 'canonicalize'
import * as z from 'zod/mini'
import { overUnattributedLimit } from './attribution'
import {
  formatCount,
  entryOwnership,
  formatIssues,
  isCopy,
  LIMITS,
  PatternIdSchema,
  PersonSchema,
  type Capture,
  type FieldIssue,
  type LegacyReview,
  type Person,
  type ProvenanceRecord,
} from './record'
import { sha256HexOfString } from '../storage/sha256'
import { utf8Length } from '../storage/utf8'

/** Private plugin data on the pattern root: the review history JSON. */
export const REVIEW_KEY = 'review'
export const REVIEW_SCHEMA = 'loomprint/review'
export const REVIEW_VERSION = 1
/** Like the record: one entry, with room to spare under Figma's 100 kB. */
export const REVIEW_MAX_BYTES = 90_000

export const DECISIONS = ['approve', 'request-changes', 'reject'] as const
export type DecisionKind = (typeof DECISIONS)[number]

export const DECISION_LABELS: { readonly [K in DecisionKind]: string } = {
  approve: 'Approve',
  'request-changes': 'Request changes',
  reject: 'Reject',
}
/** What the history says a decision was: "approved", "requested changes", "rejected". */
export const DECISION_PAST: { readonly [K in DecisionKind]: string } = {
  approve: 'approved',
  'request-changes': 'requested changes',
  reject: 'rejected',
}

const isoDate =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/

/** The capture a decision refers to. */
export const CaptureRefSchema = z.strictObject({
  /** SHA-256 hex of the capture's RFC 8785 canonical JSON (`captureHash`). */
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  hcc: z.number().check(z.gte(0), z.lte(1)),
  label: z.string().check(z.maxLength(LIMITS.label)),
  method: z.string().check(z.minLength(1), z.maxLength(LIMITS.short)),
  policyFingerprint: z.string().check(z.maxLength(LIMITS.short)),
  at: z.string().check(z.regex(isoDate)),
})
export type CaptureRef = z.infer<typeof CaptureRefSchema>

export const DecisionSchema = z.strictObject({
  decision: z.enum(DECISIONS),
  by: PersonSchema,
  at: z.string().check(z.regex(isoDate)),
  comment: z.string().check(z.maxLength(LIMITS.note)),
  capture: CaptureRefSchema,
})
export type Decision = z.infer<typeof DecisionSchema>

export const ReviewLogSchema = z.strictObject({
  schema: z.literal(REVIEW_SCHEMA),
  version: z.literal(REVIEW_VERSION),
  /** The pattern the decisions were made on: a copy of the layer carries the entry but is another pattern. */
  patternId: PatternIdSchema,
  decisions: z.array(DecisionSchema),
})
export type ReviewLog = z.infer<typeof ReviewLogSchema>

// ── Parsing (never throws) ───────────────────────────────────────────────────

export type ReviewLogParse = { ok: true; log: ReviewLog } | { ok: false; error: string; issues: FieldIssue[]; raw: string }

function refused(raw: string, error: string): ReviewLogParse {
  return { ok: false, error, issues: [{ path: '', message: error }], raw }
}

export function parseReviewLog(json: string): ReviewLogParse {
  if (typeof json !== 'string') return refused(String(json), 'The review history is not a string.')
  const size = utf8Length(json)
  if (size > REVIEW_MAX_BYTES) {
    return refused(json, `The review history is too large (${formatCount(size)} bytes; at most ${formatCount(REVIEW_MAX_BYTES)}).`)
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (err) {
    return refused(json, `The review history is not valid JSON (${err instanceof Error ? err.message : String(err)}).`)
  }
  const r = z.safeParse(ReviewLogSchema, value)
  if (r.success) return { ok: true, log: r.data }
  const issues = r.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issueMessage(issue) }))
  return { ok: false, error: `The review history is invalid: ${formatIssues(issues)}.`, issues, raw: json }
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'too_big':
      return `too large (at most ${String(issue.maximum)})`
    case 'too_small':
      return `too small (at least ${String(issue.minimum)})`
    case 'invalid_format':
      return 'has an invalid format'
    case 'unrecognized_keys':
      return `unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (edited by hand?)`
    default:
      return issue.message
  }
}

export function emptyReviewLog(patternId: string): ReviewLog {
  return { schema: REVIEW_SCHEMA, version: REVIEW_VERSION, patternId, decisions: [] }
}

// ── The capture a decision refers to ─────────────────────────────────────────

/** SHA-256 hex of the capture's canonical JSON (RFC 8785): any change to the capture changes it. */
export function captureHash(capture: Capture): string {
  return sha256HexOfString(canonicalize(capture) ?? 'null')
}

export function captureRef(capture: Capture): CaptureRef {
  return {
    hash: captureHash(capture),
    hcc: capture.hcc,
    label: capture.label,
    method: capture.method,
    policyFingerprint: capture.policyFingerprint,
    at: capture.at,
  }
}

// ── Edited after the capture? ────────────────────────────────────────────────

/** A journal's current head, as read from the header line of its last chunk. */
export interface JournalHeadNow {
  userId: string
  /** The chain's Figma session; absent for chains written before sessions. */
  session?: number
  head: string
  /** The journal owner's name as the chunk header gives it. */
  name?: string
}

/**
 * The head of a journal from the header line of its last stored chunk
 * (`{"f":"loomprint-journal/1","user":{…},…,"head":"<hex>"}`, journal.ts); null when
 * the line is not such a header.
 */
export function journalHeadFromHeader(line: string): JournalHeadNow | null {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return null
  }
  if (value === null || typeof value !== 'object') return null
  const h = value as { f?: unknown; user?: { id?: unknown; name?: unknown }; session?: unknown; head?: unknown }
  if (h.f !== 'loomprint-journal/1' || typeof h.head !== 'string' || typeof h.user?.id !== 'string') return null
  const now: JournalHeadNow = { userId: h.user.id, head: h.head, name: typeof h.user.name === 'string' ? h.user.name : h.user.id }
  if (typeof h.session === 'number') now.session = h.session
  return now
}

/**
 * Whether the pattern was edited after its capture, as far as the journals show:
 * a journal whose head moved on since the capture copied it, or a journal the capture
 * did not know. Edits made while Loomprint was closed are not journaled, so they are
 * not seen here (the next capture measures them).
 */
export function editedAfterCapture(capture: Capture, heads: readonly JournalHeadNow[]): boolean {
  // One chain per person and session: two tabs of one person are two chains.
  const chain = (h: { userId: string; session?: number }): string => h.userId + '|' + String(h.session ?? '')
  const known = new Map(capture.journal.heads.map((h) => [chain(h), h.head]))
  return heads.some((h) => known.get(chain(h)) !== h.head)
}

// ── Status ───────────────────────────────────────────────────────────────────

export const REVIEW_STATUSES = [
  'not-captured',
  'unreviewed',
  'approved',
  'approved-out-of-date',
  'changes-requested',
  'rejected',
  'review-damaged',
] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const STATUS_LABELS: { readonly [K in ReviewStatus]: string } = {
  'not-captured': 'Not captured',
  unreviewed: 'Awaiting review',
  approved: 'Approved',
  'approved-out-of-date': 'Approved, out of date',
  'changes-requested': 'Changes requested',
  rejected: 'Rejected',
  'review-damaged': 'Review history damaged',
}

export interface StatusFacts {
  /** The layer the record was read from: a copy (another id than the record's) is a new pattern. */
  nodeId: string
  record: ProvenanceRecord
  /** The parsed review entry; null when there is none; the failed parse when it is damaged. */
  review: ReviewLogParse | null
  /** `editedAfterCapture(…)` for the current capture. */
  edited: boolean
}

/** The decisions that belong to this pattern (a copied layer carries the original's entry). */
export function decisionsOf(record: ProvenanceRecord, review: ReviewLogParse | null): Decision[] {
  if (!review || !review.ok || entryOwnership(record, review.log.patternId) !== 'own') return []
  return review.log.decisions
}

/** The message for a history that names a pattern this layer is neither nor a copy of. */
export function foreignHistoryError(patternId: string): string {
  return `The review history names pattern ${patternId}, and this layer is neither that pattern nor a copy of it (edited by hand?).`
}

/** A parsed history as this record sees it: a foreign one is damage (reported, kept). */
export function reviewFor(record: ProvenanceRecord, review: ReviewLogParse | null): ReviewLogParse | null {
  if (!review || !review.ok || entryOwnership(record, review.log.patternId) !== 'foreign') return review
  const error = foreignHistoryError(review.log.patternId)
  return { ok: false, error, issues: [{ path: 'patternId', message: error }], raw: JSON.stringify(review.log) }
}

export function reviewStatus(facts: StatusFacts): { status: ReviewStatus; latest: Decision | null } {
  const review = reviewFor(facts.record, facts.review)
  if (review && !review.ok) return { status: 'review-damaged', latest: null }
  const decisions = decisionsOf(facts.record, facts.review)
  const latest = decisions.length > 0 ? decisions[decisions.length - 1]! : null
  const capture = facts.record.capture
  // A copy carries the original's record and review until it is captured on its own.
  if (!capture || isCopy(facts.record, facts.nodeId)) return { status: 'not-captured', latest: null }
  if (!latest) return { status: 'unreviewed', latest }
  const current = latest.capture.hash === captureHash(capture)
  switch (latest.decision) {
    case 'approve':
      return { status: current && !facts.edited ? 'approved' : 'approved-out-of-date', latest }
    case 'request-changes':
      return { status: current ? 'changes-requested' : 'unreviewed', latest }
    case 'reject':
      return { status: current ? 'rejected' : 'unreviewed', latest }
  }
}

/** What export asks: is the current capture approved? Only "approved" counts. */
export function isApprovedForExport(status: ReviewStatus): boolean {
  return status === 'approved'
}

// ── Who may decide ───────────────────────────────────────────────────────────

export interface ReviewRules {
  /** Team policy: "reviewer must not be one of the pattern's editors" (off by default). */
  reviewerMustNotBeEditor: boolean
  /** Team policy: the most unattributed change an approved capture may hold (null: no limit). */
  maxUnattributedShare?: number | null
}

export const DEFAULT_REVIEW_RULES: ReviewRules = { reviewerMustNotBeEditor: false, maxUnattributedShare: null }

/**
 * Why approval is refused for changes no journal saw (issue #19, 7), or null. Editing with
 * Loomprint closed leaves no journal, so the editors rule above cannot see who made them;
 * the capture still measured them, and the policy can say how much of that it accepts.
 */
export function unattributedRefusal(decision: DecisionKind, capture: Capture, rules: ReviewRules): string | null {
  const limit = rules.maxUnattributedShare ?? null
  const u = capture.unattributed
  if (decision !== 'approve' || !overUnattributedLimit(u, limit) || !u || limit === null) return null
  return `${formatPercent(u.share)} of this capture’s measured change was made while Loomprint was closed, so no edit journal says who made it; the team policy accepts at most ${formatPercent(limit)}. Ask the editors to redo or confirm those changes with Loomprint open and capture again. Nothing was written.`
}

function formatPercent(share: number): string {
  return `${String(Math.round(share * 1000) / 10)}%`
}

export interface Editor extends Person {
  edits: number
}

/**
 * The pattern's editors: the people in the capture's journal digest who made edits,
 * and the owners of journals written since (`journalUsers`, ids with names).
 */
export function editorsOf(capture: Capture | null, journalUsers: readonly Person[] = []): Editor[] {
  const byId = new Map<string, Editor>()
  for (const p of capture?.journal.people ?? []) if (p.edits > 0) byId.set(p.id, { id: p.id, name: p.name, edits: p.edits })
  for (const u of journalUsers) if (!byId.has(u.id)) byId.set(u.id, { id: u.id, name: u.name, edits: 0 })
  return [...byId.values()]
}

/** Why `reviewer` may not approve, or null. Only approval is restricted: anyone may ask for changes. */
export function reviewerRefusal(
  decision: DecisionKind,
  reviewer: Person,
  editors: readonly Editor[],
  rules: ReviewRules,
): string | null {
  if (!rules.reviewerMustNotBeEditor || decision !== 'approve') return null
  const editor = editors.find((e) => e.id === reviewer.id)
  if (!editor) return null
  const how = editor.edits > 0 ? ` (${formatCount(editor.edits)} edit${editor.edits === 1 ? '' : 's'} in its journal)` : ' (its edit journal names you)'
  return `You edited this pattern${how}, and the team policy says a reviewer must not be one of the pattern’s editors. Ask someone who did not edit it to approve. Nothing was written.`
}

// ── Planning a decision ──────────────────────────────────────────────────────

export interface DecisionInput {
  decision: DecisionKind
  comment: string
}

/** Field-level problems of a decision as typed: the comment is required for changes and rejection. */
export function validateDecision(input: DecisionInput): FieldIssue[] {
  const issues: FieldIssue[] = []
  const comment = input.comment.trim()
  if (input.decision !== 'approve' && comment === '') {
    issues.push({
      path: 'comment',
      message: `A review comment is required to ${input.decision === 'reject' ? 'reject' : 'request changes'}: say what should change.`,
    })
  }
  if (input.comment.length > LIMITS.note) {
    issues.push({
      path: 'comment',
      message: `The review comment is too long (${formatCount(input.comment.length)} characters; at most ${formatCount(LIMITS.note)}).`,
    })
  }
  return issues
}

export interface DecisionFacts {
  nodeId: string
  record: ProvenanceRecord
  /** The stored review entry as read (null: none yet). */
  reviewRaw: string | null
  reviewer: Person
  /** ISO time of the decision. */
  at: string
  editors: readonly Editor[]
  rules: ReviewRules
}

export type DecisionPlan =
  /** `unchanged`: the same person's same decision on the same capture is already the latest: nothing to write. */
  | { ok: true; decision: Decision; log: ReviewLog; json: string; unchanged?: boolean }
  | { ok: false; reason: string; issues: FieldIssue[] }

/**
 * Everything that decides whether a decision may be recorded, and the entry to write:
 * the comment rule, a capture to refer to, an intact history (a damaged one is kept,
 * never overwritten), the reviewer-independence rule, the size cap. The decision is
 * appended; nothing before it changes.
 */
export function planDecision(input: DecisionInput, facts: DecisionFacts): DecisionPlan {
  const issues = validateDecision(input)
  if (issues.length > 0) return { ok: false, reason: issues.map((i) => i.message).join(' '), issues }
  const capture = facts.record.capture
  if (!capture) {
    return { ok: false, reason: 'This pattern has not been captured yet: there is no score to decide on. Capture it first. Nothing was written.', issues: [] }
  }
  if (isCopy(facts.record, facts.nodeId)) {
    return {
      ok: false,
      reason: 'This layer is a copy of another pattern and has not been captured on its own yet. Capture it first (it then gets its own pattern id and history). Nothing was written.',
      issues: [],
    }
  }
  let log = emptyReviewLog(facts.record.patternId)
  if (facts.reviewRaw !== null) {
    const parsed = parseReviewLog(facts.reviewRaw)
    if (!parsed.ok) {
      return {
        ok: false,
        reason: `The review history stored on this pattern is damaged (${parsed.error}) It is kept as it is; nothing was written.`,
        issues: [],
      }
    }
    // A captured copy has its own pattern id; the original's history it carries is not its own
    // and is replaced by the copy's (main keeps it aside; the original keeps its own).
    const owner = entryOwnership(facts.record, parsed.log.patternId)
    if (owner === 'foreign') {
      return { ok: false, reason: `${foreignHistoryError(parsed.log.patternId)} It is kept as it is; nothing was written.`, issues: [] }
    }
    if (owner === 'own') log = parsed.log
  }
  const refusal = reviewerRefusal(input.decision, facts.reviewer, facts.editors, facts.rules) ?? unattributedRefusal(input.decision, capture, facts.rules)
  if (refusal) return { ok: false, reason: refusal, issues: [] }
  const decision: Decision = {
    decision: input.decision,
    by: { id: facts.reviewer.id, name: facts.reviewer.name },
    at: facts.at,
    comment: input.comment.trim(),
    capture: captureRef(capture),
  }
  // One decision per decision, not per click (issue #21, item 2): a double click on Approve
  // recorded two approvals, and both went into the pack.
  const latest = log.decisions[log.decisions.length - 1]
  if (
    latest &&
    latest.decision === decision.decision &&
    latest.by.id === decision.by.id &&
    latest.capture.hash === decision.capture.hash &&
    latest.comment === decision.comment
  ) {
    return { ok: true, decision: latest, log, json: JSON.stringify(log), unchanged: true }
  }
  const next: ReviewLog = { ...log, decisions: [...log.decisions, decision] }
  const json = JSON.stringify(next)
  const size = utf8Length(json)
  if (size > REVIEW_MAX_BYTES) {
    return {
      ok: false,
      reason: `The review history would be ${formatCount(size)} bytes, over the ${formatCount(REVIEW_MAX_BYTES)} a pattern can hold. Shorten the comment. Nothing was written.`,
      issues: [],
    }
  }
  return { ok: true, decision, log: next, json }
}

/**
 * Main's guard before it stores a review entry: the new text must be a valid history
 * of the record's pattern that keeps every stored decision, in order and unchanged,
 * and only adds after them. A stored history of *another* pattern (a captured copy
 * carries its original's) is not this pattern's: `keepAside` says main must keep it
 * under another key before writing. Returns why not, or what to do.
 */
export function reviewWriteCheck(
  storedRaw: string,
  nextRaw: string,
  record: Pick<ProvenanceRecord, 'patternId' | 'lineage'>,
): { ok: false; reason: string } | { ok: true; keepAside: string | null } {
  const next = parseReviewLog(nextRaw)
  if (!next.ok) return { ok: false, reason: `Refusing to write an invalid review history: ${next.error}` }
  if (next.log.patternId !== record.patternId) return { ok: false, reason: 'Refusing to write a review history that names another pattern.' }
  if (storedRaw === '') return { ok: true, keepAside: null }
  const stored = parseReviewLog(storedRaw)
  if (!stored.ok) return { ok: false, reason: 'The stored review history is damaged; it is kept as it is.' }
  const owner = entryOwnership(record, stored.log.patternId)
  if (owner === 'foreign') return { ok: false, reason: `${foreignHistoryError(stored.log.patternId)} It is kept as it is.` }
  if (owner === 'inherited') return { ok: true, keepAside: reviewAsideKey(stored.log.patternId) }
  const before = stored.log.decisions
  const after = next.log.decisions
  if (after.length <= before.length) return { ok: false, reason: 'A review write must add a decision.' }
  for (let i = 0; i < before.length; i++) {
    if (canonicalize(before[i]) !== canonicalize(after[i])) {
      return { ok: false, reason: `A review write may only append; decision ${String(i + 1)} would change.` }
    }
  }
  return { ok: true, keepAside: null }
}

/** Where a copied layer keeps the history it inherited from pattern `patternId`. */
export function reviewAsideKey(patternId: string): string {
  return 'review.inherited.' + patternId
}

// ── History for display ──────────────────────────────────────────────────────

export type HistoryEntry =
  | { kind: 'decision'; decision: Decision; current: boolean }
  | { kind: 'legacy'; review: LegacyReview }

/** Oldest first: a v1 record's single review (kept in `legacy`), then the decisions. */
export function reviewHistory(record: ProvenanceRecord, review: ReviewLogParse | null): HistoryEntry[] {
  const out: HistoryEntry[] = []
  if (record.legacy?.review) out.push({ kind: 'legacy', review: record.legacy.review })
  const hash = record.capture ? captureHash(record.capture) : null
  for (const decision of decisionsOf(record, review)) out.push({ kind: 'decision', decision, current: decision.capture.hash === hash })
  return out
}
