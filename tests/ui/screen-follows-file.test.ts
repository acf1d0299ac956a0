/**
 * Issue #21, "what the screen says is what the file holds", through the real host on
 * the in-memory Figma: re-measuring an unchanged pattern writes nothing and keeps its
 * approval; one decision per decision; the pack lists the approval of the exported
 * capture; the plugin tells the screen when a record changes or a selected layer goes.
 */
import { describe, expect, test } from 'vitest'
import { parseRecord, RECORD_KEY } from '../../src/provenance/record'
import { parseReviewLog, REVIEW_KEY } from '../../src/provenance/review'
import { approvalOfExportedCapture } from '../../src/ui/license/export-workflow'
import { decideAsync, decidedText, listReviewAsync, type ReviewRow } from '../../src/ui/review/review-workflows'
import { elementName, resultFitsSelection, sameRecord } from '../../src/ui/capture/shown-capture'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import type { LayerInfo } from '../../src/messages'
import { createFigmaWorld, type FigmaWorld } from '../figma-fake/index'
import { ADA, captured, drawPattern, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'

const BO = { id: '2002', name: 'Bo Art Director' }
const LU = { id: '3003', name: 'Lu Licensing' }
const RULES = { reviewerMustNotBeEditor: false }

/** Every plugin-data entry on the layer, as text: what a write would change. */
function dataOf(node: SceneNode): string {
  return JSON.stringify(node.getPluginDataKeys().sort().map((k) => [k, node.getPluginData(k)]))
}

function rowOf(rows: readonly ReviewRow[], nodeId: string): ReviewRow {
  const row = rows.find((r) => r.nodeId === nodeId)
  if (!row) throw new Error(`no row for ${nodeId}`)
  return row
}

/** Ada marks a three-tile pattern, recolours a tile and captures; Bo approves. */
async function approvedPattern(): Promise<{ world: FigmaWorld; ada: PluginUser; bo: PluginUser; frame: FrameNode; tiles: RectangleNode[] }> {
  const world = createFigmaWorld()
  const ada = openPlugin(world, ADA)
  const { frame, tiles } = drawPattern(world, ada)
  await world.flush()
  expect(await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)).toMatchObject({ kind: 'done', failed: [] })
  world.edit(ada.session, () => (tiles[0]!.fills = [{ type: 'SOLID', color: { r: 0.9, g: 0.8, b: 0.1 } }]))
  await world.flush()
  captured(await captureAsync(frame.id, ada.ctx))
  const bo = openPlugin(world, BO)
  const rows = await listReviewAsync(bo.client)
  expect(await decideAsync(bo.client, rowOf(rows, frame.id), { decision: 'approve', comment: '' }, { ...bo.ctx, rules: RULES })).toMatchObject({ kind: 'decided' })
  expect(rowOf(await listReviewAsync(bo.client), frame.id).status).toBe('approved')
  return { world, ada, bo, frame, tiles }
}

describe('item 1: re-measuring an unchanged pattern writes nothing and keeps the approval', () => {
  test('Lu captures the approved paisley: same figures, no write, still approved by Bo, still measured by Ada', async () => {
    const { world, frame } = await approvedPattern()
    const before = dataOf(frame)
    const lu = openPlugin(world, LU)
    const result = captured(await captureAsync(frame.id, lu.ctx))
    expect(result.unchanged).toBe(true)
    expect(result.record.capture?.by.name).toBe(ADA.name)
    expect(dataOf(frame)).toBe(before)
    const row = rowOf(await listReviewAsync(lu.client), frame.id)
    expect(row.status).toBe('approved')
  })

  test('a real edit still makes a new capture, and the approval goes out of date', async () => {
    const { world, frame, tiles, ada } = await approvedPattern()
    world.edit(ada.session, () => (tiles[1]!.x += 40))
    await world.flush()
    const result = captured(await captureAsync(frame.id, ada.ctx))
    expect(result.unchanged).toBe(false)
    expect(rowOf(await listReviewAsync(ada.client), frame.id).status).toBe('approved-out-of-date')
  })

  test('opening the plugin for another person writes nothing to the file', async () => {
    const { world, frame } = await approvedPattern()
    const before = dataOf(frame)
    const lu = openPlugin(world, LU)
    await lu.client.request('hello', {})
    await lu.client.request('readStored', { nodeId: frame.id })
    await world.flush()
    expect(dataOf(frame)).toBe(before)
  })
})

describe('item 2: one decision per decision', () => {
  test('approving twice (a double click) records one approval', async () => {
    const { bo, frame } = await approvedPattern()
    const rows = await listReviewAsync(bo.client)
    const again = await decideAsync(bo.client, rowOf(rows, frame.id), { decision: 'approve', comment: '' }, { ...bo.ctx, rules: RULES })
    expect(again.kind).toBe('decided')
    const log = parseReviewLog(frame.getPluginData(REVIEW_KEY))
    expect(log.ok && log.log.decisions.map((d) => d.decision)).toEqual(['approve'])
  })

  test('the pack lists only the approval of the capture it exports (history stays in the file)', async () => {
    const { world, ada, bo, frame, tiles } = await approvedPattern()
    world.edit(ada.session, () => (tiles[2]!.fills = [{ type: 'SOLID', color: { r: 0.1, g: 0.9, b: 0.3 } }]))
    await world.flush()
    captured(await captureAsync(frame.id, ada.ctx))
    const rows = await listReviewAsync(bo.client)
    await decideAsync(bo.client, rowOf(rows, frame.id), { decision: 'approve', comment: '' }, { ...bo.ctx, rules: RULES })
    const log = parseReviewLog(frame.getPluginData(REVIEW_KEY))
    const record = parseRecord(frame.getPluginData(RECORD_KEY))
    if (!log.ok || !record.ok) throw new Error('unreadable')
    expect(log.log.decisions).toHaveLength(2)
    const listed = approvalOfExportedCapture(log.log.decisions, record.record.capture)
    expect(listed).toEqual([log.log.decisions[1]])
  })

  test('a request for changes after the approval: the pack lists no approval', async () => {
    const { bo, frame } = await approvedPattern()
    const rows = await listReviewAsync(bo.client)
    await decideAsync(bo.client, rowOf(rows, frame.id), { decision: 'request-changes', comment: 'Warmer ground' }, { ...bo.ctx, rules: RULES })
    const log = parseReviewLog(frame.getPluginData(REVIEW_KEY))
    const record = parseRecord(frame.getPluginData(RECORD_KEY))
    if (!log.ok || !record.ok) throw new Error('unreadable')
    expect(approvalOfExportedCapture(log.log.decisions, record.record.capture)).toEqual([])
  })

  test.each([
    ['approve', 'You approved “Tile” at HCC 0.42.'],
    ['request-changes', 'You requested changes on “Tile” at HCC 0.42.'],
    ['reject', 'You rejected “Tile” at HCC 0.42.'],
  ] as const)('item 18: the status line after %s reads as a sentence', (decision, text) => {
    expect(decidedText(decision, 'Tile', '0.42')).toBe(text)
  })
})

describe('item 6: the screen follows the record', () => {
  test('Undo after a capture: main says the record changed, and the shown capture is no longer the stored one', async () => {
    const { world, ada, frame, tiles } = await approvedPattern()
    world.edit(ada.session, () => (tiles[1]!.y += 5))
    await world.flush()
    const shown = captured(await captureAsync(frame.id, ada.ctx))
    const changed: string[][] = []
    ada.client.on('recordsChanged', ({ nodeIds }) => changed.push(nodeIds))
    expect(sameRecord(shown.record, frame.getPluginData(RECORD_KEY))).toBe(true)
    ada.session.undo()
    await world.flush()
    expect(changed.flat()).toContain(frame.id)
    expect(sameRecord(shown.record, frame.getPluginData(RECORD_KEY))).toBe(false)
  })
})

describe('item 7: a deleted layer leaves the selection list', () => {
  test('deleting the selected layer: main reports it, and the selection no longer lists it', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const { frame, tiles } = drawPattern(world, ada)
    world.edit(ada.session, () => (ada.figma.currentPage.selection = [tiles[1]!]))
    await world.flush()
    expect((await ada.client.request('selection', {})).map((l) => l.name)).toEqual(['Tile 2'])
    const changed: string[][] = []
    ada.client.on('recordsChanged', ({ nodeIds }) => changed.push(nodeIds))
    world.edit(ada.session, () => tiles[1]!.remove())
    await world.flush()
    expect(changed.length).toBeGreaterThan(0)
    expect(await ada.client.request('selection', {})).toEqual([])
    expect(frame.children).toHaveLength(2)
  })
})

describe('item 8: a result stays only beside its own pattern', () => {
  const layer = (id: string, patternNodeId?: string): LayerInfo => ({ id, name: id, type: 'FRAME', state: patternNodeId ? 'nested' : 'untracked', ...(patternNodeId ? { patternNodeId } : {}) })
  test.each([
    ['nothing selected', [], true],
    ['the pattern itself', [layer('1:1')], true],
    ['a motif inside it', [layer('1:5', '1:1')], true],
    ['an untracked layer elsewhere', [layer('9:9')], false],
    ['the pattern and another layer', [layer('1:1'), layer('9:9')], false],
    ['a motif of another pattern', [layer('7:2', '7:1')], false],
  ] as const)('%s → shown: %s', (_what, selection, shown) => {
    expect(resultFitsSelection('1:1', selection)).toBe(shown)
  })
})

describe('item 11: a removed element is named as a person knew it', () => {
  const names = new Map([['1:5', 'Paisley 5']])
  test.each([
    ['a layer still there', { id: '1:5', path: '4', type: 'ELLIPSE', kind: 'changed' }, [], 'Paisley 5'],
    ['a removed layer a capture named', { id: '1:9', path: '4', type: 'ELLIPSE', kind: 'removed' }, [{ id: '1:9', name: 'Paisley 9' }], 'Paisley 9'],
    ['a removed layer never named', { id: '1:9', path: '4', type: 'BOOLEAN_OPERATION', kind: 'removed' }, [], 'a removed boolean operation'],
    ['the root', { id: '1:1', path: '', type: 'FRAME', kind: 'changed' }, [], 'the pattern root'],
  ])('%s → %s', (_what, element, kept, expected) => {
    expect(elementName(element, names, kept)).toBe(expected)
  })
})
