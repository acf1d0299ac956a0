/**
 * Export through the real host on the in-memory Figma: which patterns may go into a
 * pack and why not, assets travelling in slices under a message budget, signing keys
 * per device, Cancel, and the pack verifying with the CLI.
 */
import { describe, expect, it, test } from 'vitest'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { concatBytes } from '../../src/pack/bytes'
import { SIGNER_KEY_PREFIX, SIGNER_NAMESPACE, SIGNING_KEY_STORAGE } from '../../src/host/keys'
import {
  LOST_KEY_MESSAGE,
  exportPackAsync,
  loadSigningKeyAsync,
  newSigningKeyAsync,
  planExportAsync,
  type AssetChoice,
  type KeyStatus,
} from '../../src/ui/license/export-workflow'
import { createFigmaWorld } from '../figma-fake/index'
import { cli, writeTmp } from '../pack/support'
import { ADA, captured, openPlugin } from '../support/plugin-session'
import { decideAsync, listReviewAsync } from '../../src/ui/review/review-workflows'
import { captureAsync } from '../../src/ui/workflows'
import { licensedFile, USE } from './support'

const seeded = (seed: number) => (n: number) => new Uint8Array(n).map((_, i) => (i * 31 + seed) & 0xff)
const CHOICE: AssetChoice = { pngScales: [1, 2], pngWidths: [], svg: true, pdf: true, repeatPreview: true }
const CREATED = Date.UTC(2026, 2, 4, 9, 30)

function ready(status: KeyStatus) {
  if (status.kind !== 'ready') throw new Error(`expected a key, got ${status.kind}`)
  return status
}

describe('which patterns go into a pack', () => {
  test('one approved, licensed pattern passes; the unreviewed one is refused with its reason', async () => {
    const world = createFigmaWorld()
    const { ada, frames } = await licensedFile(world)
    const plan = await planExportAsync(ada.client, frames.map((f) => f.id), USE, DEFAULT_POLICY)
    expect(plan.map((c) => [c.name, c.reasons.length === 0])).toEqual([
      ['Paisley', true],
      ['Ikat', false],
    ])
    expect(plan[1]!.reasons.join(' ')).toMatch(/no approved review/)
  })

  it.each([
    ['a field of use outside the terms', { ...USE, use: { ...USE.use, fieldOfUse: 'advertising' as const } }, /explicitly denied/],
    ['a territory outside the terms', { ...USE, use: { ...USE.use, territory: ['US'] } }, /US/],
    ['a date after the term', { ...USE, at: '2028-06-01' }, /2027-12-31|ended|term/i],
    ['more variants than the cap allows (rule: deny)', { ...USE, use: { ...USE.use, variants: 20 } }, /variants/i],
  ])('%s refuses even the approved pattern', async (_, use, reason) => {
    const world = createFigmaWorld()
    const { ada, frames } = await licensedFile(world)
    const [paisley] = await planExportAsync(ada.client, [frames[0]!.id], use, DEFAULT_POLICY)
    expect(paisley!.reasons.join(' ')).toMatch(reason)
    expect(paisley!.pattern).toBeNull()
  })

  test('units beyond a cap whose rule is a per-unit royalty: allowed, with the royalty said', async () => {
    const world = createFigmaWorld()
    const { ada, frames } = await licensedFile(world)
    const [paisley] = await planExportAsync(ada.client, [frames[0]!.id], { ...USE, use: { ...USE.use, units: 12_000 } }, DEFAULT_POLICY)
    expect(paisley!.reasons).toEqual([])
    expect(paisley!.notes.join(' ')).toMatch(/2,000 beyond it/)
  })

  test('edits journaled before the capture that was approved do not make it out of date', async () => {
    // Journals are chains per person and session (issue #19): the export must compare heads the
    // same way the capture recorded them, or every journaled pattern reads as edited since.
    const world = createFigmaWorld()
    const { ada, cora, frames } = await licensedFile(world)
    world.edit(ada.session, () => {
      ;(frames[0]!.children[0] as RectangleNode).fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
    })
    // Cora's window is open too and journals the change as remote: both chains flushed before the capture.
    await ada.client.request('flushJournal', {})
    await cora.client.request('flushJournal', {})
    captured(await captureAsync(frames[0]!.id, ada.ctx))
    const row = (await listReviewAsync(cora.client)).find((r) => r.name === 'Paisley')!
    const decided = await decideAsync(cora.client, row, { decision: 'approve', comment: 'Still good' }, { ...cora.ctx, rules: { reviewerMustNotBeEditor: false } })
    expect(decided.kind).toBe('decided')
    const [paisley] = await planExportAsync(ada.client, [frames[0]!.id], USE, DEFAULT_POLICY)
    expect(paisley!.reasons).toEqual([])
  })

  test('an edit after the approval makes the capture out of date: refused', async () => {
    const world = createFigmaWorld()
    const { ada, frames } = await licensedFile(world)
    world.edit(ada.session, () => {
      ;(frames[0]!.children[0] as RectangleNode).fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
    })
    await ada.client.request('flushJournal', {})
    const [paisley] = await planExportAsync(ada.client, [frames[0]!.id], USE, DEFAULT_POLICY)
    expect(paisley!.reasons.join(' ')).toMatch(/edited after its last capture/)
  })
})

describe('export', () => {
  test('two patterns, one refused: the pack holds the other, assets came in slices under the budget, and it verifies', async () => {
    const budget = 8000
    const world = createFigmaWorld({ uiMessageBudgetBytes: budget })
    const { ada, frames } = await licensedFile(world)
    const key = ready(await newSigningKeyAsync(ada.client, ADA, { randomBytes: seeded(7), now: () => CREATED }))
    const plan = await planExportAsync(ada.client, frames.map((f) => f.id), USE, DEFAULT_POLICY)
    const before = ada.session.ui.messageSizes.length
    const stages = new Set<string>()
    const outcome = await exportPackAsync(ada.client, plan, { ...CHOICE, pngWidths: [3000] }, USE, {
      signer: key.signer,
      now: () => CREATED,
      messageBudgetBytes: budget,
      onProgress: (p) => stages.add(p.stage),
    })
    if (outcome.kind !== 'packed') throw new Error(outcome.error)
    expect(outcome.result.manifest.patterns.map((p) => p.name)).toEqual(['Paisley'])
    // The review history travels with its comment and the capture it was made on.
    expect(outcome.result.manifest.patterns[0]!.reviews).toMatchObject([{ decision: 'approved', by: { name: 'Cora Director' }, note: 'Good to license' }])
    expect([...stages]).toContain('exporting')
    const sizes = ada.session.ui.messageSizes.slice(before)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(budget)
    // The 3,000 px PNG is larger than one message may be: it came in slices, and is named by its scale.
    const wide = await frames[0]!.exportAsync({ format: 'PNG', constraint: { type: 'WIDTH', value: 3000 } })
    expect(wide.length).toBeGreaterThan(budget)
    expect(outcome.result.manifest.assets.map((a) => a.path)).toContain('assets/paisley/paisley@10x.png')
    expect(sizes.filter((s) => s > budget / 2).length).toBeGreaterThan(1)

    const file = writeTmp(concatBytes(outcome.result.parts), 'two-one-refused.zip')
    const run = await cli('verify', file)
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
  })

  test('the same inputs and time give the same bytes', async () => {
    const packs: string[] = []
    const world = createFigmaWorld()
    const { ada, frames } = await licensedFile(world)
    for (let i = 0; i < 2; i++) {
      const key = ready(await newSigningKeyAsync(ada.client, ADA, { randomBytes: seeded(7), now: () => CREATED }))
      const plan = await planExportAsync(ada.client, [frames[0]!.id], USE, DEFAULT_POLICY)
      const outcome = await exportPackAsync(ada.client, plan, CHOICE, USE, { signer: key.signer, now: () => CREATED })
      if (outcome.kind !== 'packed') throw new Error(outcome.error)
      packs.push(Buffer.from(concatBytes(outcome.result.parts)).toString('base64'))
    }
    expect(packs[0]).toBe(packs[1])
  })

  test('Cancel mid-export stops before the next asset: no pack', async () => {
    const world = createFigmaWorld()
    const { ada, frames } = await licensedFile(world)
    const key = ready(await newSigningKeyAsync(ada.client, ADA, { randomBytes: seeded(7), now: () => CREATED }))
    const plan = await planExportAsync(ada.client, [frames[0]!.id], USE, DEFAULT_POLICY)
    const controller = new AbortController()
    const asked: number[] = []
    const run = exportPackAsync(ada.client, plan, CHOICE, USE, {
      signer: key.signer,
      now: () => CREATED,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'exporting') asked.push(p.done)
        if (p.stage === 'exporting' && p.done === 1) controller.abort()
      },
    })
    await expect(run).rejects.toThrow('Cancelled.')
    expect(asked).toEqual([0, 1])
  })

  test('an asset Figma cannot export is named and no pack is made', async () => {
    const world = createFigmaWorld()
    const { ada, frames } = await licensedFile(world)
    const key = ready(await newSigningKeyAsync(ada.client, ADA, { randomBytes: seeded(7), now: () => CREATED }))
    const plan = await planExportAsync(ada.client, [frames[0]!.id], USE, DEFAULT_POLICY)
    world.edit(ada.session, () => frames[0]!.remove())
    const outcome = await exportPackAsync(ada.client, plan, CHOICE, USE, { signer: key.signer, now: () => CREATED })
    expect(outcome.kind).toBe('failed')
    expect(outcome.failedAssets[0]).toMatch(/^Paisley PNG 1×: That layer no longer exists/)
  })
})

describe('signing keys', () => {
  test('made in the UI, kept on the device, only the public half on the document', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    expect((await loadSigningKeyAsync(ada.client, ADA)).kind).toBe('none')
    const key = ready(await newSigningKeyAsync(ada.client, ADA, { randomBytes: seeded(1), now: () => CREATED }))
    expect(key.record.owner).toEqual(ADA)
    const stored = (await ada.figma.clientStorage.getAsync(SIGNING_KEY_STORAGE)) as { secretKey: string }
    expect(stored.secretKey).toMatch(/^[0-9a-f]{64}$/)
    const published = ada.figma.root.getSharedPluginData(SIGNER_NAMESPACE, SIGNER_KEY_PREFIX + key.record.fingerprint)
    expect(JSON.parse(published)).toEqual(key.record)
    // The secret key is nowhere in the document.
    const root = ada.figma.root
    const docText = JSON.stringify([
      root.getPluginDataKeys().map((k) => root.getPluginData(k)),
      root.getSharedPluginDataKeys(SIGNER_NAMESPACE).map((k) => root.getSharedPluginData(SIGNER_NAMESPACE, k)),
    ])
    expect(docText).toContain(key.record.publicKey)
    expect(docText).not.toContain(stored.secretKey)
  })

  test('a second device (or cleared storage) says the key is not here, and a new key works; the old one stays published', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const first = ready(await newSigningKeyAsync(ada.client, ADA, { randomBytes: seeded(1), now: () => CREATED }))
    const laptop = world.openSession(ADA, { device: 'laptop' })
    const { startPlugin } = await import('../../src/host/plugin')
    const { createClient } = await import('../../src/channel')
    startPlugin(laptop.figma, '<div></div>')
    const client = createClient({ send: (m) => laptop.ui.postToMain(m), listen: (r) => laptop.ui.onMessage(r) })
    const lost = await loadSigningKeyAsync(client, ADA)
    expect(lost).toMatchObject({ kind: 'lost', message: LOST_KEY_MESSAGE })
    const second = ready(await newSigningKeyAsync(client, ADA, { randomBytes: seeded(2), now: () => CREATED }))
    expect(second.record.fingerprint).not.toBe(first.record.fingerprint)
    expect(second.published.map((r) => r.fingerprint).sort()).toEqual([first.record.fingerprint, second.record.fingerprint].sort())

    world.clearClientStorage(ada.session)
    expect(await loadSigningKeyAsync(ada.client, ADA)).toMatchObject({ kind: 'lost' })
  })

  test('a damaged stored key is reported, never a crash', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    await ada.figma.clientStorage.setAsync(SIGNING_KEY_STORAGE, { secretKey: 'zz', record: '{}' })
    expect(await loadSigningKeyAsync(ada.client, ADA)).toMatchObject({ kind: 'damaged' })
  })
})
