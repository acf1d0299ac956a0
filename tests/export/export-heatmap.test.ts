/**
 * The capture's heat map in an exported pack, through the real host on the fake: the
 * stored PNG travels byte for byte as `heatmap/<pattern>.png` and verifies; a heat map
 * the record does not vouch for stays out, and the export says so.
 */
import { describe, expect, test } from 'vitest'
import { concatBytes } from '../../src/pack/bytes'
import { base64Decode } from '../../src/storage/base64'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { HEATMAP_KEY, parseRecord, RECORD_KEY } from '../../src/provenance/record'
import { exportPackAsync, newSigningKeyAsync, planExportAsync, type AssetChoice } from '../../src/ui/license/export-workflow'
import { createFigmaWorld } from '../figma-fake/index'
import { cli, unzipPack, writeTmp } from '../pack/support'
import { ADA } from '../support/plugin-session'
import { licensedFile, USE } from './support'

const CHOICE: AssetChoice = { pngScales: [1], pngWidths: [], svg: false, pdf: false, repeatPreview: false }
const CREATED = Date.UTC(2026, 2, 4, 9, 30)
const seeded = (n: number) => new Uint8Array(n).map((_, i) => (i * 31 + 7) & 0xff)

describe('the heat map in an exported pack', () => {
  test('is the stored PNG, byte for byte, named by the record’s SHA-256, and the pack verifies', async () => {
    const world = createFigmaWorld()
    const { ada, frames } = await licensedFile(world)
    const paisley = frames[0]!
    const key = await newSigningKeyAsync(ada.client, ADA, { randomBytes: seeded, now: () => CREATED })
    if (key.kind !== 'ready') throw new Error(key.kind)
    const plan = await planExportAsync(ada.client, [paisley.id], USE, DEFAULT_POLICY)
    expect(plan[0]!.notes).toEqual([])
    const outcome = await exportPackAsync(ada.client, plan, CHOICE, USE, { signer: key.signer, now: () => CREATED })
    if (outcome.kind !== 'packed') throw new Error(outcome.error)

    const record = parseRecord(paisley.getPluginData(RECORD_KEY))
    if (!record.ok) throw new Error(record.error)
    const heat = outcome.result.manifest.patterns[0]!.heatmap!
    expect(heat).toMatchObject({ path: 'heatmap/paisley.png', sha256: record.record.capture!.heatmap!.sha256, bytes: record.record.capture!.heatmap!.bytes })
    const zip = concatBytes(outcome.result.parts)
    const stored = base64Decode(paisley.getPluginData(HEATMAP_KEY))!
    expect(Buffer.from(unzipPack(zip).get('heatmap/paisley.png')!).equals(Buffer.from(stored))).toBe(true)
    const run = await cli('verify', writeTmp(zip, 'export-heat.zip'), '--at', '2026-06-01')
    expect(run.out).toMatch(/✓ heatmaps: 1 heat map/)
    expect(run.code).toBe(0)
  })

  test('a hand-edited heat map is left out of the pack, and the export says why', async () => {
    const world = createFigmaWorld()
    const { ada, frames } = await licensedFile(world)
    const paisley = frames[0]!
    world.edit(ada.session, () => paisley.setPluginData(HEATMAP_KEY, paisley.getPluginData(HEATMAP_KEY).replace(/A/, 'B')))
    const key = await newSigningKeyAsync(ada.client, ADA, { randomBytes: seeded, now: () => CREATED })
    if (key.kind !== 'ready') throw new Error(key.kind)
    const plan = await planExportAsync(ada.client, [paisley.id], USE, DEFAULT_POLICY)
    expect(plan[0]!.reasons).toEqual([])
    expect(plan[0]!.notes.join(' ')).toMatch(/Its heat map does not match the capture \(its SHA-256 differs .*\), so the pack carries none for it/)
    const outcome = await exportPackAsync(ada.client, plan, CHOICE, USE, { signer: key.signer, now: () => CREATED })
    if (outcome.kind !== 'packed') throw new Error(outcome.error)
    expect(outcome.result.manifest.patterns[0]!.heatmap).toBeUndefined()
    expect([...unzipPack(concatBytes(outcome.result.parts)).keys()].some((k) => k.startsWith('heatmap/'))).toBe(false)
  })
})
