/**
 * How a provenance record is assembled when a pattern is marked and when it is
 * captured, and what the file shows about it (public summary, relaunch text): product
 * rules over plain facts. ui/ runs the workflows and host/ writes; neither decides.
 * What the file shows about a record (summary, relaunch text) is in record-text.ts,
 * which the main bundle uses without the scorer this module names.
 */

import canonicalize from 'canonicalize'
import type { JournalSummary } from '../storage/journal'
import type { TeamPolicy } from './policy'
import type { Attribution } from './attribution'
import {
  LIMITS,
  RECORD_SCHEMA,
  RECORD_VERSION,
  type AiOrigin,
  type Capture,
  type HeatMapRef,
  type Lineage,
  type ProvenanceRecord,
} from './record'
import { TOP_ELEMENTS, type ContributionScore } from '../coefficient/score'

export interface Person {
  id: string
  name: string
}

/** The baseline as stored: what the codec returned for it. */
export interface StoredBaseline {
  chunks: readonly string[]
  hash: string
  bytes: number
  elements: number
}

/** Who acts, where and when: `at` is ISO 8601. */
export interface RecordEvent {
  nodeId: string
  at: string
  by: Person
  /** Node id → layer name as read at the capture (absent: the top elements carry no names). */
  names?: ReadonlyMap<string, string>
}

/** The generation a pattern's first baseline is stored under. */
export const FIRST_BASELINE_GENERATION = 1

/** A new record for a layer just marked as AI-generated: its baseline, no capture yet. */
export function markedRecord(
  input: RecordEvent & { origin: AiOrigin; patternId: string; baseline: StoredBaseline },
): ProvenanceRecord {
  return {
    schema: RECORD_SCHEMA,
    version: RECORD_VERSION,
    patternId: input.patternId,
    rootNodeId: input.nodeId,
    origin: input.origin,
    baseline: {
      generation: FIRST_BASELINE_GENERATION,
      chunks: input.baseline.chunks.length,
      hash: input.baseline.hash,
      bytes: input.baseline.bytes,
      elements: input.baseline.elements,
      capturedAt: input.at,
      capturedBy: { id: input.by.id, name: input.by.name },
    },
    capture: null,
    lineage: null,
  }
}

// Whether a layer is a copy of the one its record was written on: one rule, in record.ts
// (the review, in the main bundle too, needs it without the scorer this module names).
import { isCopy } from './record'
export { isCopy }

/** What the score contributes to a capture (the fields of ContributionScore it keeps). */
export type CaptureScore = Pick<
  ContributionScore,
  'hcc' | 'label' | 'digitalSourceType' | 'breakdown' | 'method' | 'matchedBy' | 'policyFingerprint' | 'added' | 'removed' | 'changed' | 'elements'
>

/**
 * The record after a capture. A copy is a new pattern: it gets a new id (`newId` is
 * called only then), lineage pointing at the original, and no review (an approval
 * holds for the original's capture only). `heatmap` is what the record vouches for of
 * the heat map written with it (heatmap-entry.ts); without one the capture names none.
 */
export function capturedRecord(
  old: ProvenanceRecord,
  event: RecordEvent & { newId: () => string },
  score: CaptureScore,
  policy: TeamPolicy,
  journal: Pick<JournalSummary, 'edits' | 'people' | 'heads'>,
  heatmap: HeatMapRef | null = null,
  unattributed: Attribution | null = null,
): ProvenanceRecord {
  const copy = isCopy(old, event.nodeId)
  const lineage: Lineage | null = copy
    ? { copiedFrom: old.patternId, copiedFromNode: old.rootNodeId, detectedAt: event.at }
    : old.lineage
  // The review and license entries name the pattern id they belong to, so a copy (new id)
  // starts without them; a migrated v1 record's review and license stay with the original.
  const { legacy, ...kept } = old
  return {
    ...kept,
    ...(legacy && !copy ? { legacy } : {}),
    patternId: copy ? event.newId() : old.patternId,
    rootNodeId: event.nodeId,
    lineage,
    capture: {
      hcc: score.hcc,
      label: score.label,
      digitalSourceType: score.digitalSourceType,
      breakdown: score.breakdown,
      method: score.method,
      matchedBy: score.matchedBy,
      policyFingerprint: score.policyFingerprint,
      policy,
      added: score.added,
      removed: score.removed,
      changed: score.changed,
      top: score.elements.slice(0, TOP_ELEMENTS).map((e) => {
        // A removed element has no layer any more: the name the last capture knew it by.
        const name = event.names?.get(e.id) ?? old.capture?.top.find((t) => t.id === e.id)?.name
        return { id: e.id, path: e.path, type: e.type, kind: e.kind, contribution: e.contribution, ...(name !== undefined ? { name: name.slice(0, LIMITS.name) } : {}) }
      }),
      journal: {
        edits: journal.edits,
        people: journal.people.slice(0, LIMITS.people),
        heads: journal.heads.slice(0, LIMITS.heads),
      },
      at: event.at,
      by: { id: event.by.id, name: event.by.name },
      ...(heatmap ? { heatmap } : {}),
      ...(unattributed ? { unattributed: { share: unattributed.share, hcc: unattributed.hcc, elements: unattributed.elements } } : {}),
    },
  }
}

/**
 * Whether a new capture measured exactly what the stored one did: same method, policy,
 * score, breakdown, elements, heat map and edit journals; only who captured and when
 * differ (layer names are display, not measurement). Such a capture is not written:
 * re-measuring an unchanged pattern must not replace the capture a review approved
 * (issue #21, item 1: opening the plugin cost Bo's approval and named Lu as the measurer).
 */
export function sameMeasurement(stored: Capture, fresh: Capture): boolean {
  const measured = (c: Capture) => {
    const { at: _at, by: _by, top, ...rest } = c
    return canonicalize({ ...rest, top: top.map(({ name: _name, ...t }) => t) })
  }
  return measured(stored) === measured(fresh)
}
