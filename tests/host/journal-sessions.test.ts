/**
 * Issue #19, problem 2: one person in two tabs (or on two devices) journals in two
 * sessions (`figma.currentUser.sessionId`, plugin-api.d.ts:12794-12799). Each keeps its
 * own chain; neither overwrites the other; journals written before sessions still read.
 */
import { describe, expect, it } from 'vitest'
import { appendEdit, createJournal, encodeJournalChunks } from '../../src/storage/journal'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { ADA, captured, drawPattern, openPlugin, ORIGIN } from '../support/plugin-session'
import { chainsOn, storedEdits } from './journal-inspect'

describe('one person in two tabs', () => {
  it('keeps both tabs’ edits, each in its own chain that verifies', async () => {
    const world = createFigmaWorld()
    const tab1 = openPlugin(world, ADA)
    const tab2 = openPlugin(world, ADA)
    expect(tab1.figma.currentUser?.sessionId).not.toBe(tab2.figma.currentUser?.sessionId)
    const { frame, tiles } = drawPattern(world, tab1)
    const marked = await markAsync(tab1.client, [frame.id], ORIGIN, tab1.ctx)
    expect(marked.kind).toBe('done')
    await world.flush()
    for (let i = 0; i < 3; i++) {
      world.edit(tab1.session, () => (tiles[0].x += 1))
      await world.flush()
      world.edit(tab2.session, () => (tiles[1].fills = [{ type: 'SOLID', color: { r: i / 3, g: 0.5, b: 0.5 } }]))
      await world.flush()
    }
    await Promise.all([tab1.client.request('flushJournal', {}), tab2.client.request('flushJournal', {})])
    await world.flush()

    const chains = chainsOn(frame)
    expect(chains).toHaveLength(2)
    // Each tab's six LOCAL changes (3 moves from tab 1, 3 recolours from tab 2) are kept.
    expect(storedEdits(frame, ADA.id, 'LOCAL')).toBeGreaterThanOrEqual(6)
    const result = captured(await captureAsync(frame.id, tab1.ctx))
    expect(result.journalChecks.map((c) => c.ok)).toEqual([true, true])
    expect(result.record.capture?.journal.heads.map((h) => h.userId)).toEqual([ADA.id, ADA.id])
    expect(new Set(result.record.capture?.journal.heads.map((h) => h.session)).size).toBe(2)
    expect(result.journal.people).toEqual([expect.objectContaining({ id: ADA.id })])
  })

  it('reads a journal written before sessions (journal.<user>.<n>) next to a new one', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const { frame, tiles } = drawPattern(world, ada)
    await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
    // What the plugin stored before issue #19: a chain without a session.
    const old = createJournal(ADA)
    appendEdit(old, { at: Date.UTC(2025, 0, 2), origin: 'LOCAL', nodeId: tiles[2].id, group: 'color', count: 4 })
    const oldChunks = encodeJournalChunks(old)
    world.edit(ada.session, () => frame.setPluginData(`journal.${ADA.id}.0`, oldChunks[0]))
    world.edit(ada.session, () => (tiles[0].x += 3))
    await world.flush()
    await ada.client.request('flushJournal', {})
    expect(frame.getPluginData(`journal.${ADA.id}.0`)).toBe(oldChunks[0]) // untouched
    const result = captured(await captureAsync(frame.id, ada.ctx))
    expect(result.journalChecks.map((c) => [c.chain.replace(/\.s\d+$/, '.s*'), c.ok])).toEqual([
      [ADA.id, true],
      [`${ADA.id}.s*`, true],
    ])
    expect(result.journal.edits).toBeGreaterThanOrEqual(5)
  })
})
