/**
 * The heat map stored with a capture, through the real host on the in-memory Figma:
 * written in the same write (and undo step) as the record that vouches for it, read
 * back by the review only when the record still vouches for it, and refused by main
 * when record and entry disagree.
 */
import { decode } from 'fast-png'
import { describe, expect, test } from 'vitest'
import { base64Decode } from '../../src/storage/base64'
import { heatImageRgba } from '../../src/coefficient/heatmap'
import { HEATMAP_MISMATCH, NO_HEATMAP, readHeatMap } from '../../src/provenance/heatmap-entry'
import { HEATMAP_KEY, parseRecord, RECORD_KEY, SUMMARY_KEY, SUMMARY_NAMESPACE } from '../../src/provenance/record'
import { sha256, toHex } from '../../src/storage/sha256'
import { loadHeatMapAsync } from '../../src/ui/shared/heatmap-workflow'
import { listReviewAsync } from '../../src/ui/review/review-workflows'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { createFigmaWorld, type FigmaWorld } from '../figma-fake/index'
import { captured, drawPattern, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'

async function markedPattern(): Promise<{ world: FigmaWorld; ada: PluginUser; frame: FrameNode; tiles: RectangleNode[] }> {
  const world = createFigmaWorld()
  const ada = openPlugin(world)
  const { frame, tiles } = drawPattern(world, ada)
  const outcome = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  if (outcome.kind !== 'done' || outcome.failed.length > 0) throw new Error(JSON.stringify(outcome))
  return { world, ada, frame, tiles }
}

function recordOf(frame: BaseNode) {
  const parsed = parseRecord(frame.getPluginData(RECORD_KEY))
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.record
}

async function reviewHeatMap(ada: PluginUser, nodeId: string) {
  const rows = await listReviewAsync(ada.client)
  const row = rows.find((r) => r.nodeId === nodeId)!
  return loadHeatMapAsync(ada.client, nodeId, row.raw.record)
}

describe('the heat map stored with a capture', () => {
  test('is written with the record, in one undo step; the record’s SHA-256 is the PNG’s; the PNG holds the pixels shown', async () => {
    const { world, ada, frame, tiles } = await markedPattern()
    const marked = frame.getPluginData(RECORD_KEY)
    world.edit(ada.session, () => (tiles[0]!.fills = [{ type: 'SOLID', color: { r: 1, g: 0.8, b: 0 } }]))
    const result = captured(await captureAsync(frame.id, ada.ctx))

    const entry = frame.getPluginData(HEATMAP_KEY)
    const ref = recordOf(frame).capture!.heatmap!
    const png = base64Decode(entry)!
    expect(ref).toMatchObject({ sha256: toHex(sha256(png)), bytes: png.length, width: result.heatImage!.width, height: result.heatImage!.height })
    expect(ref.shares.changed).toBeGreaterThan(0.1)
    expect(ref.bytes).toBeLessThan(8 * 1024)
    expect(readHeatMap(recordOf(frame).capture, entry).kind).toBe('ok')

    // The stored PNG decodes to the pixels the capture result drew.
    const decoded = decode(png)
    const shown = heatImageRgba(result.heatImage!)
    const perByte = 8 / decoded.depth
    const rowBytes = Math.ceil(decoded.width / perByte)
    for (let y = 0; y < decoded.height; y++) {
      for (let x = 0; x < decoded.width; x++) {
        const v = (decoded.data[y * rowBytes + Math.floor(x / perByte)]! >> (8 - decoded.depth * ((x % perByte) + 1))) & ((1 << decoded.depth) - 1)
        const i = 4 * (y * decoded.width + x)
        expect(decoded.palette![v]!.slice(0, 3)).toEqual([shown[i], shown[i + 1], shown[i + 2]])
      }
    }

    // Undo takes back record and heat map together.
    ada.session.undo()
    expect(frame.getPluginData(RECORD_KEY)).toBe(marked)
    expect(frame.getPluginData(HEATMAP_KEY)).toBe('')

    // A later capture replaces the picture, and the record names the new one.
    world.edit(ada.session, () => (tiles[1]!.fills = [{ type: 'SOLID', color: { r: 0, g: 0.8, b: 0.2 } }]))
    captured(await captureAsync(frame.id, ada.ctx))
    const again = frame.getPluginData(HEATMAP_KEY)
    expect(again).not.toBe(entry)
    expect(readHeatMap(recordOf(frame).capture, again).kind).toBe('ok')
  })

  test('the review shows it; a hand-edited entry is reported and not shown', async () => {
    const { world, ada, frame, tiles } = await markedPattern()
    world.edit(ada.session, () => (tiles[2]!.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]))
    captured(await captureAsync(frame.id, ada.ctx))
    const shown = await reviewHeatMap(ada, frame.id)
    expect(shown.kind).toBe('ok')

    const entry = frame.getPluginData(HEATMAP_KEY)
    const at = 120
    world.edit(ada.session, () => frame.setPluginData(HEATMAP_KEY, entry.slice(0, at) + (entry[at] === 'Q' ? 'R' : 'Q') + entry.slice(at + 1)))
    const edited = await reviewHeatMap(ada, frame.id)
    expect(edited).toMatchObject({ kind: 'mismatch', message: expect.stringContaining(HEATMAP_MISMATCH) })
    expect('png' in edited).toBe(false)

    world.edit(ada.session, () => frame.setPluginData(HEATMAP_KEY, ''))
    expect(await reviewHeatMap(ada, frame.id)).toMatchObject({ kind: 'mismatch', reason: 'its entry is missing' })
  })

  test('a capture from before heat maps (or by method 1) loads unchanged and says it has none', async () => {
    const { world, ada, frame } = await markedPattern()
    captured(await captureAsync(frame.id, ada.ctx))
    const record = recordOf(frame)
    const { heatmap: _, ...older } = record.capture!
    const olderJson = JSON.stringify({ ...record, capture: { ...older, method: 'loomprint-hcc/1' } })
    world.edit(ada.session, () => {
      frame.setPluginData(RECORD_KEY, olderJson)
      frame.setPluginData(HEATMAP_KEY, '')
    })
    const rows = await listReviewAsync(ada.client)
    expect(rows[0]!.recordError).toBeNull()
    expect(rows[0]!.record!.capture!.heatmap).toBeUndefined()
    expect(await reviewHeatMap(ada, frame.id)).toEqual({ kind: 'none', message: NO_HEATMAP })
  })

  test('a record captured again since the list was read is not shown with the old row', async () => {
    const { world, ada, frame, tiles } = await markedPattern()
    captured(await captureAsync(frame.id, ada.ctx))
    const rows = await listReviewAsync(ada.client)
    // An edit first: the same measurement again is not a new capture (issue #21, item 1).
    world.edit(ada.session, () => (tiles[0]!.fills = [{ type: 'SOLID', color: { r: 1, g: 0.8, b: 0 } }]))
    captured(await captureAsync(frame.id, ada.ctx))
    expect(await loadHeatMapAsync(ada.client, frame.id, rows[0]!.raw.record)).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/captured again/) })
  })
})

describe('main’s rules for the heat map entry', () => {
  async function captureParams() {
    const { world, ada, frame } = await markedPattern()
    const result = captured(await captureAsync(frame.id, ada.ctx))
    const recordJson = frame.getPluginData(RECORD_KEY)
    const base = {
      nodeId: frame.id,
      mode: 'capture' as const,
      expect: recordJson,
      summary: frame.getSharedPluginData(SUMMARY_NAMESPACE, SUMMARY_KEY),
      keepBaselineGeneration: result.record.baseline.generation,
    }
    const { heatmap: _, ...withoutHeatMap } = result.record.capture!
    return { world, ada, frame, recordJson, base, noHeatMapRecord: JSON.stringify({ ...result.record, capture: withoutHeatMap }), entry: frame.getPluginData(HEATMAP_KEY) }
  }

  test('refuse a record naming a heat map the write does not carry, a heat map no record names, and keys outside the allow-list', async () => {
    const { ada, frame, recordJson, base, noHeatMapRecord, entry } = await captureParams()
    await expect(ada.client.request('writeProvenance', { ...base, entries: [], record: recordJson })).rejects.toThrow(/names a heat map the write does not carry/)
    await expect(ada.client.request('writeProvenance', { ...base, entries: [{ key: HEATMAP_KEY, value: entry }], record: noHeatMapRecord })).rejects.toThrow(/without a capture that names it/)
    await expect(ada.client.request('writeProvenance', { ...base, entries: [{ key: 'heatmap.0', value: entry }], record: recordJson })).rejects.toThrow(/Unexpected plugin-data key/)
    // Nothing of the refused writes landed.
    expect(frame.getPluginData(RECORD_KEY)).toBe(recordJson)
    expect(frame.getPluginData(HEATMAP_KEY)).toBe(entry)
  })

  test('a capture that names no heat map removes the stale one; unmark removes it too', async () => {
    const { ada, frame, base, noHeatMapRecord } = await captureParams()
    await ada.client.request('writeProvenance', { ...base, entries: [], record: noHeatMapRecord })
    expect(frame.getPluginData(HEATMAP_KEY)).toBe('')
    captured(await captureAsync(frame.id, ada.ctx))
    expect(frame.getPluginData(HEATMAP_KEY)).not.toBe('')
    await ada.client.request('unmark', { nodeId: frame.id })
    expect(frame.getPluginDataKeys()).not.toContain(HEATMAP_KEY)
  })
})
