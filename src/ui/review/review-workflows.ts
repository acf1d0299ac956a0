/**
 * The review's workflows, pure of DOM (tests drive them against the real host on the
 * fake): list every tracked pattern with its status, record a decision, capture all
 * out-of-date patterns. The rules themselves are in provenance/review.ts.
 */
import type { ClientEndpoint } from '../../channel'
import { describeIssues } from '../../channel'
import { TrackedPatternBatchSchema, type TrackedPattern, type User } from '../../messages'
import type { FieldIssue, ProvenanceRecord } from '../../provenance/record'
import {
  DECISION_PAST,
  editedAfterCapture,
  editorsOf,
  planDecision,
  reviewStatus,
  type Decision,
  type DecisionInput,
  type DecisionKind,
  type Editor,
  type ReviewLogParse,
  type ReviewRules,
  type ReviewStatus,
} from '../../provenance/review'
import { maxUnattributedShareOf, reviewerMustNotBeEditorOf, type TeamPolicy } from '../../provenance/policy'
import { readPatternEvidence, type PatternEvidence } from '../../license/pattern-evidence'
import { captureAsync } from '../capture/capture-workflow'
import { errorMessage, isCancelled, WorkflowError, type WorkflowContext } from '../shared/workflow-context'

/** The review rules the team policy sets. */
export function reviewRulesOf(policy: TeamPolicy): ReviewRules {
  return { reviewerMustNotBeEditor: reviewerMustNotBeEditorOf(policy), maxUnattributedShare: maxUnattributedShareOf(policy) }
}

/** A row's status: the review status, or the record itself is damaged. */
export type RowStatus = ReviewStatus | 'record-damaged'

export interface ReviewRow {
  nodeId: string
  name: string
  pageId: string
  pageName: string
  /** What main read: the texts a decision must find unchanged when it is written. */
  raw: TrackedPattern
  /** Null when the record is damaged (`recordError` says why). */
  record: ProvenanceRecord | null
  recordError: string | null
  review: ReviewLogParse | null
  status: RowStatus
  latest: Decision | null
  hcc: number | null
  label: string | null
  /** License tier, "none", or "damaged" (filled in by the license module). */
  license: string
  capturedAt: string | null
  capturedBy: string | null
  /** Journals moved on since the capture. */
  edited: boolean
  /** Needs a capture: never captured, a copy not captured on its own, or edited since. */
  outOfDate: boolean
  editors: Editor[]
  /** Things the reviewer must know (damaged entries, unverifiable journals). */
  problems: string[]
}

/**
 * Describes the license entry in one word for the table, from the pattern's evidence
 * as read once (the License tab's labeler knows the terms; this room does not).
 */
export type LicenseLabeler = (evidence: PatternEvidence) => { label: string; problem: string | null }

const noLicense: LicenseLabeler = (evidence) =>
  evidence.license.kind === 'none' ? { label: 'none', problem: null } : { label: 'stored', problem: null }

/** One listed pattern → a row: every judgement here comes from the pure rules. */
export function toReviewRow(raw: TrackedPattern, licenseOf: LicenseLabeler = noLicense): ReviewRow {
  const problems: string[] = []
  const evidence = readPatternEvidence(raw)
  const review = evidence.reviewParsed
  if (review && !review.ok) problems.push(`The review history is damaged and kept as it is: ${review.error}`)
  const heads = evidence.heads
  for (let i = 0; i < evidence.damagedHeads; i++) {
    problems.push('An edit journal on this pattern is damaged; whether it was edited since the capture cannot be told from it.')
  }
  const license = licenseOf(evidence)
  if (license.problem) problems.push(license.problem)
  const base = { nodeId: raw.nodeId, name: raw.name, pageId: raw.pageId, pageName: raw.pageName, raw, review, license: license.label }
  if (evidence.record.kind !== 'ok') {
    // The list only holds tracked layers, so a record that is not 'ok' is damaged.
    const error = evidence.record.kind === 'damaged' ? evidence.record.error : 'The record is missing.'
    problems.unshift(`The provenance record is damaged and kept as it is: ${error}`)
    return {
      ...base,
      record: null,
      recordError: error,
      status: 'record-damaged',
      latest: null,
      hcc: null,
      label: null,
      capturedAt: null,
      capturedBy: null,
      edited: false,
      outOfDate: false,
      editors: [],
      problems,
    }
  }
  const record = evidence.record.record
  const owned = evidence.review
  if (owned && !owned.ok && review?.ok) problems.push(`The review history is damaged and kept as it is: ${owned.error}`)
  const capture = record.capture
  const edited = capture ? editedAfterCapture(capture, heads) : false
  const { status, latest } = reviewStatus({ nodeId: raw.nodeId, record, review: owned, edited })
  const journalUsers = heads.map((h) => ({ id: h.userId, name: h.name ?? h.userId }))
  return {
    ...base,
    review: owned,
    record,
    recordError: null,
    status,
    latest,
    hcc: capture ? capture.hcc : null,
    label: capture ? capture.label : null,
    capturedAt: capture ? capture.at : null,
    capturedBy: capture ? capture.by.name : null,
    edited,
    outOfDate: !capture || evidence.copy || edited,
    editors: editorsOf(capture, journalUsers),
    problems,
  }
}

export interface ListProgress {
  pagesDone: number
  pages: number
  patterns: number
}

/** Every tracked pattern on every page, as rows. Batches are validated; a bad one fails the list. */
export async function listReviewAsync(
  client: ClientEndpoint,
  options: { onProgress?: (p: ListProgress) => void; licenseOf?: LicenseLabeler } = {},
): Promise<ReviewRow[]> {
  // Edits still in main's memory decide which patterns are out of date.
  await client.request('flushJournal', {})
  const rows: ReviewRow[] = []
  let failure: string | null = null
  const result = await client.request(
    'listTracked',
    {},
    {
      onProgress: (progress) => {
        if (progress.data !== undefined && failure === null) {
          const batch = TrackedPatternBatchSchema.safeParse(progress.data)
          if (!batch.success) failure = `A batch of patterns from the plugin is malformed (${describeIssues(batch.error.issues)}).`
          else for (const raw of batch.data) rows.push(toReviewRow(raw, options.licenseOf))
        }
        options.onProgress?.({ pagesDone: progress.done, pages: progress.total, patterns: rows.length })
      },
    },
  )
  if (failure !== null) throw new WorkflowError(failure)
  if (result.patterns !== rows.length) {
    throw new WorkflowError(`The plugin reported ${String(result.patterns)} patterns but sent ${String(rows.length)}; the list is incomplete.`)
  }
  return rows
}

// ── Decisions ────────────────────────────────────────────────────────────────

export type DecideOutcome =
  | { kind: 'decided'; decision: Decision }
  | { kind: 'refused'; reason: string; issues: FieldIssue[] }

/**
 * Records a decision on the pattern as the reviewer saw it (`row`): planned by the pure
 * rules, then written by main only if neither the record nor the history changed since
 * the row was read (a second reviewer's decision is never overwritten: main refuses
 * and says so, which arrives here as a rejected promise).
 */
export async function decideAsync(
  client: ClientEndpoint,
  row: ReviewRow,
  input: DecisionInput,
  ctx: { user: User; now: () => number; rules: ReviewRules },
): Promise<DecideOutcome> {
  if (!row.record) {
    return { kind: 'refused', reason: `The provenance record of “${row.name}” is damaged; nothing can be decided on it. Nothing was written.`, issues: [] }
  }
  const plan = planDecision(input, {
    nodeId: row.nodeId,
    record: row.record,
    reviewRaw: row.raw.review,
    reviewer: ctx.user,
    at: new Date(ctx.now()).toISOString(),
    editors: row.editors,
    rules: ctx.rules,
  })
  if (!plan.ok) return { kind: 'refused', reason: plan.reason, issues: plan.issues }
  if (plan.unchanged) return { kind: 'decided', decision: plan.decision }
  await client.request('writeReview', { nodeId: row.nodeId, expectRecord: row.raw.record, expect: row.raw.review, review: plan.json })
  return { kind: 'decided', decision: plan.decision }
}

/** "You approved “Paisley” at HCC 0.42." — "requested changes on", as a person says it (issue #21, item 18). */
export function decidedText(decision: DecisionKind, name: string, hcc: string): string {
  return `You ${DECISION_PAST[decision]}${decision === 'request-changes' ? ' on' : ''} “${name}” at HCC ${hcc}.`
}

// ── Capture all out of date ──────────────────────────────────────────────────

export interface CaptureAllProgress {
  index: number
  count: number
  name: string
}

export interface CaptureAllOutcome {
  captured: { nodeId: string; name: string; hcc: number }[]
  failed: { nodeId: string; name: string; error: string }[]
  /** Patterns not attempted because Cancel was pressed. */
  skipped: number
}

/**
 * Captures each pattern in turn (each write is its own undo step, see host/storage.ts);
 * a failure is recorded and the next pattern goes ahead. Cancel (`ctx.signal`, or
 * `cancelled`) stops the running capture before its write and skips the rest.
 * Progress is the capture's own, with `node` saying which pattern of how many.
 */
export async function captureAllAsync(
  rows: readonly Pick<ReviewRow, 'nodeId' | 'name'>[],
  ctx: WorkflowContext,
  options: { cancelled?: () => boolean; onPattern?: (p: CaptureAllProgress) => void } = {},
): Promise<CaptureAllOutcome> {
  const outcome: CaptureAllOutcome = { captured: [], failed: [], skipped: 0 }
  const stop = () => ctx.signal?.aborted === true || options.cancelled?.() === true
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    if (stop()) {
      outcome.skipped = rows.length - i
      break
    }
    options.onPattern?.({ index: i, count: rows.length, name: row.name })
    const node = { index: i, count: rows.length, nodeId: row.nodeId }
    try {
      const result = await captureAsync(row.nodeId, { ...ctx, onProgress: (p) => ctx.onProgress?.({ ...p, node }) })
      if (result.kind === 'captured') outcome.captured.push({ nodeId: row.nodeId, name: row.name, hcc: result.score.hcc })
      else outcome.failed.push({ nodeId: row.nodeId, name: row.name, error: describeCaptureRefusal(result) })
    } catch (error) {
      if (isCancelled(error)) {
        outcome.skipped = rows.length - i
        break
      }
      outcome.failed.push({ nodeId: row.nodeId, name: row.name, error: errorMessage(error) })
    }
  }
  return outcome
}

function describeCaptureRefusal(result: Exclude<Awaited<ReturnType<typeof captureAsync>>, { kind: 'captured' }>): string {
  switch (result.kind) {
    case 'not-tracked':
      return 'not tracked any more'
    case 'invalid-record':
      return `its record is damaged (kept as it is): ${result.error}`
    case 'baseline-damaged':
      return `its stored AI baseline is damaged: ${result.error}`
  }
}
