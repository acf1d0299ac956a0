/**
 * What the file shows about a record besides the record itself: the public summary,
 * the relaunch button's text, and whether the record's JSON fits its entry. Used by
 * the UI (before sending) and by main (when writing); kept apart from
 * record-assembly.ts so the main bundle does not carry the scorer.
 */

import { ENTRY_LIMIT_BYTES } from '../storage/entry-limit'
import { hccText } from './hcc-text'
import { summaryOf, type ProvenanceRecord } from './record'
import { utf8Length } from '../storage/utf8'

/** The public summary JSON (shared plugin data). Marked, not yet captured: AI-generated with HCC 0. */
export function summaryJson(record: ProvenanceRecord, licenseId: string | null = null): string {
  const summary = summaryOf(record, licenseId)
  return JSON.stringify(record.capture === null ? { ...summary, hcc: 0 } : summary)
}

/** The text on the layer's relaunch button (Figma: at most 1000 characters). */
export function relaunchText(record: ProvenanceRecord): string {
  const capture = record.capture
  return capture
    ? `Last capture: HCC ${hccText(capture.hcc, capture.policy?.thresholds)} (${capture.label})`
    : 'Marked as AI-generated; capture provenance after editing'
}

/**
 * Room left in the record's entry for what Figma counts besides the value: the plugin id
 * (a published id is 19 digits) and the key (`record`), with headroom.
 */
const RECORD_ENTRY_HEADROOM = 200

/** Why a record's JSON cannot be written (over Figma's entry limit), or null when it fits. */
export function recordSizeRefusal(recordJson: string): string | null {
  const bytes = utf8Length(recordJson)
  if (bytes <= ENTRY_LIMIT_BYTES - RECORD_ENTRY_HEADROOM) return null
  return `The provenance record would be ${String(Math.ceil(bytes / 1024))} kB; Figma stores at most 100 kB per entry. Shorten the origin fields. Nothing was written.`
}
