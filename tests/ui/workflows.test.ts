/**
 * The UI workflows against the real host (src/host/plugin.ts) running on the
 * in-memory Figma: the client talks to main over the fake's UI bridge exactly as the
 * iframe would over postMessage.
 */
import { nanoid } from 'nanoid'
import { describe, expect, test } from 'vitest'
import { createClient, type ClientEndpoint, type Transport } from '../../src/channel'
import { startPlugin } from '../../src/host/plugin'
import { parseRecord, RECORD_KEY, SUMMARY_KEY, SUMMARY_NAMESPACE } from '../../src/provenance/record'
import { elementAt } from '../../src/coefficient/heatmap'
import { CHANGE } from '../../src/coefficient/score'
import {
  captureAsync,
  helloAsync,
  loadPolicyAsync,
  markAsync,
  readSnapshotAsync,
  repairAsync,
  savePolicyAsync,
  unmarkAsync,
  type CaptureOutcome,
  type CaptureResult,
  type WorkProgress,
} from '../../src/ui/workflows'
import { originInputFromForm, emptyOriginForm } from '../../src/ui/capture/origin-form'
import { createFigmaWorld, type FakeSession, type FigmaWorld } from '../figma-fake/index'
import { ADA, ORIGIN } from '../support/plugin-session'

const USER = ADA

interface Setup {
  world: FigmaWorld
  session: FakeSession
  client: ClientEndpoint
  figma: PluginAPI
  ctx: { client: ClientEndpoint; now: () => number; newId: () => string; user: typeof USER; onProgress: (p: WorkProgress) => void }
  progress: WorkProgress[]
}

function setup(): Setup {
  const world = createFigmaWorld()
  const session = world.openSession(USER)
  let clock = Date.UTC(2025, 2, 4, 9, 30)
  const now = () => (clock += 1000)
  startPlugin(session.figma, '<html><body><div id="app"></div></body></html>', { now })
  const transport: Transport = {
    send: (message) => session.ui.postToMain(message),
    listen: (receive) => session.ui.onMessage(receive),
  }
  const client = createClient(transport)
  const progress: WorkProgress[] = []
  return {
    world,
    session,
    client,
    figma: session.figma,
    progress,
    ctx: { client, now, newId: () => nanoid(), user: USER, onProgress: (p) => progress.push(p) },
  }
}

/** A frame with three coloured rectangles, made by the user. */
function makePattern(s: Setup): { frame: FrameNode; rects: [RectangleNode, RectangleNode, RectangleNode] } {
  let frame!: FrameNode
  const rects: RectangleNode[] = []
  s.world.edit(s.session, () => {
    frame = s.figma.createFrame()
    frame.name = 'Paisley repeat'
    frame.resize(300, 300)
    const colors = [
      { r: 0.9, g: 0.2, b: 0.2 },
      { r: 0.2, g: 0.6, b: 0.3 },
      { r: 0.2, g: 0.3, b: 0.8 },
    ]
    colors.forEach((color, i) => {
      const rect = s.figma.createRectangle()
      rect.name = `Motif ${String(i + 1)}`
      rect.resize(80, 80)
      rect.x = 20 + i * 90
      rect.y = 100
      rect.fills = [{ type: 'SOLID', color }]
      frame.appendChild(rect)
      rects.push(rect)
    })
  })
  return { frame, rects: [nth(rects, 0), nth(rects, 1), nth(rects, 2)] }
}

/** Element i of a list, or a test failure. */
function nth<T>(list: readonly T[] | undefined, i: number): T {
  const item = list?.[i]
  if (item === undefined) throw new Error(`no element ${String(i)} in ${JSON.stringify(list)}`)
  return item
}

function captured(outcome: CaptureOutcome): CaptureResult {
  if (outcome.kind !== 'captured') throw new Error(`expected a capture, got ${outcome.kind}: ${JSON.stringify(outcome)}`)
  return outcome
}

describe('helloAsync', () => {
  test('repeats hello until main listens (a UI that loads first loses its first message)', async () => {
    const world = createFigmaWorld()
    const session = world.openSession(USER)
    const client = createClient({
      send: (message) => session.ui.postToMain(message),
      listen: (receive) => session.ui.onMessage(receive),
    })
    // The first hello goes out before main has started: the fake drops it, as nothing listens.
    const hello = helloAsync(client, { retryMs: 20 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    startPlugin(session.figma, '<html></html>')
    const answer = await hello
    expect(answer.user).toEqual(USER)
    expect(answer.command).toBeNull()
  })

  test('gives up with a clear error when main never answers', async () => {
    const client = createClient({ send: () => undefined, listen: () => () => undefined })
    await expect(helloAsync(client, { retryMs: 1, attempts: 3 })).rejects.toThrow(/did not answer/)
  })
})

describe('readSnapshotAsync', () => {
  test('reads every layer of a pattern, with names on the side', async () => {
    const s = setup()
    const { frame, rects } = makePattern(s)
    const { snapshot, names, name } = await readSnapshotAsync(s.client, frame.id)
    expect(name).toBe('Paisley repeat')
    expect(snapshot.rootId).toBe(frame.id)
    expect(snapshot.elements.map((e) => e.path)).toEqual(['', '0', '1', '2'])
    expect(names.get(rects[1].id)).toBe('Motif 2')
    // Rectangles carry an outline signature; the raw path data never reaches the snapshot.
    const rect = nth(snapshot.elements, 1)
    expect(rect.geometry).not.toBeNull()
    expect(rect.geometry?.points.length).toBeGreaterThan(0)
    expect('name' in rect).toBe(false)
  })

  test('a deleted layer is a clear error', async () => {
    const s = setup()
    await expect(readSnapshotAsync(s.client, '999:999')).rejects.toThrow(/no longer exists/)
  })
})

describe('mark, then capture', () => {
  test('mark a 3-layer frame; capture unedited scores 0', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    const mark = await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    expect(mark.kind).toBe('done')
    if (mark.kind !== 'done') return
    expect(mark.failed).toEqual([])
    expect(mark.marked).toHaveLength(1)
    expect(nth(mark.marked, 0).elements).toBe(4)
    expect(s.progress.some((p) => p.phase === 'reading')).toBe(true)

    const keys = frame.getPluginDataKeys().sort()
    expect(keys).toContain(RECORD_KEY)
    expect(keys).toContain('baseline.1.0')
    const record = parseRecord(frame.getPluginData(RECORD_KEY))
    expect(record.ok).toBe(true)
    if (!record.ok) return
    expect(record.record.rootNodeId).toBe(frame.id)
    expect(record.record.origin.prompt).toBe(ORIGIN.prompt)
    expect(record.record.capture).toBeNull()
    const summary = JSON.parse(frame.getSharedPluginData(SUMMARY_NAMESPACE, SUMMARY_KEY)) as { hcc: number; label: string }
    expect(summary.hcc).toBe(0)
    expect(summary.label).toBe('AI-generated')

    const result = captured(await captureAsync(frame.id, s.ctx))
    expect(result.score.hcc).toBe(0)
    expect(result.score.label).toBe('AI-generated')
    expect(result.lineage).toBeNull()
    const after = parseRecord(frame.getPluginData(RECORD_KEY))
    expect(after.ok && after.record.capture?.hcc).toBe(0)
    expect(after.ok && after.record.patternId).toBe(record.record.patternId)
  })

  test('recolour → hcc > 0 with color in the breakdown, journal verified', async () => {
    const s = setup()
    const { frame, rects } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    s.world.edit(s.session, () => {
      rects[0].fills = [{ type: 'SOLID', color: { r: 0.1, g: 0.1, b: 0.9 } }]
    })
    await s.world.flush()
    const result = captured(await captureAsync(frame.id, s.ctx))
    expect(result.score.hcc).toBeGreaterThan(0)
    expect(result.score.breakdown.color).toBeGreaterThan(0)
    expect(result.score.breakdown.shape).toBe(0)
    expect(nth(result.score.elements, 0).id).toBe(rects[0].id)
    expect(result.names.get(nth(result.score.elements, 0).id)).toBe('Motif 1')
    // The edit was journaled while the plugin ran, and the chain verifies.
    expect(result.journal.edits).toBeGreaterThan(0)
    expect(result.journal.people.map((p) => p.id)).toEqual([USER.id])
    expect(result.journalChecks.every((c) => c.ok)).toBe(true)
    const stored = parseRecord(frame.getPluginData(RECORD_KEY))
    expect(stored.ok).toBe(true)
    if (!stored.ok) return
    expect(stored.record.capture?.hcc).toBeCloseTo(result.score.hcc, 10)
    expect(nth(stored.record.capture?.top, 0).id).toBe(rects[0].id)
    expect(stored.record.capture?.by).toEqual(USER)
    expect(stored.record.capture?.method).toBe('loomprint-hcc/2')
    // The heat map shows the recoloured motif as changed, and clicking it names that layer.
    const heat = result.heat!
    expect(heat.width).toBeGreaterThan(0)
    let at = -1
    for (let p = 0; p < heat.kinds.length && at < 0; p++) if (heat.kinds[p] === CHANGE.changed) at = p
    expect(at).toBeGreaterThanOrEqual(0)
    expect(elementAt(heat, at % heat.width, Math.floor(at / heat.width))).toBe(rects[0].id)
  })

  test('a pattern last captured with method 1 is captured again with method 2, and says so', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    captured(await captureAsync(frame.id, s.ctx))
    // A record from before method 2: its capture says method 1 (and still loads).
    const raw = JSON.parse(frame.getPluginData(RECORD_KEY)) as { capture: { method: string } }
    raw.capture.method = 'loomprint-hcc/1'
    s.world.edit(s.session, () => frame.setPluginData(RECORD_KEY, JSON.stringify(raw)))
    expect(parseRecord(frame.getPluginData(RECORD_KEY)).ok).toBe(true)
    const again = captured(await captureAsync(frame.id, s.ctx))
    expect(again.score.method).toBe('loomprint-hcc/2')
    expect(again.warnings.some((w) => w.includes('loomprint-hcc/1'))).toBe(true)
  })

  test('duplicate via clone() → capture of the copy records lineage and scores 0', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    const originalRaw = frame.getPluginData(RECORD_KEY)
    const original = parseRecord(originalRaw)
    if (!original.ok) throw new Error(original.error)
    let copy!: FrameNode
    s.world.edit(s.session, () => {
      copy = frame.clone()
    })
    await s.world.flush()
    expect(copy.id).not.toBe(frame.id)

    const result = captured(await captureAsync(copy.id, s.ctx))
    expect(result.score.hcc).toBe(0)
    expect(result.score.matchedBy).toBe('path')
    expect(result.lineage).toEqual({ copiedFrom: original.record.patternId, copiedFromNode: frame.id })
    const stored = parseRecord(copy.getPluginData(RECORD_KEY))
    if (!stored.ok) throw new Error(stored.error)
    expect(stored.record.rootNodeId).toBe(copy.id)
    expect(stored.record.patternId).not.toBe(original.record.patternId)
    expect(stored.record.lineage?.copiedFrom).toBe(original.record.patternId)
    // The original is untouched.
    expect(frame.getPluginData(RECORD_KEY)).toBe(originalRaw)
  })

  test('many layers at once', async () => {
    const s = setup()
    const a = makePattern(s).frame
    const b = makePattern(s).frame
    const mark = await markAsync(s.client, [a.id, b.id], ORIGIN, s.ctx)
    expect(mark.kind === 'done' && mark.marked.length).toBe(2)
    expect(s.progress.some((p) => p.node?.index === 1 && p.node.count === 2)).toBe(true)
  })

  test('marking a tracked or nested layer is refused per layer, with the reason', async () => {
    const s = setup()
    const { frame, rects } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    const again = await markAsync(s.client, [frame.id, rects[0].id], ORIGIN, s.ctx)
    expect(again.kind).toBe('done')
    if (again.kind !== 'done') return
    expect(again.marked).toEqual([])
    // Host order: writeProvenance checks `expect` before refusalToMark, so a tracked layer
    // is refused with the "record changed" message (reported to the lead).
    expect(nth(again.failed, 0).error).toMatch(/already tracked|changed since it was read/)
    expect(nth(again.failed, 1).error).toMatch(/inside a tracked pattern/)
  })
})

describe('refusals and damage', () => {
  test('a 1 MB prompt → field error on the prompt, nothing written', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    const form = { ...emptyOriginForm('2025-03-04'), generator: 'ComfyUI', model: 'SDXL', prompt: 'x'.repeat(1_000_000) }
    const { input, issues } = originInputFromForm(form)
    expect(issues).toEqual([])
    const outcome = await markAsync(s.client, [frame.id], input, s.ctx)
    expect(outcome.kind).toBe('invalid-origin')
    if (outcome.kind !== 'invalid-origin') return
    expect(outcome.issues.map((i) => i.path)).toEqual(['prompt'])
    expect(nth(outcome.issues, 0).message).toMatch(/too long/)
    expect(frame.getPluginDataKeys()).toEqual([])
    expect(frame.getSharedPluginDataKeys(SUMMARY_NAMESPACE)).toEqual([])
    expect(s.progress).toEqual([])
  })

  test('missing required fields are reported per field', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    const { input } = originInputFromForm(emptyOriginForm('not a date'))
    const outcome = await markAsync(s.client, [frame.id], input, s.ctx)
    expect(outcome.kind).toBe('invalid-origin')
    if (outcome.kind !== 'invalid-origin') return
    expect(outcome.issues.map((i) => i.path).sort()).toEqual(['generatedAt', 'generator', 'model'])
  })

  test('an invalid record → typed outcome, record untouched; repair keeps a copy', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    const damaged = frame.getPluginData(RECORD_KEY).replace('"patternId":"', '"patternId":"!')
    s.world.edit(s.session, () => frame.setPluginData(RECORD_KEY, damaged))
    const keysBefore = frame.getPluginDataKeys().sort()

    const outcome = await captureAsync(frame.id, s.ctx)
    expect(outcome.kind).toBe('invalid-record')
    if (outcome.kind === 'invalid-record') expect(outcome.error).toMatch(/Pattern id/)
    expect(frame.getPluginData(RECORD_KEY)).toBe(damaged)
    expect(frame.getPluginDataKeys().sort()).toEqual(keysBefore)

    const { keptAs } = await repairAsync(s.client, frame.id)
    expect(frame.getPluginData(keptAs)).toBe(damaged)
    expect(frame.getPluginData(RECORD_KEY)).toBe('')
    const mark = await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    expect(mark.kind === 'done' && mark.marked.length).toBe(1)
  })

  test('a damaged baseline → typed outcome, nothing written', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    const record = frame.getPluginData(RECORD_KEY)
    const chunk = frame.getPluginData('baseline.1.0')
    s.world.edit(s.session, () => frame.setPluginData('baseline.1.0', (chunk[0] === 'A' ? 'B' : 'A') + chunk.slice(1)))
    const outcome = await captureAsync(frame.id, s.ctx)
    expect(outcome.kind).toBe('baseline-damaged')
    expect(frame.getPluginData(RECORD_KEY)).toBe(record)
  })

  test('capture of an untracked layer says so', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    expect((await captureAsync(frame.id, s.ctx)).kind).toBe('not-tracked')
  })

  test('unmark removes every Loomprint key', async () => {
    const s = setup()
    const { frame, rects } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    s.world.edit(s.session, () => (rects[0].opacity = 0.5))
    await s.world.flush()
    await captureAsync(frame.id, s.ctx)
    await unmarkAsync(s.client, frame.id)
    expect(frame.getPluginDataKeys()).toEqual([])
    expect(frame.getSharedPluginData(SUMMARY_NAMESPACE, SUMMARY_KEY)).toBe('')
  })
})

describe('team policy', () => {
  test('default when none stored; save validates per field; the next capture uses it', async () => {
    const s = setup()
    expect((await loadPolicyAsync(s.client)).kind).toBe('default')

    const bad = await savePolicyAsync(s.client, { version: 1, weights: { color: 2 }, thresholds: { assisted: 0.6, authored: 0.5 } })
    expect(bad.kind).toBe('invalid')
    if (bad.kind === 'invalid') expect(bad.issues.map((i) => i.path).sort()).toEqual(['thresholds.assisted', 'weights.color'])
    expect(s.figma.root.getPluginData('policy')).toBe('')

    const saved = await savePolicyAsync(s.client, { version: 1, weights: { color: 0.5 } })
    expect(saved.kind).toBe('saved')
    const loaded = await loadPolicyAsync(s.client)
    expect(loaded.kind).toBe('stored')
    expect(loaded.policy.weights.color).toBe(0.5)

    const { frame, rects } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    s.world.edit(s.session, () => {
      rects[0].fills = [{ type: 'SOLID', color: { r: 0.1, g: 0.1, b: 0.9 } }]
    })
    const result = captured(await captureAsync(frame.id, s.ctx))
    expect(result.policyFingerprint).toBe(loaded.fingerprint)
    expect(result.warnings).toEqual([])
  })

  test('an invalid stored policy → default used, and said so', async () => {
    const s = setup()
    s.world.edit(s.session, () => s.figma.root.setPluginData('policy', '{"version":1,"alphaRemove":7}'))
    const load = await loadPolicyAsync(s.client)
    expect(load.kind).toBe('invalid')
    const { frame } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    const result = captured(await captureAsync(frame.id, s.ctx))
    expect(result.warnings.join(' ')).toMatch(/team policy .* invalid/)
  })
})

describe('Cancel', () => {
  test('a mark cancelled while compressing writes nothing to the layer', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    const controller = new AbortController()
    const cancelWhileEncoding = (p: WorkProgress) => {
      if (p.phase === 'encoding') controller.abort()
    }
    const outcome = await markAsync(s.client, [frame.id], ORIGIN, { ...s.ctx, signal: controller.signal, onProgress: cancelWhileEncoding })
    expect(outcome).toMatchObject({ kind: 'done', marked: [], failed: [] })
    expect(frame.getPluginData(RECORD_KEY)).toBe('')
  })

  test('a capture cancelled while scoring leaves the record as it was', async () => {
    const s = setup()
    const { frame } = makePattern(s)
    await markAsync(s.client, [frame.id], ORIGIN, s.ctx)
    const before = frame.getPluginData(RECORD_KEY)
    const controller = new AbortController()
    const cancelWhileScoring = (p: WorkProgress) => {
      if (p.phase === 'scoring') controller.abort()
    }
    await expect(captureAsync(frame.id, { ...s.ctx, signal: controller.signal, onProgress: cancelWhileScoring })).rejects.toThrow('Cancelled.')
    expect(frame.getPluginData(RECORD_KEY)).toBe(before)
  })
})
