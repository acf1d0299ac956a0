/**
 * The provenance record and its neighbours in plugin data: zod/mini schemas (the
 * same schemas run in the size-limited main bundle and in the UI), parsers that
 * never throw and explain every problem per field, and the storage key names.
 *
 * Times in the record are ISO 8601 strings (readable in a pack or a plugin-data
 * inspector); the journal keeps ms-epoch numbers internally.
 */

import * as z from 'zod/mini'
import { describeIssues, formatCount, formatIssues, type FieldIssue } from './issues'
import { RASTER_MAX_BYTES } from '../storage/entry-limit'
import { METHOD, METHODS, TOP_ELEMENTS } from '../coefficient/method'
import { TeamPolicySchema } from './policy'
import { utf8Length } from '../storage/utf8'

// ---------------------------------------------------------------------------
// Keys

/** Private plugin data on the pattern root: the record JSON. */
export const RECORD_KEY = 'record'
/** Shared plugin data namespace and key of the public summary. */
export const SUMMARY_NAMESPACE = 'loomprint'
export const SUMMARY_KEY = 'summary'

/** Private plugin data: the last capture's heat map, a PNG as base64 (heatmap-entry.ts). */
export const HEATMAP_KEY = 'heatmap'

/** `baseline.<generation>.<n>`: chunk n of a baseline generation. */
export function baselineKey(generation: number, n: number): string {
  return 'baseline.' + generation + '.' + n
}

/**
 * `journal.<userId>.s<session>.<n>`: chunk n of one person's journal in one Figma session
 * (tab or device; `figma.currentUser.sessionId`), so two tabs of one person never write
 * the same keys (issue #19, 2). Without a session: `journal.<userId>.<n>`, the keys of
 * journals written before, still read.
 */
export function journalKey(userId: string, n: number, session?: number): string {
  return 'journal.' + userId + (session === undefined ? '' : '.s' + String(session)) + '.' + n
}

// ---------------------------------------------------------------------------
// Limits

export const LIMITS = {
  prompt: 8000,
  negativePrompt: 4000,
  trainingData: 2000,
  intent: 2000,
  short: 500,
  label: 200,
  note: 2000,
  id: 200,
  name: 200,
  top: TOP_ELEMENTS,
  people: 20,
  heads: 20,
} as const

/**
 * A record's JSON must fit one plugin-data entry (100 kB including the key) with
 * room to spare. The field limits keep an ASCII record far below this; the check
 * catches the rest (multi-byte text, escapes).
 */
export const RECORD_MAX_BYTES = 90_000

// ---------------------------------------------------------------------------
// Pieces

const isoDate =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/

const text = (max: number) => z.string().check(z.maxLength(max))
const required = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))
const count = () => z.int().check(z.nonnegative())
const when = () => z.string().check(z.regex(isoDate))
const hex64 = () => z.string().check(z.regex(/^[0-9a-f]{64}$/))
const unit = () => z.number().check(z.gte(0), z.lte(1))

export const PersonSchema = z.object({ id: required(LIMITS.id), name: text(LIMITS.name) })
export type Person = z.infer<typeof PersonSchema>

export const PatternIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{21}$/))

export const AiOriginSchema = z.object({
  /** The tool, e.g. "Midjourney", "ComfyUI", "Adobe Firefly". */
  generator: required(LIMITS.short),
  model: required(LIMITS.short),
  modelVersion: text(LIMITS.short),
  prompt: text(LIMITS.prompt),
  negativePrompt: z.optional(text(LIMITS.negativePrompt)),
  /** A safe integer; tools with 64-bit seeds should be declared in `intent` or `prompt` parameters. */
  seed: z.optional(count()),
  fineTune: z.optional(z.object({ name: required(LIMITS.short), version: text(LIMITS.short) })),
  /** e.g. "CreativeML OpenRAIL-M". */
  modelLicense: text(LIMITS.short),
  /** The training-data declaration, as the model's provider states it. */
  trainingData: text(LIMITS.trainingData),
  /** The designer's creative intent. */
  intent: text(LIMITS.intent),
  /** ISO 8601 date or date-time. */
  generatedAt: when(),
})
export type AiOrigin = z.infer<typeof AiOriginSchema>

export const BaselineRefSchema = z.object({
  generation: count(),
  chunks: z.int().check(z.gte(1)),
  /** SHA-256 hex of the stored baseline string (see baseline-codec.ts). */
  hash: hex64(),
  elements: count(),
  bytes: count(),
  capturedAt: when(),
  capturedBy: PersonSchema,
})
export type BaselineRef = z.infer<typeof BaselineRefSchema>

export const BREAKDOWN_KEYS = ['color', 'shape', 'transform', 'style', 'text', 'added', 'removed'] as const

export const BreakdownSchema = z.object({
  color: unit(),
  shape: unit(),
  transform: unit(),
  style: unit(),
  text: unit(),
  added: unit(),
  removed: unit(),
})

export const ContributionSchema = z.object({
  id: required(LIMITS.id),
  path: text(LIMITS.id),
  type: text(LIMITS.name),
  /** 'changed' | 'added' | 'removed' … as the coefficient names it. */
  kind: text(LIMITS.name),
  contribution: unit(),
  /**
   * The layer's name when it was captured, so a pack says "Paisley 5" where a person
   * sees it rather than an id. Absent on captures made before names were kept, and for
   * an element removed before any capture named it.
   */
  name: z.optional(text(LIMITS.name)),
})

export const JournalDigestSchema = z.object({
  edits: count(),
  people: z.array(z.object({ id: required(LIMITS.id), name: text(LIMITS.name), edits: count() })).check(
    z.maxLength(LIMITS.people),
  ),
  // `session`: the chain's Figma session (issue #19, 2); absent for chains from before.
  heads: z.array(z.object({ userId: required(LIMITS.id), session: z.optional(count()), head: hex64(), entries: count() })).check(
    z.maxLength(LIMITS.heads),
  ),
})

export const DigitalSourceTypeSchema = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,79}$|^https?:\/\/\S{1,200}$/))

/**
 * The capture's heat map, stored in its own entry (HEATMAP_KEY): what the record
 * vouches for, so a stale or hand-edited picture is told apart from the real one.
 */
export const HeatMapRefSchema = z.object({
  /** SHA-256 hex of the PNG bytes (the same hash the pack lists for the file). */
  sha256: hex64(),
  bytes: z.int().check(z.gte(1), z.lte(RASTER_MAX_BYTES)),
  width: z.int().check(z.gte(1), z.lte(256)),
  height: z.int().check(z.gte(1), z.lte(256)),
  /** Share of the map's pixels highlighted as changed, added, removed. */
  shares: z.object({ changed: unit(), added: unit(), removed: unit() }),
})
export type HeatMapRef = z.infer<typeof HeatMapRefSchema>

export const CaptureSchema = z.object({
  hcc: unit(),
  label: required(LIMITS.label),
  /** IPTC digital source type term, e.g. "compositeWithTrainedAlgorithmicMedia". */
  digitalSourceType: DigitalSourceTypeSchema,
  breakdown: BreakdownSchema,
  top: z.array(ContributionSchema).check(z.maxLength(LIMITS.top)),
  added: count(),
  removed: count(),
  changed: count(),
  /** Which method scored it; captures from before method 2 keep 'loomprint-hcc/1'. */
  method: z.enum(METHODS),
  policyFingerprint: text(LIMITS.short),
  /** The team policy this capture was scored with, so the score can be recomputed later. */
  policy: z.optional(TeamPolicySchema),
  /** How baseline and current elements were matched. */
  matchedBy: z.enum(['id', 'path']),
  at: when(),
  by: PersonSchema,
  journal: JournalDigestSchema,
  /** Absent for method-1 captures and captures made before heat maps were stored. */
  heatmap: z.optional(HeatMapRefSchema),
  /**
   * The part of the measured change no edit journal saw (made while Loomprint was closed;
   * attribution.ts). Absent in captures made before issue #19.
   */
  unattributed: z.optional(z.object({ share: unit(), hcc: unit(), elements: count() })),
})
export type Capture = z.infer<typeof CaptureSchema>

/**
 * The single review a version-1 record could hold. Version 2 keeps review history in
 * its own entry (`review.ts`); a v1 review is carried over verbatim in `legacy`.
 */
export const LegacyReviewSchema = z.object({
  status: z.enum(['approved', 'rejected']),
  by: PersonSchema,
  at: when(),
  note: text(LIMITS.note),
})
export type LegacyReview = z.infer<typeof LegacyReviewSchema>

export const LineageSchema = z.object({
  copiedFrom: PatternIdSchema,
  copiedFromNode: required(LIMITS.id),
  detectedAt: when(),
})
export type Lineage = z.infer<typeof LineageSchema>

export const RECORD_SCHEMA = 'loomprint/record'
/**
 * Version 2 moved review decisions and license terms out of the record into their
 * own plugin-data entries (`review`, `license`), so a growing history never pushes
 * the record over its size cap. Version-1 records load through `migrateRecordValue`.
 */
export const RECORD_VERSION = 2

/** What a version-1 record held in its `review` and `license` fields, kept verbatim. */
export const LegacyFieldsSchema = z.object({
  review: z.nullable(LegacyReviewSchema),
  license: z.nullable(z.object({ id: required(LIMITS.id) })),
})

export const ProvenanceRecordSchema = z.object({
  schema: z.literal(RECORD_SCHEMA),
  version: z.literal(RECORD_VERSION),
  patternId: PatternIdSchema,
  /** The node the record was written on: differs from the current node on copies. */
  rootNodeId: required(LIMITS.id),
  origin: AiOriginSchema,
  baseline: BaselineRefSchema,
  capture: z.nullable(CaptureSchema),
  lineage: z.nullable(LineageSchema),
  /** Present only on records migrated from version 1 that had a review or license. */
  legacy: z.optional(LegacyFieldsSchema),
})
export type ProvenanceRecord = z.infer<typeof ProvenanceRecordSchema>

/**
 * The record's layer is a duplicate or pasted copy of the one it was written on
 * (plugin data travels with copies; the copy has a new node id).
 */
export function isCopy(record: ProvenanceRecord, nodeId: string): boolean {
  return record.rootNodeId !== nodeId
}

/**
 * Whose is an entry (review history, license) that names pattern `entryPatternId`,
 * stored on the layer of `record`? Its own; inherited from the pattern this layer was
 * copied from (a captured copy has a new id and lineage pointing at the original:
 * plugin data travels with copies); or foreign — a hand edit or damage, to be
 * reported and kept, never overwritten.
 */
export function entryOwnership(
  record: Pick<ProvenanceRecord, 'patternId' | 'lineage'>,
  entryPatternId: string,
): 'own' | 'inherited' | 'foreign' {
  if (entryPatternId === record.patternId) return 'own'
  return record.lineage?.copiedFrom === entryPatternId ? 'inherited' : 'foreign'
}

/**
 * Brings a parsed record JSON value up to the current version; anything that is not a
 * version-1 record object comes back unchanged (validation then reports it).
 *
 * v1 → v2: `review` and `license` leave the record. When either was set, both are
 * kept verbatim under `legacy` (nothing is lost); when both were null they are dropped.
 * Key order otherwise stays as written.
 */
export function migrateRecordValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const v1 = value as { [key: string]: unknown }
  if (v1.schema !== RECORD_SCHEMA || v1.version !== 1) return value
  const out: { [key: string]: unknown } = {}
  for (const key of Object.keys(v1)) {
    if (key === 'review' || key === 'license') continue
    out[key] = key === 'version' ? RECORD_VERSION : v1[key]
  }
  const review = v1.review === undefined ? null : v1.review
  const license = v1.license === undefined ? null : v1.license
  if (review !== null || license !== null) out.legacy = { review, license }
  return out
}

/** The public summary in shared plugin data `loomprint` / `summary`. */
export const PatternSummarySchema = z.object({
  hcc: z.nullable(unit()),
  label: required(LIMITS.label),
  digitalSourceType: DigitalSourceTypeSchema,
  licenseId: z.nullable(required(LIMITS.id)),
  method: z.enum(METHODS),
  patternId: PatternIdSchema,
})
export type PatternSummary = z.infer<typeof PatternSummarySchema>

// ---------------------------------------------------------------------------
// Human-readable issues

export type { FieldIssue }
export { formatCount, formatIssues }

const LABELS: { readonly [key: string]: string } = {
  generator: 'Generator (tool)',
  model: 'Model',
  modelVersion: 'Model version',
  prompt: 'Prompt',
  negativePrompt: 'Negative prompt',
  seed: 'Seed',
  fineTune: 'Fine-tune',
  modelLicense: 'Model license',
  trainingData: 'Training-data declaration',
  intent: 'Creative intent',
  generatedAt: 'Generation date',
  patternId: 'Pattern id',
  rootNodeId: 'Root node id',
  hcc: 'Human-contribution coefficient',
  digitalSourceType: 'Digital source type',
  capturedAt: 'Capture time',
  at: 'Time',
  detectedAt: 'Detection time',
  note: 'Note',
  status: 'Review status',
  hash: 'Hash',
  head: 'Journal head',
  copiedFrom: 'Copied-from pattern id',
}

/** The record's issues in the words of the Capture form (the shared describer, record labels). */
function issuesOf(error: { issues: readonly z.core.$ZodIssue[] }, input: unknown): FieldIssue[] {
  return describeIssues(error, input, { labels: LABELS, fallbackLabel: 'The value' })
}



// ---------------------------------------------------------------------------
// Parsers (never throw)

export function parseAiOrigin(input: unknown): { ok: true; origin: AiOrigin } | { ok: false; issues: FieldIssue[] } {
  const r = z.safeParse(AiOriginSchema, input)
  return r.success ? { ok: true, origin: r.data } : { ok: false, issues: issuesOf(r.error, input) }
}

export function parseRecord(
  json: string,
): { ok: true; record: ProvenanceRecord } | { ok: false; error: string; issues: FieldIssue[]; raw: string } {
  if (typeof json !== 'string') {
    const error = 'The record is not a string.'
    return { ok: false, error, issues: [{ path: '', message: error }], raw: String(json) }
  }
  const size = utf8Length(json)
  if (size > RECORD_MAX_BYTES) {
    const error = `The record is too large (${formatCount(size)} bytes; at most ${formatCount(RECORD_MAX_BYTES)}).`
    return { ok: false, error, issues: [{ path: '', message: error }], raw: json }
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (err) {
    const error = `The record is not valid JSON (${err instanceof Error ? err.message : String(err)}).`
    return { ok: false, error, issues: [{ path: '', message: error }], raw: json }
  }
  // Records written by earlier versions load as the current version (tested migration).
  value = migrateRecordValue(value)
  const r = z.safeParse(ProvenanceRecordSchema, value)
  if (r.success) return { ok: true, record: r.data }
  const issues = issuesOf(r.error, value)
  return { ok: false, error: `The record is invalid: ${formatIssues(issues)}.`, issues, raw: json }
}

export function parseSummary(json: string): { ok: true; summary: PatternSummary } | { ok: false; error: string } {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return { ok: false, error: 'The summary is not valid JSON.' }
  }
  const r = z.safeParse(PatternSummarySchema, value)
  return r.success
    ? { ok: true, summary: r.data }
    : { ok: false, error: `The summary is invalid: ${formatIssues(issuesOf(r.error, value))}.` }
}

/**
 * The public summary of a record (what goes into shared plugin data). `licenseId` is
 * the fingerprint of the pattern's current license terms (its own entry), if any; a
 * migrated v1 record's license id otherwise.
 */
export function summaryOf(record: ProvenanceRecord, licenseId: string | null = null): PatternSummary {
  const c = record.capture
  return {
    hcc: c ? c.hcc : null,
    label: c ? c.label : 'AI-generated',
    digitalSourceType: c ? c.digitalSourceType : 'trainedAlgorithmicMedia',
    licenseId: licenseId ?? record.legacy?.license?.id ?? null,
    method: c ? c.method : METHOD,
    patternId: record.patternId,
  }
}
