/**
 * Issue #19, problem 1: a designer's Cmd+Z must never tear the journal. Plugin writes
 * join the person's undo history until `commitUndo()` (plugin-api.d.ts:273-294), so an
 * undo can take back a journal write at any moment; how Figma mixes it with the
 * person's own steps is undocumented, so each case runs under both readings the fake
 * offers (tests/figma-fake/README.md, "Undo").
 */
import { describe, expect, it } from 'vitest'
import { decodeJournalChunks } from '../../src/storage/journal'
import { markAsync } from '../../src/ui/workflows'
import { createFigmaWorld, type FigmaWorldOptions } from '../figma-fake/index'
import { ADA, drawPattern, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'
import { chainsOn, storedEdits } from './journal-inspect'

const READINGS: NonNullable<FigmaWorldOptions['uncommittedPluginWrites']>[] = ['own-step', 'join-last-step']
/** Small chunks, so a few edits cross a chunk boundary. */
const CHUNK_CHARS = 400

async function flushJournal(world: ReturnType<typeof createFigmaWorld>, user: PluginUser): Promise<void> {
  await world.flush()
  await user.client.request('flushJournal', {})
  await world.flush()
}

async function markedPattern(reading: (typeof READINGS)[number]) {
  const world = createFigmaWorld({ uncommittedPluginWrites: reading })
  const ada = openPlugin(world, ADA, { journalChunkChars: CHUNK_CHARS })
  const { frame, tiles } = drawPattern(world, ada)
  const outcome = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  if (outcome.kind !== 'done' || outcome.failed.length > 0) throw new Error(JSON.stringify(outcome))
  await world.flush()
  let k = 0
  /** One edit by Ada: six kinds in turn (3 tiles × move / recolour), so entries do not compact. */
  const edit = (): void => {
    const tile = tiles[k % 3]
    const recolour = Math.floor(k / 3) % 2 === 1
    k++
    world.edit(ada.session, () => {
      if (recolour) tile.fills = [{ type: 'SOLID', color: { r: (k % 10) / 10, g: 0.4, b: 0.6 } }]
      else tile.x += 1
    })
  }
  return { world, ada, frame, tiles, edit, edits: () => k }
}

describe('an undo right after a journal write', () => {
  for (const reading of READINGS) {
    it(`leaves a journal that verifies and keeps growing, also across a chunk boundary (${reading})`, async () => {
      const { world, ada, frame, edit } = await markedPattern(reading)
      // Two edits a flush until a flush adds a chunk: the write that crossed the boundary
      // rewrote the last chunk and started the next one.
      let chunks = 0
      for (let i = 0; i < 200 && chunks < 2; i++) {
        edit()
        edit()
        await flushJournal(world, ada)
        chunks = chainsOn(frame).reduce((n, c) => n + c.chunks.length, 0)
      }
      expect(chunks).toBe(2)
      ada.session.undo() // the designer's Cmd+Z
      await world.flush()
      edit()
      await flushJournal(world, ada)
      edit()
      await flushJournal(world, ada)
      for (const chain of chainsOn(frame)) {
        const decoded = decodeJournalChunks(chain.chunks)
        expect(decoded.ok ? 'verifies' : decoded.error).toBe('verifies')
      }
    })
  }

  it('is one step: one Cmd+Z takes back at most the last journal write, never two (commitUndo)', async () => {
    const { world, ada, frame, tiles } = await markedPattern('own-step')
    // Ben edits while Ada's plugin runs: Ada's journal records his edits (REMOTE) and
    // writes twice, while Ada herself makes no step in between.
    const ben = world.openSession({ id: '2002', name: 'Ben Colourist' })
    world.edit(ben, () => (tiles[0].x += 5))
    await flushJournal(world, ada)
    const afterFirst = chainsOn(frame).map((c) => c.chunks.join('\n'))
    world.edit(ben, () => (tiles[1].x += 5))
    await flushJournal(world, ada)
    ada.session.undo()
    expect(chainsOn(frame).map((c) => c.chunks.join('\n'))).toEqual(afterFirst)
  })

  it('loses no edit: everything Ada did while the plugin ran is stored once it closes', async () => {
    const { world, ada, frame, edit, edits } = await markedPattern('own-step')
    for (let i = 0; i < 12; i++) {
      edit()
      await flushJournal(world, ada)
    }
    ada.session.undo() // takes back the last journal write
    await world.flush()
    ada.figma.closePlugin() // the person closes the plugin: its close handler writes what is pending
    await world.flush()
    expect(storedEdits(frame, ADA.id, 'LOCAL')).toBeGreaterThanOrEqual(edits())
  })
})
