/** Mark as AI-generated (the baseline is read, compressed and written with a fresh record); unmark; repair a damaged record. */
import type { ClientEndpoint } from '../../channel'
import { encodeBaseline } from '../../storage/baseline-codec'
import { baselineKey, parseAiOrigin, type AiOrigin, type FieldIssue } from '../../provenance/record'
import { markedRecord } from '../../provenance/record-assembly'
import { summaryJson } from '../../provenance/record-text'
import { readSnapshotAsync } from './read-snapshot'
import { checkRecordSize, errorMessage, isCancelled, throwIfCancelled, type WorkflowContext, type WorkProgress } from '../shared/workflow-context'

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
    // Cancel stops between layers and before a write: the layers marked so far stay marked and are reported.
    if (ctx.signal?.aborted) break
    try {
      marked.push(await markOneAsync(client, nodeId, origin.origin, ctx, node))
    } catch (error) {
      if (isCancelled(error)) break
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
  throwIfCancelled(ctx.signal)
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

// ── Unmark, repair ───────────────────────────────────────────────────────────

export async function unmarkAsync(client: ClientEndpoint, nodeId: string): Promise<void> {
  await client.request('unmark', { nodeId })
}

/** Explicit repair of a damaged record: the raw text is kept aside, the layer untracked. */
export async function repairAsync(client: ClientEndpoint, nodeId: string): Promise<{ keptAs: string }> {
  return client.request('quarantine', { nodeId })
}
