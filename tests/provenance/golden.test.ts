/**
 * Golden stored bytes: strings written by the baseline codec and the journal encoder
 * when their formats were frozen (tests/provenance/golden/make-golden.ts). Files in
 * Figma keep these bytes for years, so a change that alters a layout on both sides at
 * once (encoder and decoder together, every round-trip test still green) must fail here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeBaseline, encodeBaseline } from '../../src/storage/baseline-codec'
import { decodeJournalChunks, verifyJournal } from '../../src/storage/journal'
import type { PatternSnapshot } from '../../src/coefficient/snapshot'
import type { JournalEntry } from '../../src/storage/journal'

const golden = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'golden', name), 'utf8'))

describe.each(['handmade', 'irregular-100', 'textile-100', 'textile-paths-100', 'placement-4'])('stored baseline %s', (name) => {
  const { chunks, hash, snapshot } = golden(`${name}.baseline.json`) as { chunks: string[]; hash: string; snapshot: PatternSnapshot }

  it('still decodes to the snapshot it was written from', () => {
    const decoded = decodeBaseline(chunks, hash)
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    // Same values and the same key order: stored snapshots are hashed and diffed as JSON.
    expect(JSON.stringify(decoded.snapshot)).toBe(JSON.stringify(snapshot))
    expect(decoded.snapshot).toEqual(snapshot)
  })

  it('is written again in a form that decodes to the same snapshot', () => {
    const encoded = encodeBaseline(snapshot, { chunkChars: 2_000 })
    const decoded = decodeBaseline(encoded.chunks, encoded.hash)
    // Written now, it is format 5, which says its masks were read (none are masks here).
    expect(decoded.ok && decoded.snapshot.masksRead).toBe(true)
    const { masksRead: _, ...rest } = decoded.ok ? decoded.snapshot : snapshot
    expect(JSON.stringify(rest)).toBe(JSON.stringify({ ...snapshot, masksRead: undefined }))
  })
})

describe('placement', () => {
  it('baselines before format 4 decode in the bounding-box placement; format 4 says own boxes, with its flips', () => {
    for (const name of ['handmade', 'irregular-100', 'textile-100', 'textile-paths-100']) {
      const { chunks, hash } = golden(`${name}.baseline.json`) as { chunks: string[]; hash: string }
      const decoded = decodeBaseline(chunks, hash)
      expect(decoded.ok && decoded.snapshot.placement).toBeUndefined()
    }
    const { chunks, hash } = golden('placement-4.baseline.json') as { chunks: string[]; hash: string }
    const decoded = decodeBaseline(chunks, hash)
    if (!decoded.ok) throw new Error(decoded.error)
    expect(decoded.snapshot.placement).toBe('own-box')
    const flipped = decoded.snapshot.elements.filter((e) => e.flipped)
    expect(flipped.length).toBeGreaterThan(5)
    expect(flipped.some((e) => e.pathData !== undefined && e.rotation !== 0)).toBe(true)
  })
})

describe('stored journal', () => {
  const { chunks, head, entries } = golden('session.journal.json') as { chunks: string[]; head: string; entries: JournalEntry[] }

  it('still decodes to its entries and head', () => {
    const loaded = decodeJournalChunks(chunks)
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    expect(loaded.head).toBe(head)
    expect(loaded.journal.entries).toEqual(entries)
    expect(verifyJournal(chunks, head)).toMatchObject({ ok: true })
  })
})
