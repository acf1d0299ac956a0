/**
 * Heat maps in the pack: each pattern's ships as `heatmap/<pattern>.png`, byte for byte
 * as the capture stored it, listed and signed like every other file, checked by
 * `loomprint verify`; packs made before heat maps still verify.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { assemblePackAsync } from '../../src/pack/assemble'
import { parseManifest } from '../../src/pack/manifest'
import { sha256, toHex } from '../../src/storage/sha256'
import { AI_PATTERN, FIXED_NOW, fixtureInput, fixtureInputWithHeatMap, fixtureSigner, heatMapFixture, HUMAN_PATTERN } from './fixture'
import { buildPack, cli, unzipPack, writeTmp } from './support'

const ROOT = path.resolve(import.meta.dirname, '../..')
/** A pack made by the code before heat maps existed (commit c1cc61a, fixtureAssets(16)). */
const OLD_PACK = path.join(ROOT, 'tests/pack/fixtures/pack-before-heat-maps.zip')
const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('utf8')

function chunkNames(png: Uint8Array): string[] {
  const names: string[] = []
  for (let at = 8; at + 8 <= png.length; ) {
    const length = Buffer.from(png.subarray(at, at + 4)).readUInt32BE(0)
    names.push(Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1'))
    at += 12 + length
  }
  return names
}

describe('heat maps in the pack', () => {
  it('ships the stored PNG unchanged, listed with its SHA-256, named by its pattern, and verifies', async () => {
    const heat = heatMapFixture()
    const pack = await buildPack(fixtureInputWithHeatMap())
    const files = unzipPack(pack)
    const parsed = parseManifest(text(files.get('manifest.json')))
    if (!parsed.ok) throw new Error(parsed.error)
    const m = parsed.manifest
    const p = m.patterns.find((x) => x.id === AI_PATTERN.id)!
    expect(p.heatmap).toEqual({ path: 'heatmap/rose-trellis.png', bytes: heat.bytes.length, sha256: toHex(sha256(heat.bytes)), width: 256, height: 192, shares: heat.shares })
    expect(m.patterns.find((x) => x.id === HUMAN_PATTERN.id)!.heatmap).toBeUndefined()
    expect(m.files).toContainEqual({ path: 'heatmap/rose-trellis.png', mediaType: 'image/png', bytes: heat.bytes.length, sha256: p.heatmap!.sha256 })
    // Byte for byte what the capture stored: no XMP, no text — the picture and nothing else.
    expect(Buffer.from(files.get('heatmap/rose-trellis.png')!).equals(Buffer.from(heat.bytes))).toBe(true)
    expect(new Set(chunkNames(heat.bytes))).toEqual(new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']))
    expect(text(files.get('DISCLOSURE.md'))).toMatch(/Heat map of the human contribution: `heatmap\/rose-trellis\.png` \(SHA-256 `[0-9a-f]{64}`\)/)
    // Same inputs, same bytes.
    expect(Buffer.compare(pack, await buildPack(fixtureInputWithHeatMap()))).toBe(0)

    const r = await cli('verify', writeTmp(pack))
    expect(r.out).toMatch(/^✓ heatmaps: 1 heat map, each the listed file of its pattern$/m)
    expect(r.out).toMatch(/^✓ files: exactly the 20 files/m)
    expect(r.code).toBe(0)
    const shown = await cli('inspect', writeTmp(pack))
    expect(shown.out).toMatch(/heat map {3}heatmap\/rose-trellis\.png {2}256×192 {2}changed [\d.]+%, added [\d.]+%, removed [\d.]+%/)
  })

  it('a pack made before heat maps still verifies, with bin/loomprint.mjs too', async () => {
    const inProcess = await cli('verify', OLD_PACK, '--at', '2026-06-01')
    expect(inProcess.out).not.toMatch(/heatmaps:/)
    expect(inProcess.code).toBe(0)
    const bin = spawnSync(process.execPath, [path.join(ROOT, 'bin/loomprint.mjs'), 'verify', OLD_PACK, '--at', '2026-06-01'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    expect(bin.stdout.trim().split('\n').pop()).toBe('VERIFIED')
    expect(bin.status).toBe(0)
  })

  it('a pack with a heat map verifies with bin/loomprint.mjs', async () => {
    const file = writeTmp(await buildPack(fixtureInputWithHeatMap()), 'heat-bin.zip')
    const bin = spawnSync(process.execPath, [path.join(ROOT, 'bin/loomprint.mjs'), 'verify', file, '--at', '2026-06-01'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    expect(bin.stdout).toMatch(/✓ heatmaps: 1 heat map/)
    expect(bin.status).toBe(0)
  })

  it('refuses a heat map that carries more than the picture, belongs to no pattern, or comes twice', async () => {
    const assemble = (heatmaps: ReturnType<typeof heatMapFixture>[]) =>
      assemblePackAsync({ ...fixtureInput(), heatmaps }, { signer: fixtureSigner(), now: () => FIXED_NOW, yieldAsync: () => Promise.resolve() })
    const heat = heatMapFixture()
    // A tEXt chunk before IEND: a place for anything.
    const text = Buffer.concat([Buffer.from([0, 0, 0, 4]), Buffer.from('tEXtmail'), Buffer.alloc(4)])
    const withText = { ...heat, bytes: new Uint8Array(Buffer.concat([heat.bytes.subarray(0, heat.bytes.length - 12), text, heat.bytes.subarray(heat.bytes.length - 12)])) }
    expect(await assemble([withText])).toMatchObject({ ok: false, error: expect.stringMatching(/not a plain heat map PNG: it carries a “tEXt” chunk.*Nothing was written/) })
    expect(await assemble([{ ...heat, pattern: 'nobody' }])).toMatchObject({ ok: false, error: expect.stringMatching(/not in the pack/) })
    expect(await assemble([heat, heatMapFixture()])).toMatchObject({ ok: false, error: expect.stringMatching(/two heat maps/) })
    expect(await assemble([{ ...heat, bytes: new Uint8Array(70_000) }])).toMatchObject({ ok: false, error: expect.stringMatching(/larger than a heat map may be/) })
  })

  it('a heat map claimed by a pattern without its file is dropped, not shipped half', async () => {
    const claimed = { ...AI_PATTERN, heatmap: { path: 'heatmap/x.png', bytes: 10, sha256: '0'.repeat(64), width: 1, height: 1, shares: { changed: 0, added: 0, removed: 0 } } }
    const pack = await buildPack({ ...fixtureInput(), patterns: [claimed, HUMAN_PATTERN] })
    const m = JSON.parse(text(unzipPack(pack).get('manifest.json'))) as { patterns: { heatmap?: unknown }[] }
    expect(m.patterns.every((p) => p.heatmap === undefined)).toBe(true)
    expect((await cli('verify', writeTmp(pack))).code).toBe(0)
  })
})
