/**
 * One afternoon of a designer's work with undo at any moment, on the in-memory Figma with
 * the real host: shared by the property test (journal-undo.property.test.ts) and the bench
 * (`journal.undoTorn`). Steps are data, so fast-check can shrink a failing afternoon.
 */
import { decodeJournalChunks } from '../../src/storage/journal'
import { markAsync } from '../../src/ui/workflows'
import { createFigmaWorld, type FigmaWorld, type FigmaWorldOptions } from '../figma-fake/index'
import { ADA, BEN, drawPattern, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'
import { chainsOn, storedEdits } from './journal-inspect'

export type Step =
  /** Ada edits a tile (0..2): moves it or recolours it. */
  | { kind: 'edit'; tile: number; recolour: boolean }
  /** Ben edits in the same file: Ada's journal records it as REMOTE. */
  | { kind: 'remote'; tile: number }
  /** The journal is written (the quiet-time timer, or a capture asking for it). */
  | { kind: 'flush' }
  /** Ada presses Cmd+Z. */
  | { kind: 'undo' }
  /** Ada closes the plugin and opens it again in the same tab. */
  | { kind: 'reopen' }

export type Reading = NonNullable<FigmaWorldOptions['uncommittedPluginWrites']>

export interface Afternoon {
  /** Chains on the pattern that do not verify at the end. */
  damaged: string[]
  /** True when a last edit after everything did not reach the stored journal (appends refused). */
  refusesAppends: boolean
  /** Ada's edits made while the plugin ran, and her LOCAL edits stored at the end. */
  edits: number
  stored: number
}

async function flushJournal(world: FigmaWorld, user: PluginUser): Promise<void> {
  await world.flush()
  await user.client.request('flushJournal', {})
  await world.flush()
}

export async function runAfternoon(steps: readonly Step[], reading: Reading, chunkChars: number): Promise<Afternoon> {
  const world = createFigmaWorld({ uncommittedPluginWrites: reading })
  let ada = openPlugin(world, ADA, { journalChunkChars: chunkChars })
  const ben = world.openSession(BEN)
  const { frame, tiles } = drawPattern(world, ada)
  const marked = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  if (marked.kind !== 'done' || marked.failed.length > 0) throw new Error(JSON.stringify(marked))
  await world.flush()
  let edits = 0
  let undos = 0
  let shade = 0
  const edit = (tile: number, recolour: boolean): void => {
    const t = tiles[tile]
    shade = (shade + 1) % 10
    world.edit(ada.session, () => {
      if (recolour) t.fills = [{ type: 'SOLID', color: { r: shade / 10, g: 0.4, b: 0.6 } }]
      else t.x += 1
    })
    edits++
  }
  for (const step of steps) {
    // Each edit is delivered before the next (Figma merges changes of one node in one
    // batch: two quick edits would be one change, and the count below could not tell).
    if (step.kind === 'edit') {
      edit(step.tile, step.recolour)
      await world.flush()
    } else if (step.kind === 'remote') {
      world.edit(ben, () => (tiles[step.tile].y += 1))
      await world.flush()
    }
    else if (step.kind === 'flush') await flushJournal(world, ada)
    else if (step.kind === 'undo') {
      // Never back past the marking: undoing that untracks the pattern, which is not
      // this test's question. Each of Ada's edits is at least one step above it.
      if (undos >= edits) continue
      ada.session.undo()
      undos++
      await world.flush()
    } else {
      await world.flush()
      ada.figma.closePlugin()
      ada = openPlugin(world, ADA, { journalChunkChars: chunkChars, sameTabAs: ada.session, clockStart: Date.UTC(2025, 2, 4, 12) + edits * 60_000 })
      await world.flush()
    }
  }
  await flushJournal(world, ada)
  ada.figma.closePlugin()
  await world.flush()

  const damaged: string[] = []
  for (const { chain, chunks } of chainsOn(frame)) {
    const decoded = decodeJournalChunks(chunks)
    if (!decoded.ok) damaged.push(`${chain}: ${decoded.error}`)
  }
  const stored = damaged.length ? 0 : storedEdits(frame, ADA.id, 'LOCAL')
  // One more afternoon in the same tab: does its edit reach the stored journal?
  const probe = openPlugin(world, ADA, { journalChunkChars: chunkChars, sameTabAs: ada.session, clockStart: Date.UTC(2025, 2, 5, 9) })
  await world.flush()
  world.edit(probe.session, () => (tiles[0].rotation = 5))
  await flushJournal(world, probe)
  let refusesAppends = true
  try {
    refusesAppends = storedEdits(frame, ADA.id, 'LOCAL') <= stored
  } catch {
    refusesAppends = true
  }
  probe.figma.closePlugin()
  return { damaged, refusesAppends, edits, stored }
}
