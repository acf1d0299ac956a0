/**
 * Writes the golden stored bytes in this folder. Run once, with the codec as it was
 * when the format was frozen (`npx tsx tests/provenance/golden/make-golden.ts`); the
 * tests then read the files and never regenerate them. Regenerating after a change to
 * the codec would defeat the point: a layout changed on both sides at once must fail.
 * So a file that exists is left alone: a new format adds its own file, and running
 * this again writes only that one.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { irregularMotifs } from '../../../bench/fixtures/irregular-motifs'
import { textileRepeat, withPathData } from '../../../bench/fixtures/textile-repeat'
import { editingSession } from '../../../bench/fixtures/editing-session'
import { decodeBaseline, encodeBaseline } from '../../../src/storage/baseline-codec'
import { appendEdit, createJournal, encodeJournalChunks, journalHead } from '../../../src/storage/journal'
import { handmadeSnapshot } from './handmade-snapshot'
import type { PatternSnapshot } from '../../../src/coefficient/snapshot'
import { placementSnapshot } from './placement-snapshot'

const dir = import.meta.dirname

/** The 100-element textile repeat with its path data, its first motif group a clipping frame. */
function textileWithClipping(): PatternSnapshot {
  const s = withPathData(textileRepeat(100, 3))
  const group = s.elements.find((e) => e.type === 'GROUP')!
  group.type = 'FRAME'
  group.clipsContent = true
  return s
}

function freezeBaseline(name: string, snapshot: PatternSnapshot, chunkChars?: number): void {
  const file = join(dir, `${name}.baseline.json`)
  if (existsSync(file)) return
  const encoded = encodeBaseline(snapshot, chunkChars === undefined ? {} : { chunkChars })
  const decoded = decodeBaseline(encoded.chunks, encoded.hash)
  if (!decoded.ok) throw new Error(decoded.error)
  const placement = decoded.snapshot.placement === undefined ? '' : ', "placement": ' + JSON.stringify(decoded.snapshot.placement)
  writeFileSync(
    file,
    '{"hash": ' + JSON.stringify(encoded.hash) + ',\n"chunks": ' + JSON.stringify(encoded.chunks) + ',\n"snapshot": {"rootId": ' + JSON.stringify(decoded.snapshot.rootId) + ', "rootBounds": ' + JSON.stringify(decoded.snapshot.rootBounds) + ', "elements": [\n' + decoded.snapshot.elements.map((e) => JSON.stringify(e)).join(',\n') + '\n]' + placement + '}}\n',
  )
}

freezeBaseline('handmade', handmadeSnapshot())
freezeBaseline('irregular-100', irregularMotifs(100, 7), 2_000)
// Format 3 (method 2's geometry): shared path data, and a clipping frame.
freezeBaseline('textile-paths-100', textileWithClipping(), 2_000)
freezeBaseline('textile-100', textileRepeat(100, 3))
// Format 4: own boxes, turned, flipped and skewed layers (placement-snapshot.ts).
freezeBaseline('placement-4', placementSnapshot())

const journal = createJournal({ id: '1001', name: 'Ada' })
for (const e of editingSession({ minutes: 20, elements: 300 })) appendEdit(journal, e)
const chunks = encodeJournalChunks(journal, { maxChars: 600 })
if (!existsSync(join(dir, 'session.journal.json'))) writeFileSync(
  join(dir, 'session.journal.json'),
  '{"head": ' + JSON.stringify(journalHead(journal)) + ',\n"chunks": ' + JSON.stringify(chunks) + ',\n"entries": [\n' + journal.entries.map((e) => JSON.stringify(e)).join(',\n') + '\n]}\n',
)
