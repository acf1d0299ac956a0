/**
 * One read of a pattern's evidence (src/license/pattern-evidence.ts): each piece is
 * parsed once, judged against the record once, and every damaged piece is named once,
 * kept as read and never repaired.
 */
import { describe, expect, it } from 'vitest'
import { currentLicenseId, readPatternEvidence, type StoredTexts } from '../../src/license/pattern-evidence'
import { planStamp } from '../../src/license/stamp'
import { markedRecord } from '../../src/provenance/record-assembly'
import { REVIEW_SCHEMA, REVIEW_VERSION } from '../../src/provenance/review'
import { createJournal, encodeJournalChunks } from '../../src/storage/journal'
import { sampleTerms } from './fixtures'

const ada = { id: '1001', name: 'Ada' }
const origin = { generator: 'Midjourney', model: 'Midjourney', modelVersion: '6.1', prompt: 'ferns', modelLicense: '', trainingData: '', intent: '', generatedAt: '2025-03-01' }
const record = markedRecord({
  origin,
  nodeId: '1:0',
  patternId: 'AAAAAAAAAAAAAAAAAAAAA',
  baseline: { chunks: ['abc'], hash: 'a'.repeat(64), bytes: 3, elements: 1 },
  at: '2025-03-04T09:00:00.000Z',
  by: ada,
})
const recordJson = JSON.stringify(record)
const OTHER = 'BBBBBBBBBBBBBBBBBBBBB'
const reviewOf = (patternId: string) => JSON.stringify({ schema: REVIEW_SCHEMA, version: REVIEW_VERSION, patternId, decisions: [] })
const stamp = planStamp(sampleTerms(), { nodeId: '1:0', record, entryRaw: null, by: ada, at: '2025-03-05T09:00:00.000Z' })
if (!stamp.ok) throw new Error(stamp.reason)
const licenseJson = stamp.json
const foreignLicenseJson = JSON.stringify({ ...stamp.entry, patternId: OTHER })
const journal = encodeJournalChunks(createJournal(ada))

const texts = (over: Partial<StoredTexts> = {}): StoredTexts => ({ nodeId: '1:0', name: 'Ferns', record: recordJson, ...over })

describe('one read of a pattern’s evidence', () => {
  it.each([
    { what: 'no record', over: { record: null }, record: 'untracked' },
    { what: 'a record that is not JSON', over: { record: '{' }, record: 'damaged' },
    { what: 'a sound record', over: {}, record: 'ok' },
  ])('reads $what as $record', ({ over, record: kind }) => {
    expect(readPatternEvidence(texts(over)).record.kind).toBe(kind)
  })

  it.each([
    { what: 'no review log', review: null, parsed: null, owned: null },
    { what: 'this pattern’s log', review: reviewOf(record.patternId), parsed: true, owned: true },
    { what: 'a log that is not JSON', review: 'nope', parsed: false, owned: false },
    { what: 'another pattern’s log', review: reviewOf(OTHER), parsed: true, owned: false },
  ])('judges $what against the record once', ({ review, parsed, owned }) => {
    const read = readPatternEvidence(texts({ review }))
    expect(read.reviewParsed === null ? null : read.reviewParsed.ok).toBe(parsed)
    expect(read.review === null ? null : read.review.ok).toBe(owned)
  })

  it.each([
    { what: 'no entry', license: null, kind: 'none', owner: undefined, id: null },
    { what: 'this pattern’s entry', license: licenseJson, kind: 'ok', owner: 'own', id: stamp.entry.current?.fingerprint },
    { what: 'a damaged entry', license: '{"schema":1}', kind: 'damaged', owner: undefined, id: null },
    { what: 'another pattern’s entry', license: foreignLicenseJson, kind: 'ok', owner: 'foreign', id: null },
  ])('reads $what once, with whose it is', ({ license, kind, owner, id }) => {
    const read = readPatternEvidence(texts({ license }))
    expect(read.license.kind).toBe(kind)
    if (read.license.kind === 'ok') expect(read.license.owner).toBe(owner)
    expect(currentLicenseId(read.license, record)).toBe(id)
  })

  it('judges a licence entry as its own when the record is damaged (nothing to judge it by)', () => {
    const read = readPatternEvidence(texts({ record: '{', license: foreignLicenseJson }))
    expect(read.license).toMatchObject({ kind: 'ok', owner: 'own' })
  })

  it('a copy’s first capture does not name the original’s licence (judged against the new record)', () => {
    const read = readPatternEvidence(texts({ nodeId: '9:9', license: licenseJson }))
    expect(read.copy).toBe(true)
    const copyRecord = { ...record, patternId: OTHER, lineage: { copiedFrom: record.patternId, copiedFromNode: '1:0', detectedAt: '2025-03-06T09:00:00.000Z' } }
    expect(currentLicenseId(read.license, copyRecord)).toBeNull()
  })

  it('keeps every journal in the order main listed them, a broken one with why', () => {
    const read = readPatternEvidence(texts({ journals: { '2002': ['broken'], [ada.id]: journal } }))
    expect(read.journals.map((j) => [j.userId, j.ok])).toEqual([
      [ada.id, true],
      ['2002', false],
    ])
    const broken = read.journals.find((j) => !j.ok)
    expect(broken && !broken.ok ? broken.error : '').not.toBe('')
  })

  it('counts each chunk header that does not parse, once', () => {
    const read = readPatternEvidence(texts({ journalHeads: ['nope', '{}', 'also nope'] }))
    expect(read.heads).toEqual([])
    expect(read.damagedHeads).toBe(3)
  })

  it('keeps the texts exactly as read', () => {
    const stored = texts({ record: '{', review: 'x', license: 'y' })
    expect(readPatternEvidence(stored).texts).toBe(stored)
  })
})
