/**
 * One read of a pattern's evidence: the record, its review log, its licence entry and
 * its edit journals, as main read them, each parsed once and judged against the record
 * once (whose review, whose licence), with every damaged piece named once. Capture,
 * review, license and export take this view instead of each re-parsing the texts it
 * needs; how a damage is worded stays with the screen that shows it. The heat map is
 * read on its own request (so a capture never carries it) and checked against this
 * view's record (src/ui/shared/heatmap-workflow.ts).
 *
 * Pure; it lives in the licence room because the licence entry is part of the view.
 * A damaged piece is reported and kept, never repaired here: the texts are kept as
 * read, so a save can still expect them unchanged.
 */
import { decodeJournalChunks, type Journal } from '../storage/journal'
import { entryOwnership, isCopy, parseRecord, type ProvenanceRecord } from '../provenance/record'
import { journalHeadFromHeader, parseReviewLog, reviewFor, type JournalHeadNow, type ReviewLogParse } from '../provenance/review'
import { parseLicenseEntry, type LicenseEntry } from './stamp'

/** The texts of one pattern as main read them (absent pieces: not asked for). */
export interface StoredTexts {
  nodeId: string
  name: string
  record: string | null
  review?: string | null
  license?: string | null
  /** Every journal's chunks per user id (a capture, the License and Export tabs). */
  journals?: Readonly<Record<string, readonly string[]>>
  /** Only each journal's last chunk header (the review list reads no more). */
  journalHeads?: readonly string[]
}

export type RecordRead =
  | { kind: 'untracked' }
  | { kind: 'damaged'; error: string }
  /** `raw`: the record's text as read, which a save must find unchanged. */
  | { kind: 'ok'; record: ProvenanceRecord; raw: string }

/**
 * The licence entry. `owner` is judged against the record ('own' when the record is
 * damaged: nothing to judge it by, and a damaged record already blocks every use).
 */
export type LicenseRead =
  | { kind: 'none' }
  | { kind: 'damaged'; error: string }
  | { kind: 'ok'; entry: LicenseEntry; owner: 'own' | 'inherited' | 'foreign' }

/** One person's journal, in the order main listed them. */
export type JournalRead = { userId: string; ok: true; journal: Journal } | { userId: string; ok: false; error: string }

export interface PatternEvidence {
  texts: StoredTexts
  record: RecordRead
  /** A copy of a pattern captured elsewhere (its record names another root layer). */
  copy: boolean
  /** The review log as parsed, before it is matched to the record. */
  reviewParsed: ReviewLogParse | null
  /** The review log this record owns: a foreign history is refused (null: none stored). */
  review: ReviewLogParse | null
  license: LicenseRead
  journals: JournalRead[]
  /** Heads from the chunk headers (`journalHeads`); a header that does not parse is counted in `damagedHeads`. */
  heads: JournalHeadNow[]
  damagedHeads: number
}

/** Parses and judges every piece once. Never throws. */
export function readPatternEvidence(texts: StoredTexts): PatternEvidence {
  const raw = texts.record
  const parsed = raw === null ? null : parseRecord(raw)
  const record: RecordRead =
    raw === null || parsed === null ? { kind: 'untracked' } : parsed.ok ? { kind: 'ok', record: parsed.record, raw } : { kind: 'damaged', error: parsed.error }
  const own = record.kind === 'ok' ? record.record : null
  const reviewParsed = texts.review === null || texts.review === undefined ? null : parseReviewLog(texts.review)
  const heads: JournalHeadNow[] = []
  let damagedHeads = 0
  for (const line of texts.journalHeads ?? []) {
    const head = journalHeadFromHeader(line)
    if (head) heads.push(head)
    else damagedHeads++
  }
  return {
    texts,
    record,
    copy: own !== null && isCopy(own, texts.nodeId),
    reviewParsed,
    review: own ? reviewFor(own, reviewParsed) : reviewParsed,
    license: readLicense(texts.license ?? null, own),
    journals: Object.entries(texts.journals ?? {}).map(([userId, chunks]): JournalRead => {
      const decoded = decodeJournalChunks(chunks)
      return decoded.ok ? { userId, ok: true, journal: decoded.journal } : { userId, ok: false, error: decoded.error }
    }),
    heads,
    damagedHeads,
  }
}

function readLicense(raw: string | null, record: ProvenanceRecord | null): LicenseRead {
  if (raw === null) return { kind: 'none' }
  const parsed = parseLicenseEntry(raw)
  if (!parsed.ok) return { kind: 'damaged', error: parsed.error }
  return { kind: 'ok', entry: parsed.entry, owner: record ? entryOwnership(record, parsed.entry.patternId) : 'own' }
}

/**
 * The fingerprint of the terms stamped on `record`'s pattern (the public summary's
 * `licenseId`), or null: no entry, a damaged one, or one that is not this pattern's.
 * `record` may be a newer record than the view's (a capture judges the entry against
 * the record it is about to write: a copy's first capture gives it its own id).
 */
export function currentLicenseId(license: LicenseRead, record: Pick<ProvenanceRecord, 'patternId' | 'lineage'>): string | null {
  if (license.kind !== 'ok' || entryOwnership(record, license.entry.patternId) !== 'own') return null
  return license.entry.current ? license.entry.current.fingerprint : null
}
