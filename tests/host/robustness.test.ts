/**
 * What a studio's file goes through, run against the in-memory Figma with the real
 * host and the UI's workflows: deletions, undo, two people at once, hand-edited
 * plugin data, oversized input, and a plugin that was closed while people worked.
 */
import { describe, expect, it } from 'vitest'
import { appendEdit, createJournal, decodeJournalChunks, encodeJournalChunks } from '../../src/storage/journal'
import { parseRecord, RECORD_KEY } from '../../src/provenance/record'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { ADA, BEN, captured, drawPattern, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'

async function markAll(user: PluginUser, ...nodes: SceneNode[]): Promise<void> {
  const outcome = await markAsync(user.client, nodes.map((n) => n.id), ORIGIN, user.ctx)
  if (outcome.kind !== 'done' || outcome.failed.length > 0) throw new Error(JSON.stringify(outcome))
}

function journalKeys(node: BaseNode): string[] {
  return node.getPluginDataKeys().filter((k) => k.startsWith('journal.'))
}

describe('the journal', () => {
  it('records a designer’s edits by kind, and never the plugin’s own writes', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame, tiles } = drawPattern(world, ada)
    await markAll(ada, frame)
    await world.flush()
    await ada.client.request('flushJournal', {})
    expect(journalKeys(frame)).toEqual([]) // marking wrote plugin data only

    world.edit(ada.session, () => (tiles[0].fills = [{ type: 'SOLID', color: { r: 1, g: 0.8, b: 0 } }]))
    world.edit(ada.session, () => (tiles[1].x += 12))
    await world.flush()
    captured(await captureAsync(frame.id, ada.ctx)) // flushes, then writes the record: more plugin data
    await world.flush()
    await ada.client.request('flushJournal', {})

    const decoded = decodeJournalChunks(journalKeys(frame).map((k) => frame.getPluginData(k)))
    if (!decoded.ok) throw new Error(decoded.error)
    expect(decoded.journal.user).toEqual(ADA)
    expect(decoded.journal.entries.map((e) => [e.nodeId, e.group, e.origin])).toEqual([
      [tiles[0].id, 'color', 'LOCAL'],
      [tiles[1].id, 'transform', 'LOCAL'],
    ])
  })

  it('keeps both people’s journals when two edit at once, and both chains verify', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const ben = openPlugin(world, BEN)
    const { frame, tiles } = drawPattern(world, ada)
    await markAll(ada, frame)
    await world.flush()
    for (let i = 0; i < 5; i++) {
      world.edit(ada.session, () => (tiles[0].x += 1))
      world.edit(ben.session, () => (tiles[2].fills = [{ type: 'SOLID', color: { r: i / 5, g: 0.5, b: 0.5 } }]))
    }
    await world.flush()
    await Promise.all([ada.client.request('flushJournal', {}), ben.client.request('flushJournal', {})])

    expect(journalKeys(frame).sort()).toEqual([`journal.${ADA.id}.0`, `journal.${BEN.id}.0`])
    const result = captured(await captureAsync(frame.id, ada.ctx))
    expect(result.journalChecks.map((c) => [c.userId, c.ok])).toEqual([
      [ADA.id, true],
      [BEN.id, true],
    ])
    // Each saw the other's edits as REMOTE, and counts only its own as edits.
    expect(result.journal.people.map((p) => p.name).sort()).toEqual([ADA.name, BEN.name])
    expect(result.journal.remoteEdits).toBeGreaterThan(0)
  })

  it('detects a tampered journal and does not append to it', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame, tiles } = drawPattern(world, ada)
    await markAll(ada, frame)
    world.edit(ada.session, () => (tiles[0].opacity = 0.4))
    await world.flush()
    await ada.client.request('flushJournal', {})
    const key = `journal.${ADA.id}.0`
    const honest = frame.getPluginData(key)
    // Someone rewrites history by hand: the edit becomes a harmless rename.
    const forged = honest.replace(/\n([^\n]*)$/, (_m, line: string) => '\n' + line.replace(/[a-z](?=[^a-z]*$)/, 'x'))
    expect(forged).not.toBe(honest)
    world.edit(ada.session, () => frame.setPluginData(key, forged))

    const later = openPlugin(world, ADA) // a new session loads the stored journal
    world.edit(later.session, () => (tiles[1].opacity = 0.4))
    await world.flush()
    await later.client.request('flushJournal', {})
    expect(frame.getPluginData(key)).toBe(forged) // kept as evidence, never overwritten

    const result = captured(await captureAsync(frame.id, later.ctx))
    const check = result.journalChecks.find((c) => c.userId === ADA.id)
    expect(check?.ok).toBe(false)
    expect(check?.error).toBeTruthy()
  })

  it('journals the deletion of a layer the designer selected first', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame, tiles } = drawPattern(world, ada)
    await markAll(ada, frame)
    const doomed = tiles[2].id
    world.edit(ada.session, () => (ada.figma.currentPage.selection = [tiles[2]]))
    await world.flush()
    world.edit(ada.session, () => tiles[2].remove())
    await world.flush()
    await ada.client.request('flushJournal', {})
    const decoded = decodeJournalChunks(journalKeys(frame).map((k) => frame.getPluginData(k)))
    if (!decoded.ok) throw new Error(decoded.error)
    expect(decoded.journal.entries.map((e) => [e.nodeId, e.group])).toEqual([[doomed, 'structure']])
  })

  it('follows the designer to another page', async () => {
    const world = createFigmaWorld({ pageNames: ['Repeats', 'Borders'] })
    const ada = openPlugin(world)
    const borders = ada.figma.root.children[1]
    await ada.figma.setCurrentPageAsync(borders)
    const { frame, tiles } = drawPattern(world, ada)
    expect(frame.parent?.id).toBe(borders.id)
    await markAll(ada, frame)
    world.edit(ada.session, () => (tiles[0].rotation = 15))
    await world.flush()
    await ada.client.request('flushJournal', {})
    expect(journalKeys(frame)).toEqual([`journal.${ADA.id}.0`])
  })
})

describe('capture in a living file', () => {
  it('counts edits made while the plugin was closed', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame, tiles } = drawPattern(world, ada)
    await markAll(ada, frame)
    ada.figma.closePlugin()
    world.edit(ada.session, () => (tiles[1].fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]))
    await world.flush()

    const later = openPlugin(world, ADA)
    const result = captured(await captureAsync(frame.id, later.ctx))
    expect(result.score.hcc).toBeGreaterThan(0.1)
    expect(result.score.breakdown.color).toBeGreaterThan(0)
    expect(result.journal.edits).toBe(0) // nobody saw it happen: the score still counts it
  })

  it('scores deleted elements as curation and reports the deleted pattern clearly', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame, tiles } = drawPattern(world, ada, 4)
    await markAll(ada, frame)
    world.edit(ada.session, () => tiles[3].remove())
    const result = captured(await captureAsync(frame.id, ada.ctx))
    expect(result.score.removed).toBe(1)
    expect(result.score.breakdown.removed).toBeGreaterThan(0)
    expect(result.score.elements[0]).toMatchObject({ kind: 'removed', path: '3' })

    world.edit(ada.session, () => frame.remove())
    await expect(captureAsync(frame.id, ada.ctx)).rejects.toThrow(/no longer exists/)
  })

  it('undo after a capture returns the previous record whole, and capturing again gives the same score', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame, tiles } = drawPattern(world, ada)
    await markAll(ada, frame)
    const marked = frame.getPluginData(RECORD_KEY)
    world.edit(ada.session, () => (tiles[0].fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 0 } }]))
    const first = captured(await captureAsync(frame.id, ada.ctx))

    ada.session.undo() // the user presses undo: the capture is its own step
    expect(frame.getPluginData(RECORD_KEY)).toBe(marked)
    const record = parseRecord(frame.getPluginData(RECORD_KEY))
    expect(record.ok && record.record.capture).toBe(null)
    expect(tiles[0].fills).toMatchObject([{ color: { r: 1, g: 1, b: 0 } }]) // the edit itself stays

    const again = captured(await captureAsync(frame.id, ada.ctx))
    expect(again.score.hcc).toBe(first.score.hcc)
  })

  it('gives an unedited duplicate a score of 0 and records where it came from', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame } = drawPattern(world, ada)
    await markAll(ada, frame)
    let copy!: FrameNode
    world.edit(ada.session, () => (copy = frame.clone()))
    const original = parseRecord(frame.getPluginData(RECORD_KEY))
    const result = captured(await captureAsync(copy.id, ada.ctx))
    expect(result.score.hcc).toBe(0)
    expect(result.score.matchedBy).toBe('path')
    expect(result.lineage).toEqual({
      copiedFrom: original.ok ? original.record.patternId : '',
      copiedFromNode: frame.id,
    })
    expect(result.record.patternId).not.toBe(original.ok ? original.record.patternId : '')
  })
})

describe('damaged or hand-edited plugin data', () => {
  it('keeps a damaged record, reports it, and repairs only when asked', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame } = drawPattern(world, ada)
    await markAll(ada, frame)
    const damaged = frame.getPluginData(RECORD_KEY).replace('"version":2', '"version":"one"')
    world.edit(ada.session, () => frame.setPluginData(RECORD_KEY, damaged))

    world.edit(ada.session, () => (ada.figma.currentPage.selection = [frame]))
    const [layer] = await ada.client.request('selection', {})
    expect(layer.state).toBe('invalid')
    expect((await captureAsync(frame.id, ada.ctx)).kind).toBe('invalid-record')
    const refused = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
    expect(refused.kind === 'done' && refused.failed[0]?.error).toMatch(/damaged provenance record/)
    expect(frame.getPluginData(RECORD_KEY)).toBe(damaged)

    const { keptAs } = await ada.client.request('quarantine', { nodeId: frame.id })
    expect(frame.getPluginData(keptAs)).toBe(damaged)
    expect(frame.getPluginData(RECORD_KEY)).toBe('')
  })

  it('refuses to overwrite a record that changed since the UI read it', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame } = drawPattern(world, ada)
    await markAll(ada, frame)
    const record = frame.getPluginData(RECORD_KEY)
    await expect(
      ada.client.request('writeProvenance', {
        nodeId: frame.id,
        mode: 'capture',
        expect: record.replace('1001', '1002'),
        entries: [],
        record,
        summary: '{}',
        keepBaselineGeneration: 1,
      }),
    ).rejects.toThrow(/changed since it was read/)
  })

  it('refuses an entry over Figma’s 100 kB limit before writing anything', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame } = drawPattern(world, ada)
    await markAll(ada, frame)
    const record = frame.getPluginData(RECORD_KEY)
    const before = frame.getPluginDataKeys().sort()
    await expect(
      ada.client.request('writeProvenance', {
        nodeId: frame.id,
        mode: 'capture',
        expect: record,
        entries: [
          { key: 'baseline.1.0', value: 'A'.repeat(1000) },
          { key: 'baseline.1.1', value: 'A'.repeat(101 * 1024) },
        ],
        record,
        summary: '{}',
        keepBaselineGeneration: 1,
      }),
    ).rejects.toThrow(/at most 100 kB per entry. Nothing was written/)
    expect(frame.getPluginDataKeys().sort()).toEqual(before)
    expect(frame.getPluginData('baseline.1.0')).not.toBe('A'.repeat(1000))
  })

  it('refuses a 1 MB prompt with a clear message and writes nothing', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame } = drawPattern(world, ada)
    const outcome = await markAsync(ada.client, [frame.id], { ...ORIGIN, prompt: 'x'.repeat(1_000_000) }, ada.ctx)
    expect(outcome.kind).toBe('invalid-origin')
    if (outcome.kind === 'invalid-origin') {
      expect(outcome.issues).toContainEqual(
        expect.objectContaining({ path: 'prompt', message: expect.stringMatching(/too long.*1,000,000.*8,000/i) }),
      )
    }
    expect(frame.getPluginDataKeys()).toEqual([])
  })
})

describe('team policy', () => {
  it('the next capture uses the stored policy and records it', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame, tiles } = drawPattern(world, ada)
    await markAll(ada, frame)
    world.edit(ada.session, () => (tiles[0].fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 0 } }]))
    const before = captured(await captureAsync(frame.id, ada.ctx))

    const policy = { version: 1, weights: { color: 0.25 } }
    await ada.client.request('writePolicy', { raw: JSON.stringify(policy) })
    const after = captured(await captureAsync(frame.id, ada.ctx))

    expect(after.score.hcc).toBeLessThan(before.score.hcc)
    expect(after.record.capture?.policy?.weights.color).toBe(0.25)
    expect(after.record.capture?.policyFingerprint).not.toBe(before.record.capture?.policyFingerprint)
  })
})

describe('a long history', () => {
  it('verifies the stored journal before appending, and keeps edits made meanwhile', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame, tiles } = drawPattern(world, ada)
    await markAll(ada, frame)
    const history = createJournal(ADA)
    for (let i = 0; i < 3000; i++) {
      appendEdit(history, { at: Date.UTC(2025, 0, 1) + i * 120_000, origin: 'LOCAL', nodeId: tiles[i % 3].id, group: 'color', count: 1 })
    }
    const chunks = encodeJournalChunks(history, { maxChars: 8000 })
    expect(chunks.length).toBeGreaterThan(1)
    world.edit(ada.session, () => chunks.forEach((chunk, n) => frame.setPluginData(`journal.${ADA.id}.${String(n)}`, chunk)))

    const later = openPlugin(world, ADA)
    world.edit(later.session, () => (tiles[0].rotation = 30))
    world.edit(later.session, () => (tiles[1].opacity = 0.5))
    await world.flush()
    await later.client.request('flushJournal', {})

    const decoded = decodeJournalChunks(journalKeys(frame).sort(byChunk).map((k) => frame.getPluginData(k)))
    if (!decoded.ok) throw new Error(decoded.error)
    expect(decoded.journal.entries).toHaveLength(3002)
    expect(decoded.journal.entries.slice(-2).map((e) => e.group)).toEqual(['transform', 'style'])
  })
})

function byChunk(a: string, b: string): number {
  return Number(a.split('.').pop()) - Number(b.split('.').pop())
}

describe('a large pattern', () => {
  it('marks and captures 10,000 elements, with every stored entry well under Figma’s limit', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const { frame } = drawPattern(world, ada, 1)
    world.edit(ada.session, () => {
      for (let m = 0; m < 333; m++) {
        const motif = ada.figma.createFrame()
        motif.fills = []
        motif.resize(40, 40)
        motif.x = (m % 20) * 40
        motif.y = Math.floor(m / 20) * 40
        frame.appendChild(motif)
        for (let p = 0; p < 29; p++) {
          const dot = ada.figma.createEllipse()
          dot.resize(4 + (p % 5), 4 + (p % 7))
          dot.x = (p * 7) % 32
          dot.y = (p * 11) % 32
          dot.fills = [{ type: 'SOLID', color: { r: (p % 3) / 3, g: 0.4, b: 0.6 } }]
          motif.appendChild(dot)
        }
      }
    })
    await markAll(ada, frame)
    const record = parseRecord(frame.getPluginData(RECORD_KEY))
    if (!record.ok) throw new Error(record.error)
    expect(record.record.baseline.elements).toBe(1 + 1 + 333 * 30)
    for (const key of frame.getPluginDataKeys()) expect(frame.getPluginData(key).length).toBeLessThan(64 * 1024)

    const result = captured(await captureAsync(frame.id, ada.ctx))
    expect(result.score.hcc).toBe(0)
  })
})
