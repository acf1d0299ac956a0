/**
 * Capture provenance: verify the stored baseline, read the pattern again, score the
 * difference, verify the edit journals, and write the new capture into the record.
 */
import canonicalize from 'canonicalize'
import { decodeBaseline, quantizeSnapshot } from '../../storage/baseline-codec'
import { summarizeJournals, type Journal, type JournalSummary } from '../../storage/journal'
import { toBoundingBoxPlacement } from '../../coefficient/legacy-placement'
import { OWN_BOX } from '../../coefficient/snapshot'
import type { ProvenanceRecord } from '../../provenance/record'
import { capturedRecord, sameMeasurement } from '../../provenance/record-assembly'
import { currentLicenseId, readPatternEvidence } from '../../license/pattern-evidence'
import { summaryJson } from '../../provenance/record-text'
import { compareOnCanvas, type CanvasMap, type ContributionScore } from '../../coefficient/score'
import type { PictureReport } from '../../coefficient/picture/canvas-pictures'
import { captureHeatMap, heatImageShares, type HeatImage } from '../../coefficient/heatmap'
import { heatMapEntry, heatMapRefOf } from '../../provenance/heatmap-entry'
import { heatMapPng } from '../../storage/heatmap-png'
import { attributeCapture, type Attribution } from '../../provenance/attribution'
import { HEATMAP_KEY } from '../../provenance/record'
import { loadEffectivePolicyAsync } from '../policy/policy-workflows'
import { pictureHashes, readPicturesAsync } from './read-pictures'
import { readSnapshotAsync } from './read-snapshot'
import { checkRecordSize, throwIfCancelled, type WorkflowContext } from '../shared/workflow-context'

export interface JournalCheck {
  /** The chain's key prefix: `<userId>` (before sessions) or `<userId>.s<session>`. */
  chain: string
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
  /** Where the human contribution is (method 2's change map); null for method 1. */
  heat: CanvasMap | null
  /** The heat map's pixels as stored with the capture (the PNG decodes to exactly these). */
  heatImage: HeatImage | null
  /** Node id → layer name (current layers; removed elements fall back to the baseline path). */
  names: Map<string, string>
  journal: JournalSummary
  journalChecks: JournalCheck[]
  /** The part of the measured change no journal saw (edits made while Loomprint was closed). */
  unattributed: Attribution
  /** Set when the layer is a duplicate or pasted copy of another tracked pattern. */
  lineage: { copiedFrom: string; copiedFromNode: string } | null
  policyFingerprint: string
  record: ProvenanceRecord
  /**
   * The pattern measured exactly as its stored capture (sameMeasurement): nothing was
   * written, and `record` is the stored one, with its author, time and any approval.
   */
  unchanged: boolean
  warnings: string[]
  /** Pictures replaced or changed, and how much of each (issue #20). */
  pictures: PictureReport[]
}

export type CaptureOutcome =
  | CaptureResult
  | { kind: 'not-tracked'; nodeId: string; name: string }
  | { kind: 'invalid-record'; nodeId: string; name: string; error: string }
  | { kind: 'baseline-damaged'; nodeId: string; name: string; error: string }

/** Whether the stored text is exactly the parsed record (not migrated, nothing dropped). */
function storedAsIs(raw: string, record: ProvenanceRecord): boolean {
  try {
    return canonicalize(JSON.parse(raw)) === canonicalize(record)
  } catch {
    return false
  }
}

/** How many of the most-changed elements the record keeps (one home: score.ts). */
export async function captureAsync(nodeId: string, ctx: WorkflowContext): Promise<CaptureOutcome> {
  const { client } = ctx
  const report = ctx.onProgress ?? (() => undefined)
  const warnings: string[] = []

  // Journal entries still in main's memory belong to this capture's evidence.
  await client.request('flushJournal', {})
  const stored = await client.request('readStored', { nodeId })
  const evidence = readPatternEvidence(stored)
  if (evidence.record.kind === 'untracked') return { kind: 'not-tracked', nodeId, name: stored.name }
  if (evidence.record.kind === 'damaged') return { kind: 'invalid-record', nodeId, name: stored.name, error: evidence.record.error }
  const old = evidence.record.record

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
  // The pictures the pattern shows now: the baseline's samples for the pictures it already
  // had (the same hash is the same picture), the new ones read and sampled. A baseline
  // from before pictures were read has no samples to compare with: nothing is read, and a
  // replaced picture counts as new (the result says so).
  const withPictures = baseline.snapshot.images
    ? await readPicturesAsync(client, reading.snapshot, {
        decode: ctx.decodePicture,
        known: baseline.snapshot.images,
        signal: ctx.signal,
        onProgress: (done, total) => report({ phase: 'pictures', done, total }),
      })
    : reading.snapshot
  report({ phase: 'scoring', done: 0, total: 1 })
  const copy = evidence.copy
  // A baseline stored before format 4 holds Figma's bounding boxes: read the current
  // state the same way, so unchanged turned and flipped layers still compare equal.
  const placed = baseline.snapshot.placement === OWN_BOX ? withPictures : toBoundingBoxPlacement(withPictures, reading.frame)
  // The stored baseline went through the codec's quantization; put the current state
  // through the same rounding so an unedited pattern scores exactly 0.
  const current = quantizeSnapshot(placed)
  // Method 2, with the raster it measured on (the heat map).
  const matchedBy = copy ? 'path' : 'id'
  const comparison = compareOnCanvas(baseline.snapshot, current, policy, matchedBy)
  const { score } = comparison
  // The heat map over the faded pattern, as the small PNG stored with the record (and
  // shipped in packs); the result shows the very pixels the PNG holds.
  const full = captureHeatMap(comparison)
  const encoded = heatMapPng(full)
  const heatRef = heatMapRefOf(encoded.png, encoded.image, heatImageShares(full))
  if (old.capture && old.capture.method !== score.method) {
    warnings.push(
      `The previous capture (HCC ${old.capture.hcc.toFixed(2)}) was scored with method ${old.capture.method}; this one uses ${score.method}, which weighs what is visible on the canvas. The two scores are not directly comparable.`,
    )
  }
  if (pictureHashes(current).length > 0 && !baseline.snapshot.images) {
    warnings.push('This pattern was marked before Loomprint read pictures: its baseline holds no sample of them, so a replaced picture counts as wholly new. Mark it again to compare pictures by their pixels.')
  }
  report({ phase: 'scoring', done: 1, total: 1 })

  // The journal is evidence; a broken chain is reported, not fatal.
  report({ phase: 'journal', done: 0, total: evidence.journals.length })
  const journals: Journal[] = []
  const journalChecks: JournalCheck[] = []
  for (const read of [...evidence.journals].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))) {
    // `read.userId` is the chain's key prefix: one chain per person and Figma session
    // (`journal.<user>.s<session>.<n>`, issue #19, 2), or `<user>` for chains from before.
    const chain = read.userId
    const userId = chain.replace(/\.s\d+$/, '')
    if (read.ok) {
      journals.push(read.journal)
      journalChecks.push({ chain, userId, name: read.journal.user.name, ok: true, error: null, entries: read.journal.entries.length })
    } else {
      journalChecks.push({ chain, userId, name: userId, ok: false, error: read.error, entries: 0 })
      warnings.push(`The edit journal of user ${userId} does not verify: ${read.error} Its edits are left out of the summary.`)
    }
  }
  const journal = summarizeJournals(journals)
  const unattributed = attributeCapture(comparison.shares, journals, baseline.snapshot, current)
  if (unattributed.elements > 0) {
    warnings.push(
      `${String(Math.round(unattributed.share * 100))}% of the measured change (${String(unattributed.elements)} layer${unattributed.elements === 1 ? '' : 's'}) is not attributed: no edit journal saw it, so it was made while Loomprint was closed.`,
    )
  }

  const at = new Date(ctx.now()).toISOString()
  const fresh = capturedRecord(old, { nodeId, at, by: ctx.user, newId: ctx.newId, names: reading.names }, score, policy, journal, heatRef, unattributed)
  // The same measurement again is not a new capture: the stored one (and a review of it) stands.
  // A record stored in an older form (migrated on reading) is rewritten in the current one.
  const unchanged =
    !copy && old.capture !== null && fresh.capture !== null && sameMeasurement(old.capture, fresh.capture) && storedAsIs(stored.record ?? '', old)
  const record = unchanged ? old : fresh
  const recordJson = JSON.stringify(record)
  checkRecordSize(recordJson)
  // The public summary names the pattern's license (its terms' fingerprint), if any.
  const summary = summaryJson(record, currentLicenseId(evidence.license, record))
  throwIfCancelled(ctx.signal)
  report({ phase: 'writing', done: 0, total: 1 })
  if (!unchanged) await client.request('writeProvenance', {
    nodeId,
    mode: 'capture',
    expect: stored.record,
    // The heat map goes in the same write as the record that vouches for it: one undo step.
    entries: [{ key: HEATMAP_KEY, value: heatMapEntry(encoded.png) }],
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
    heat: comparison.map,
    heatImage: encoded.image,
    names: reading.names,
    journal,
    journalChecks,
    unattributed,
    lineage: copy ? { copiedFrom: old.patternId, copiedFromNode: old.rootNodeId } : null,
    policyFingerprint: score.policyFingerprint,
    record,
    unchanged,
    warnings,
    pictures: comparison.pictures,
  }
}

