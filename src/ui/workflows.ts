/**
 * The UI's workflows: everything between a button press and the plugin data that
 * ends up in the file. Pure of DOM so tests can drive them against the real host
 * running on the in-memory Figma: they take the channel's client, a clock and an id
 * generator, and return typed outcomes the screens render.
 *
 * Division of work (DESIGN.md, "where work runs"): main reads layers and writes
 * plugin data; here we turn readings into snapshots, compress and hash baselines,
 * verify journals and score.
 */
import * as z from 'zod/mini'
import { describeIssues, type ClientEndpoint } from '../channel'
import { ElementReadingSchema, type ElementReading, type ResultOf, type User } from '../messages'
import { decodeBaseline, encodeBaseline, quantizeSnapshot } from '../provenance/baseline-codec'
import { decodeJournalChunks, summarizeJournals, type Journal, type JournalSummary } from '../provenance/journal'
import { outlineSignature } from '../provenance/outline'
import { DEFAULT_POLICY, parsePolicy, policyFingerprint, type PolicyIssue, type TeamPolicy } from '../provenance/policy'
import { ENTRY_LIMIT_BYTES } from '../provenance/entry-limit'
import { baselineKey, parseAiOrigin, parseRecord, type AiOrigin, type FieldIssue, type ProvenanceRecord } from '../provenance/record'
import { capturedRecord, isCopy, markedRecord } from '../provenance/record-assembly'
import { recordSizeRefusal, summaryJson } from '../provenance/record-text'
import { scoreContribution, TOP_ELEMENTS, type ContributionScore } from '../provenance/score'
import type { ElementSnapshot, PatternSnapshot } from '../provenance/snapshot'

/** What the screens are told while a workflow runs. */
export interface WorkProgress {
  /** What is happening, in words ("Reading layers", "Compressing baseline"…). */
  phase: 'reading' | 'encoding' | 'writing' | 'verifying' | 'scoring' | 'journal'
  /** Elements (for reading) or steps done; total 0 = not known yet. */
  done: number
  total: number
  /** True when `total` is an expectation (the baseline's size), not main's count. */
  estimated?: boolean
  /** For multi-layer workflows: which layer (0-based) of how many. */
  node?: { index: number; count: number; nodeId: string }
}

export interface WorkflowContext {
  client: ClientEndpoint
  now: () => number
  newId: () => string
  user: User
  onProgress?: (progress: WorkProgress) => void
}

export type { FieldIssue }

export { ENTRY_LIMIT_BYTES }

// ── Reading ──────────────────────────────────────────────────────────────────

const ReadingBatchSchema = z.array(ElementReadingSchema)

export interface PatternReading {
  snapshot: PatternSnapshot
  /** Node id → layer name, for display (names are not part of the snapshot). */
  names: Map<string, string>
  /** The pattern root's name. */
  name: string
}

/** One reading → the snapshot model: the raw outline becomes a compact signature. */
export function toElementSnapshot(reading: ElementReading): ElementSnapshot {
  return {
    id: reading.id,
    path: reading.path,
    type: reading.type,
    bounds: reading.bounds,
    rotation: reading.rotation,
    opacity: reading.opacity,
    visible: reading.visible,
    blendMode: reading.blendMode,
    fills: reading.fills,
    strokes: reading.strokes,
    strokeWeight: reading.strokeWeight,
    effects: reading.effects,
    geometry: reading.outline === null ? null : outlineSignature(reading.outline, { w: reading.bounds.w, h: reading.bounds.h }),
    text: reading.text,
  }
}

export class WorkflowError extends Error {
  override name = 'WorkflowError'
}

/**
 * Reads a pattern from main. Elements arrive as progress batches; each batch is
 * validated (an invalid batch fails the whole read: a partial snapshot would score
 * the missing elements as removed).
 */
export async function readSnapshotAsync(
  client: ClientEndpoint,
  nodeId: string,
  onProgress?: (done: number, total: number) => void,
): Promise<PatternReading> {
  const elements: ElementSnapshot[] = []
  const names = new Map<string, string>()
  let failure: string | null = null
  let batches = 0
  const result = await client.request(
    'readPattern',
    { nodeId },
    {
      onProgress: (progress) => {
        if (progress.data !== undefined && failure === null) {
          batches++
          const parsed = ReadingBatchSchema.safeParse(progress.data)
          if (!parsed.success) {
            failure = `Layer batch ${String(batches)} from the plugin is malformed (${describeIssues(parsed.error.issues)}).`
          } else {
            try {
              for (const reading of parsed.data) {
                elements.push(toElementSnapshot(reading))
                names.set(reading.id, reading.name)
              }
            } catch (error) {
              failure = `Could not read an outline in batch ${String(batches)}: ${errorMessage(error)}`
            }
          }
        }
        onProgress?.(progress.done, progress.total)
      },
    },
  )
  if (failure !== null) throw new WorkflowError(failure)
  if (result.elements !== elements.length) {
    throw new WorkflowError(
      `The plugin reported ${String(result.elements)} layers but sent ${String(elements.length)}; the read was incomplete.`,
    )
  }
  return { snapshot: { rootId: result.rootId, rootBounds: result.rootBounds, elements }, names, name: result.name }
}

// ── Mark as AI-generated ─────────────────────────────────────────────────────

export interface MarkedPattern {
  nodeId: string
  name: string
  patternId: string
  elements: number
  bytes: number
}

export type MarkOutcome =
  | { kind: 'invalid-origin'; issues: FieldIssue[] }
  | { kind: 'nothing-selected' }
  | { kind: 'done'; marked: MarkedPattern[]; failed: { nodeId: string; error: string }[] }

/**
 * Marks layers as AI-generated: validates the origin once (nothing is sent when it
 * is invalid), then per layer reads the baseline, compresses it and writes it with a
 * fresh record. A layer that fails does not stop the others; each failure is reported.
 */
export async function markAsync(
  client: ClientEndpoint,
  nodeIds: readonly string[],
  originInput: unknown,
  ctx: Omit<WorkflowContext, 'client'>,
): Promise<MarkOutcome> {
  const origin = parseAiOrigin(originInput)
  if (!origin.ok) return { kind: 'invalid-origin', issues: origin.issues }
  if (nodeIds.length === 0) return { kind: 'nothing-selected' }
  const marked: MarkedPattern[] = []
  const failed: { nodeId: string; error: string }[] = []
  for (const [index, nodeId] of nodeIds.entries()) {
    const node = { index, count: nodeIds.length, nodeId }
    try {
      marked.push(await markOneAsync(client, nodeId, origin.origin, ctx, node))
    } catch (error) {
      failed.push({ nodeId, error: errorMessage(error) })
    }
  }
  return { kind: 'done', marked, failed }
}

async function markOneAsync(
  client: ClientEndpoint,
  nodeId: string,
  origin: AiOrigin,
  ctx: Omit<WorkflowContext, 'client'>,
  node: WorkProgress['node'],
): Promise<MarkedPattern> {
  const report = ctx.onProgress ?? (() => undefined)
  const reading = await readSnapshotAsync(client, nodeId, (done, total) => report({ phase: 'reading', done, total, node }))
  report({ phase: 'encoding', done: 0, total: 1, node })
  const encoded = encodeBaseline(reading.snapshot)
  const record = markedRecord({
    origin,
    nodeId,
    patternId: ctx.newId(),
    baseline: encoded,
    at: new Date(ctx.now()).toISOString(),
    by: ctx.user,
  })
  const recordJson = JSON.stringify(record)
  checkRecordSize(recordJson)
  const summary = summaryJson(record)
  report({ phase: 'writing', done: 0, total: 1, node })
  await client.request('writeProvenance', {
    nodeId,
    mode: 'mark',
    expect: null,
    entries: encoded.chunks.map((value, i) => ({ key: baselineKey(record.baseline.generation, i), value })),
    record: recordJson,
    summary,
    keepBaselineGeneration: record.baseline.generation,
  })
  report({ phase: 'writing', done: 1, total: 1, node })
  return { nodeId, name: reading.name, patternId: record.patternId, elements: encoded.elements, bytes: encoded.bytes }
}

/** A record over Figma's entry limit would fail half-way in main: refuse it here, clearly. */
function checkRecordSize(recordJson: string): void {
  const refusal = recordSizeRefusal(recordJson)
  if (refusal !== null) throw new WorkflowError(refusal)
}

// ── Capture provenance ───────────────────────────────────────────────────────

export interface JournalCheck {
  userId: string
  name: string
  ok: boolean
  /** Why the chain does not verify; null when it does. */
  error: string | null
  entries: number
}

export interface CaptureResult {
  kind: 'captured'
  nodeId: string
  name: string
  score: ContributionScore
  /** Node id → layer name (current layers; removed elements fall back to the baseline path). */
  names: Map<string, string>
  journal: JournalSummary
  journalChecks: JournalCheck[]
  /** Set when the layer is a duplicate or pasted copy of another tracked pattern. */
  lineage: { copiedFrom: string; copiedFromNode: string } | null
  policyFingerprint: string
  record: ProvenanceRecord
  warnings: string[]
}

export type CaptureOutcome =
  | CaptureResult
  | { kind: 'not-tracked'; nodeId: string; name: string }
  | { kind: 'invalid-record'; nodeId: string; name: string; error: string }
  | { kind: 'baseline-damaged'; nodeId: string; name: string; error: string }

/** How many of the most-changed elements the record keeps (one home: score.ts). */
export { TOP_ELEMENTS }

export async function captureAsync(nodeId: string, ctx: WorkflowContext): Promise<CaptureOutcome> {
  const { client } = ctx
  const report = ctx.onProgress ?? (() => undefined)
  const warnings: string[] = []

  // Journal entries still in main's memory belong to this capture's evidence.
  await client.request('flushJournal', {})
  const stored = await client.request('readStored', { nodeId })
  if (stored.record === null) return { kind: 'not-tracked', nodeId, name: stored.name }
  const parsed = parseRecord(stored.record)
  if (!parsed.ok) return { kind: 'invalid-record', nodeId, name: stored.name, error: parsed.error }
  const old = parsed.record

  report({ phase: 'verifying', done: 0, total: 1 })
  const baseline = decodeBaseline(stored.baselineChunks, old.baseline.hash)
  if (!baseline.ok) return { kind: 'baseline-damaged', nodeId, name: stored.name, error: baseline.error }

  const policy = await loadEffectivePolicyAsync(client, warnings)

  // Main streams without knowing the total; the baseline's size is a good expectation.
  const expected = old.baseline.elements
  const reading = await readSnapshotAsync(client, nodeId, (done, total) =>
    report(
      total > 0
        ? { phase: 'reading', done, total }
        : { phase: 'reading', done, total: Math.max(expected, done), estimated: true },
    ),
  )
  report({ phase: 'scoring', done: 0, total: 1 })
  const copy = isCopy(old, nodeId)
  // The stored baseline went through the codec's quantization; put the current state
  // through the same rounding so an unedited pattern scores exactly 0.
  const current = quantizeSnapshot(reading.snapshot)
  const score = scoreContribution(baseline.snapshot, current, policy, { matchBy: copy ? 'path' : 'id' })
  report({ phase: 'scoring', done: 1, total: 1 })

  // The journal is evidence; a broken chain is reported, not fatal.
  report({ phase: 'journal', done: 0, total: Object.keys(stored.journals).length })
  const journals: Journal[] = []
  const journalChecks: JournalCheck[] = []
  for (const [userId, chunks] of Object.entries(stored.journals).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const decoded = decodeJournalChunks(chunks)
    if (decoded.ok) {
      journals.push(decoded.journal)
      journalChecks.push({ userId, name: decoded.journal.user.name, ok: true, error: null, entries: decoded.journal.entries.length })
    } else {
      journalChecks.push({ userId, name: userId, ok: false, error: decoded.error, entries: 0 })
      warnings.push(`The edit journal of user ${userId} does not verify: ${decoded.error} Its edits are left out of the summary.`)
    }
  }
  const journal = summarizeJournals(journals)

  const at = new Date(ctx.now()).toISOString()
  const record = capturedRecord(old, { nodeId, at, by: ctx.user, newId: ctx.newId }, score, policy, journal)
  const recordJson = JSON.stringify(record)
  checkRecordSize(recordJson)
  const summary = summaryJson(record)
  report({ phase: 'writing', done: 0, total: 1 })
  await client.request('writeProvenance', {
    nodeId,
    mode: 'capture',
    expect: stored.record,
    entries: [],
    record: recordJson,
    summary,
    keepBaselineGeneration: old.baseline.generation,
  })
  report({ phase: 'writing', done: 1, total: 1 })

  return {
    kind: 'captured',
    nodeId,
    name: reading.name,
    score,
    names: reading.names,
    journal,
    journalChecks,
    lineage: copy ? { copiedFrom: old.patternId, copiedFromNode: old.rootNodeId } : null,
    policyFingerprint: score.policyFingerprint,
    record,
    warnings,
  }
}

// ── Unmark, repair ───────────────────────────────────────────────────────────

export async function unmarkAsync(client: ClientEndpoint, nodeId: string): Promise<void> {
  await client.request('unmark', { nodeId })
}

/** Explicit repair of a damaged record: the raw text is kept aside, the layer untracked. */
export async function repairAsync(client: ClientEndpoint, nodeId: string): Promise<{ keptAs: string }> {
  return client.request('quarantine', { nodeId })
}

// ── Team policy ──────────────────────────────────────────────────────────────

export type PolicyLoad =
  | { kind: 'default'; policy: TeamPolicy; fingerprint: string }
  | { kind: 'stored'; policy: TeamPolicy; fingerprint: string }
  | { kind: 'invalid'; policy: TeamPolicy; fingerprint: string; raw: string; issues: PolicyIssue[] }

/** The stored policy; the default when none is stored or the stored one is invalid (said so). */
export async function loadPolicyAsync(client: ClientEndpoint): Promise<PolicyLoad> {
  const { raw } = await client.request('readPolicy', {})
  if (raw === null) return { kind: 'default', policy: DEFAULT_POLICY, fingerprint: policyFingerprint(DEFAULT_POLICY) }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return {
      kind: 'invalid',
      policy: DEFAULT_POLICY,
      fingerprint: policyFingerprint(DEFAULT_POLICY),
      raw,
      issues: [{ path: '', message: 'the stored policy is not JSON' }],
    }
  }
  const parsed = parsePolicy(json)
  if (!parsed.ok) {
    return { kind: 'invalid', policy: DEFAULT_POLICY, fingerprint: policyFingerprint(DEFAULT_POLICY), raw, issues: parsed.issues }
  }
  return { kind: 'stored', policy: parsed.policy, fingerprint: policyFingerprint(parsed.policy) }
}

async function loadEffectivePolicyAsync(client: ClientEndpoint, warnings: string[]): Promise<TeamPolicy> {
  const load = await loadPolicyAsync(client)
  if (load.kind === 'invalid') {
    warnings.push(
      `The team policy stored in this file is invalid (${load.issues.map((i) => (i.path ? i.path + ': ' : '') + i.message).join('; ')}); the default policy was used. Fix it in the Team policy tab.`,
    )
  }
  return load.policy
}

export type PolicySave =
  | { kind: 'saved'; policy: TeamPolicy; fingerprint: string }
  | { kind: 'invalid'; issues: PolicyIssue[] }

/** Validates and stores a policy; nothing is written when a field is wrong. */
export async function savePolicyAsync(client: ClientEndpoint, input: unknown): Promise<PolicySave> {
  const parsed = parsePolicy(input)
  if (!parsed.ok) return { kind: 'invalid', issues: parsed.issues }
  await client.request('writePolicy', { raw: JSON.stringify(parsed.policy) })
  return { kind: 'saved', policy: parsed.policy, fingerprint: policyFingerprint(parsed.policy) }
}

// ── Start-up ─────────────────────────────────────────────────────────────────

/**
 * The first request of a session, repeated until main answers: a UI that loads
 * before main listens would otherwise wait forever (a lost message has no reply).
 * `hello` only reads, so a repeat is harmless; the first answer wins.
 */
export function helloAsync(
  client: ClientEndpoint,
  options: { retryMs?: number; attempts?: number; setTimer?: (fn: () => void, ms: number) => unknown } = {},
): Promise<ResultOf<'hello'>> {
  const retryMs = options.retryMs ?? 1000
  const attempts = options.attempts ?? 10
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  return new Promise((resolve, reject) => {
    let settled = false
    const attempt = (n: number) => {
      if (settled) return
      client.request('hello', {}).then(
        (hello) => {
          if (settled) return
          settled = true
          resolve(hello)
        },
        (error: unknown) => {
          // An error reply means main is there but failed: no point repeating.
          if (settled) return
          settled = true
          reject(error instanceof Error ? error : new Error(String(error)))
        },
      )
      if (n + 1 < attempts) setTimer(() => attempt(n + 1), retryMs)
      else
        setTimer(() => {
          if (settled) return
          settled = true
          reject(new WorkflowError('The plugin’s main thread did not answer. Close Loomprint and run it again.'))
        }, retryMs)
    }
    attempt(0)
  })
}

// ── Helpers ──────────────────────────────────────────────────────────────────

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
