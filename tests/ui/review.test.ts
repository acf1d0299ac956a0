/**
 * The review through the real host on the in-memory Figma: several pages, approval
 * going out of date, two reviewers at once, the editor rule, v1 records, capture all.
 */
import { describe, expect, test } from 'vitest'
import { RECORD_KEY } from '../../src/provenance/record'
import { REVIEW_KEY, parseReviewLog } from '../../src/provenance/review'
import { METHOD } from '../../src/coefficient/method'
import { captureAllAsync, decideAsync, listReviewAsync, reviewRulesOf, type ReviewRow } from '../../src/ui/review/review-workflows'
import { captureAsync, loadPolicyAsync, markAsync, savePolicyAsync } from '../../src/ui/workflows'
import { createFigmaWorld, type FigmaWorld } from '../figma-fake/index'
import { ADA, BEN, captured, drawPattern, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'

const CORA = { id: '3003', name: 'Cora Art Director' }
const RULES_OFF = { reviewerMustNotBeEditor: false }
const RULES_ON = { reviewerMustNotBeEditor: true }

function row(rows: readonly ReviewRow[], name: string): ReviewRow {
  const found = rows.find((r) => r.name === name)
  if (!found) throw new Error(`no row “${name}” in ${rows.map((r) => r.name).join(', ')}`)
  return found
}

/** Three marked and captured patterns, moved to pages A, B and C. */
async function threePages(): Promise<{ world: FigmaWorld; ada: PluginUser; frames: FrameNode[] }> {
  const world = createFigmaWorld({ pageNames: ['A', 'B', 'C'] })
  const ada = openPlugin(world, ADA)
  const frames: FrameNode[] = []
  for (const name of ['Paisley', 'Ikat', 'Toile']) {
    const { frame } = drawPattern(world, ada)
    world.edit(ada.session, () => (frame.name = name))
    frames.push(frame)
  }
  const pages = world.document.children
  world.edit(ada.session, () => {
    pages[1]!.appendChild(frames[1]!)
    pages[2]!.appendChild(frames[2]!)
  })
  await world.flush()
  // Marked and captured across pages (the host loads each layer's page first).
  const marked = await markAsync(ada.client, frames.map((f) => f.id), ORIGIN, ada.ctx)
  expect(marked).toMatchObject({ kind: 'done', failed: [] })
  for (const frame of frames) captured(await captureAsync(frame.id, ada.ctx))
  return { world, ada, frames }
}

describe('the review lists every tracked pattern on every page', () => {
  test('three pages, statuses, labels, pages; thumbnails are PNGs', async () => {
    const { ada, frames } = await threePages()
    const progress: number[] = []
    const rows = await listReviewAsync(ada.client, { onProgress: (p) => progress.push(p.pagesDone) })
    expect(rows.map((r) => [r.name, r.pageName, r.status, r.label, r.edited])).toEqual([
      ['Paisley', 'A', 'unreviewed', 'AI-generated', false],
      ['Ikat', 'B', 'unreviewed', 'AI-generated', false],
      ['Toile', 'C', 'unreviewed', 'AI-generated', false],
    ])
    expect(progress.at(-1)).toBe(3)
    expect(rows.every((r) => r.hcc === 0 && r.capturedBy === ADA.name && r.license === 'none')).toBe(true)
    const { png } = await ada.client.request('thumbnail', { nodeId: frames[2]!.id, height: 32 })
    expect([...(png ?? new Uint8Array()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(await ada.client.request('thumbnail', { nodeId: '999:999', height: 32 })).toEqual({ png: null })
  })

  test('clicking a row on another page switches to it, selects and zooms', async () => {
    const { ada, frames } = await threePages()
    expect(await ada.client.request('focusNode', { nodeId: frames[2]!.id })).toEqual({ found: true })
    expect(ada.figma.currentPage.name).toBe('C')
    expect(ada.figma.currentPage.selection.map((n) => n.name)).toEqual(['Toile'])
  })
})

describe('decisions', () => {
  test('an approval holds for its capture only: edited → “approved, out of date”; captured again → still out of date', async () => {
    const { world, ada, frames } = await threePages()
    const cora = openPlugin(world, CORA)
    let rows = await listReviewAsync(cora.client)
    const decided = await decideAsync(cora.client, row(rows, 'Paisley'), { decision: 'approve', comment: '' }, { ...cora.ctx, rules: RULES_OFF })
    expect(decided.kind).toBe('decided')
    rows = await listReviewAsync(cora.client)
    expect(row(rows, 'Paisley').status).toBe('approved')
    const stored = parseReviewLog(frames[0]!.getPluginData(REVIEW_KEY))
    if (!stored.ok) throw new Error(stored.error)
    expect(stored.log.decisions[0]).toMatchObject({ decision: 'approve', by: CORA, capture: { hcc: 0, method: METHOD } })

    // Ada recolours a tile on page A (her plugin journals it).
    world.edit(ada.session, () => {
      ;(frames[0]!.children[0] as RectangleNode).fills = [{ type: 'SOLID', color: { r: 1, g: 0.9, b: 0 } }]
    })
    await world.flush()
    rows = await listReviewAsync(ada.client)
    expect(row(rows, 'Paisley')).toMatchObject({ status: 'approved-out-of-date', edited: true, outOfDate: true })

    captured(await captureAsync(frames[0]!.id, ada.ctx))
    rows = await listReviewAsync(ada.client)
    expect(row(rows, 'Paisley')).toMatchObject({ status: 'approved-out-of-date', edited: false })
    expect(row(rows, 'Paisley').hcc).toBeGreaterThan(0)
  })

  test('Request changes and Reject need a comment; nothing is written without one', async () => {
    const { world, frames } = await threePages()
    const cora = openPlugin(world, CORA)
    const rows = await listReviewAsync(cora.client)
    const outcome = await decideAsync(cora.client, row(rows, 'Ikat'), { decision: 'reject', comment: ' ' }, { ...cora.ctx, rules: RULES_OFF })
    expect(outcome).toMatchObject({ kind: 'refused', issues: [{ path: 'comment' }] })
    expect(frames[1]!.getPluginData(REVIEW_KEY)).toBe('')
  })

  test('two reviewers at once: neither decision is lost; the later write refuses and says so', async () => {
    const { world, frames } = await threePages()
    const cora = openPlugin(world, CORA)
    const ben = openPlugin(world, BEN)
    // Both open the review before either decides.
    const coraRows = await listReviewAsync(cora.client)
    const benRows = await listReviewAsync(ben.client)
    await decideAsync(cora.client, row(coraRows, 'Toile'), { decision: 'approve', comment: 'lovely' }, { ...cora.ctx, rules: RULES_OFF })
    const late = decideAsync(ben.client, row(benRows, 'Toile'), { decision: 'request-changes', comment: 'border is raw AI' }, { ...ben.ctx, rules: RULES_OFF })
    await expect(late).rejects.toThrow(/Someone else recorded a decision on “Toile”.*Their decision was kept and yours was not written/)
    const afterRace = parseReviewLog(frames[2]!.getPluginData(REVIEW_KEY))
    expect(afterRace.ok && afterRace.log.decisions.map((d) => d.by.name)).toEqual([CORA.name])

    // Ben reloads and decides again: both decisions are in the history, in order.
    const again = await listReviewAsync(ben.client)
    await decideAsync(ben.client, row(again, 'Toile'), { decision: 'request-changes', comment: 'border is raw AI' }, { ...ben.ctx, rules: RULES_OFF })
    const final = parseReviewLog(frames[2]!.getPluginData(REVIEW_KEY))
    expect(final.ok && final.log.decisions.map((d) => [d.by.name, d.decision, d.comment])).toEqual([
      [CORA.name, 'approve', 'lovely'],
      [BEN.name, 'request-changes', 'border is raw AI'],
    ])
    expect(row(await listReviewAsync(ben.client), 'Toile').status).toBe('changes-requested')
  })

  test('a decision on a score that was captured again meanwhile is refused', async () => {
    const { world, ada, frames } = await threePages()
    const cora = openPlugin(world, CORA)
    const rows = await listReviewAsync(cora.client)
    // An edit, then a capture: the same figures again would not be a new capture (issue #21).
    world.edit(ada.session, () => ((frames[0]!.children[0] as RectangleNode).x += 30))
    await world.flush()
    captured(await captureAsync(frames[0]!.id, ada.ctx))
    await expect(
      decideAsync(cora.client, row(rows, 'Paisley'), { decision: 'approve', comment: '' }, { ...cora.ctx, rules: RULES_OFF }),
    ).rejects.toThrow(/score of “Paisley” changed since you opened the review/)
  })

  test('with the policy on, an editor’s approval is refused with the reason; another reviewer may approve', async () => {
    const { world, ada, frames } = await threePages()
    world.edit(ada.session, () => {
      ;(frames[0]!.children[1] as RectangleNode).fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]
    })
    await world.flush()
    captured(await captureAsync(frames[0]!.id, ada.ctx))
    const rows = await listReviewAsync(ada.client)
    const refused = await decideAsync(ada.client, row(rows, 'Paisley'), { decision: 'approve', comment: '' }, { ...ada.ctx, rules: RULES_ON })
    expect(refused.kind).toBe('refused')
    if (refused.kind === 'refused') expect(refused.reason).toMatch(/You edited this pattern \(1 edit in its journal\).*must not be one of the pattern’s editors/)
    expect(frames[0]!.getPluginData(REVIEW_KEY)).toBe('')
    // Off by default: the same approval goes through.
    expect((await decideAsync(ada.client, row(rows, 'Paisley'), { decision: 'approve', comment: '' }, { ...ada.ctx, rules: RULES_OFF })).kind).toBe('decided')
  })

  test('the rule comes from the team policy stored in the file (off by default)', async () => {
    const { world, ada, frames } = await threePages()
    world.edit(ada.session, () => {
      ;(frames[0]!.children[1] as RectangleNode).fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]
    })
    await world.flush()
    captured(await captureAsync(frames[0]!.id, ada.ctx))
    expect(reviewRulesOf((await loadPolicyAsync(ada.client)).policy)).toEqual({ ...RULES_OFF, maxUnattributedShare: null })
    const saved = await savePolicyAsync(ada.client, { version: 1, reviewerMustNotBeEditor: true })
    expect(saved.kind).toBe('saved')
    const rules = reviewRulesOf((await loadPolicyAsync(ada.client)).policy)
    expect(rules).toEqual({ ...RULES_ON, maxUnattributedShare: null })
    const rows = await listReviewAsync(ada.client)
    const outcome = await decideAsync(ada.client, row(rows, 'Paisley'), { decision: 'approve', comment: '' }, { ...ada.ctx, rules })
    expect(outcome.kind).toBe('refused')
  })

  test('main refuses a write that is not an append, even from a misbehaving UI', async () => {
    const { world, frames } = await threePages()
    const cora = openPlugin(world, CORA)
    const rows = await listReviewAsync(cora.client)
    await decideAsync(cora.client, row(rows, 'Ikat'), { decision: 'approve', comment: '' }, { ...cora.ctx, rules: RULES_OFF })
    const stored = frames[1]!.getPluginData(REVIEW_KEY)
    const emptied = JSON.stringify({ ...JSON.parse(stored), decisions: [] })
    await expect(
      cora.client.request('writeReview', { nodeId: frames[1]!.id, expectRecord: frames[1]!.getPluginData(RECORD_KEY), expect: stored, review: emptied }),
    ).rejects.toThrow(/must add a decision.*Nothing was written/)
    expect(frames[1]!.getPluginData(REVIEW_KEY)).toBe(stored)
  })
})

describe('records written by version 1', () => {
  test('load in the review and are captured to v2 with their review kept', async () => {
    const { world, ada, frames } = await threePages()
    const v2 = JSON.parse(frames[0]!.getPluginData(RECORD_KEY)) as Record<string, unknown>
    const legacyReview = { status: 'approved', by: BEN, at: '2025-03-01', note: 'ok by me' }
    const v1 = { ...v2, version: 1, review: legacyReview, license: null }
    world.edit(ada.session, () => frames[0]!.setPluginData(RECORD_KEY, JSON.stringify(v1)))
    let rows = await listReviewAsync(ada.client)
    expect(row(rows, 'Paisley')).toMatchObject({ status: 'unreviewed', recordError: null })
    expect(row(rows, 'Paisley').record?.legacy?.review).toEqual(legacyReview)
    captured(await captureAsync(frames[0]!.id, ada.ctx))
    const rewritten = JSON.parse(frames[0]!.getPluginData(RECORD_KEY)) as { version: number; legacy: unknown }
    expect(rewritten.version).toBe(2)
    expect(rewritten.legacy).toEqual({ review: legacyReview, license: null })
    rows = await listReviewAsync(ada.client)
    expect(row(rows, 'Paisley').status).toBe('unreviewed')
  })
})

describe('Capture all out of date', () => {
  test('captures each, one failure is reported and does not stop the rest; each capture is its own undo step', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const frames = [drawPattern(world, ada).frame, drawPattern(world, ada).frame, drawPattern(world, ada).frame]
    world.edit(ada.session, () => frames.forEach((f, i) => (f.name = `P${String(i + 1)}`)))
    await markAsync(ada.client, frames.map((f) => f.id), ORIGIN, ada.ctx)
    // The middle one's baseline gets damaged.
    world.edit(ada.session, () => frames[1]!.setPluginData('baseline.1.0', 'AAAA'))
    const rows = await listReviewAsync(ada.client)
    const stale = rows.filter((r) => r.outOfDate)
    expect(stale.map((r) => r.name)).toEqual(['P1', 'P2', 'P3'])
    const seen: string[] = []
    const outcome = await captureAllAsync(stale, ada.ctx, { onPattern: (p) => seen.push(`${String(p.index + 1)}/${String(p.count)} ${p.name}`) })
    expect(seen).toEqual(['1/3 P1', '2/3 P2', '3/3 P3'])
    expect(outcome.captured.map((c) => c.name)).toEqual(['P1', 'P3'])
    expect(outcome.failed).toEqual([{ nodeId: frames[1]!.id, name: 'P2', error: expect.stringMatching(/baseline is damaged/) as unknown }])
    // Undo reverts the last capture only.
    const p1 = frames[0]!.getPluginData(RECORD_KEY)
    ada.session.undo()
    expect(JSON.parse(frames[2]!.getPluginData(RECORD_KEY)).capture).toBeNull()
    expect(frames[0]!.getPluginData(RECORD_KEY)).toBe(p1)
  })

  test('Cancel stops before the next pattern and says how many were left', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const frames = [drawPattern(world, ada).frame, drawPattern(world, ada).frame, drawPattern(world, ada).frame]
    await markAsync(ada.client, frames.map((f) => f.id), ORIGIN, ada.ctx)
    let cancel = false
    const outcome = await captureAllAsync(
      frames.map((f) => ({ nodeId: f.id, name: f.name })),
      ada.ctx,
      { cancelled: () => cancel, onPattern: (p) => (cancel = p.index === 0) },
    )
    expect(outcome.captured).toHaveLength(1)
    expect(outcome.skipped).toBe(2)
  })

  test('Cancel through the runner’s signal stops the running capture before it writes', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const frames = [drawPattern(world, ada).frame, drawPattern(world, ada).frame]
    await markAsync(ada.client, frames.map((f) => f.id), ORIGIN, ada.ctx)
    const before = frames.map((f) => f.getPluginData(RECORD_KEY))
    const controller = new AbortController()
    const nodes: number[] = []
    const outcome = await captureAllAsync(
      frames.map((f) => ({ nodeId: f.id, name: f.name })),
      { ...ada.ctx, signal: controller.signal, onProgress: (p) => {
        nodes.push(p.node?.index ?? -1)
        if (p.phase === 'scoring') controller.abort()
      } },
    )
    expect(outcome).toMatchObject({ captured: [], failed: [], skipped: 2 })
    expect(frames.map((f) => f.getPluginData(RECORD_KEY))).toEqual(before)
    expect(nodes.every((n) => n === 0)).toBe(true)
  })
})
