/**
 * Storage formats: baseline size per element, journal append speed and size.
 *
 *   npm run bench -- storage
 *
 * Figures (targets in docs/storage.md):
 *   capture.bytesPerElement  stored baseline characters ÷ elements, 10,000-element textile repeat (≤ 48)
 *   capture.bytesPerElement.irregular  the same for a 10,000-element irregular pattern (traced /
 *                            scattered: every shape its own position, size, rotation, outline and
 *                            jittered colour; bench/fixtures/irregular-motifs.ts) (≤ 48)
 *   capture.bytesPerElement.paths  the textile repeat with its path data (method 2 paints
 *                            exact outlines where the baseline keeps them) (≤ 48)
 *   capture.encodeMs.irregular  baseline encode time for it, Node
 *   capture.encodeMs / decodeMs  baseline codec time for it (UI iframe work), Node
 *   journal.eventsPerSec     appendEdit incl. hashing (lazy: done by the final journalHead), realistic
 *                            2-hour session, Node (≥ 50,000)
 *   journal.bytesPerEvent    stored journal characters ÷ raw events appended (≤ 40)
 */

import { decodeBaseline, encodeBaseline } from '../src/storage/baseline-codec'
import { appendEdit, createJournal, encodeJournalChunks, journalHead, type EditEvent, type Journal } from '../src/storage/journal'
import { editingSession } from './fixtures/editing-session'
import { irregularMotifs } from './fixtures/irregular-motifs'
import { textileRepeat, withPathData } from './fixtures/textile-repeat'

export async function run(): Promise<Record<string, number>> {
  const snapshot = textileRepeat(10_000, 1)
  let encoded = encodeBaseline(snapshot)
  let encodeMs = Infinity
  let decodeMs = Infinity
  for (let round = 0; round < 3; round++) {
    let t0 = performance.now()
    encoded = encodeBaseline(snapshot)
    encodeMs = Math.min(encodeMs, performance.now() - t0)
    t0 = performance.now()
    const decoded = decodeBaseline(encoded.chunks, encoded.hash)
    decodeMs = Math.min(decodeMs, performance.now() - t0)
    if (!decoded.ok) throw new Error(decoded.error)
  }
  const bytesPerElement = encoded.bytes / encoded.elements

  const withPaths = encodeBaseline(withPathData(snapshot))

  const irregular = irregularMotifs(10_000, 1)
  let irregularEncoded = encodeBaseline(irregular)
  let irregularEncodeMs = Infinity
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now()
    irregularEncoded = encodeBaseline(irregular)
    irregularEncodeMs = Math.min(irregularEncodeMs, performance.now() - t0)
  }
  const irregularDecoded = decodeBaseline(irregularEncoded.chunks, irregularEncoded.hash)
  if (!irregularDecoded.ok) throw new Error(irregularDecoded.error)

  const events: EditEvent[] = editingSession({ minutes: 120, seed: 7 })
  // Warm up, then time the best of a few runs of the whole session.
  let best = Infinity
  let journal: Journal = createJournal({ id: '1234567890', name: 'Ada Designer' })
  for (let round = 0; round < 5; round++) {
    journal = createJournal({ id: '1234567890', name: 'Ada Designer' })
    const t0 = performance.now()
    for (const e of events) appendEdit(journal, e)
    journalHead(journal) // the hashing appendEdit leaves for the next read
    best = Math.min(best, performance.now() - t0)
  }
  const chunks = encodeJournalChunks(journal)
  let stored = 0
  for (const c of chunks) stored += c.length

  return {
    'capture.bytesPerElement': round2(bytesPerElement),
    'capture.bytesPerElement.paths': round2(withPaths.bytes / withPaths.elements),
    'capture.bytesPerElement.irregular': round2(irregularEncoded.bytes / irregularEncoded.elements),
    'capture.encodeMs': round2(encodeMs),
    'capture.encodeMs.irregular': round2(irregularEncodeMs),
    'capture.decodeMs': round2(decodeMs),
    'journal.eventsPerSec': Math.round(events.length / (best / 1000)),
    'journal.bytesPerEvent': round2(stored / events.length),
  }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100
}
