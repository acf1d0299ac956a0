import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { initSync, WasmBuilder } from '@contentauth/c2pa-wasm'
import { assemblePackAsync } from '../../src/pack/assemble'
import { canonicalBytes } from '../../src/pack/canonical'
import { decodePng, hammingDistance, perceptualHash } from '../../src/pack/image'
import { generateKeyPair, signerFromSecretKey, verifySignature } from '../../src/pack/keys'
import { parseManifest, type PackManifest } from '../../src/pack/manifest'
import { readXmpFromPng } from '../../src/pack/xmp'
import { base64Decode } from '../../src/storage/base64'
import { AI_PATTERN, FIXED_NOW, fixtureInput, fixtureSigner, HUMAN_PATTERN, tilePng } from './fixture'
import { buildPack, cli, unzipPack, writeTmp } from './support'

const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('utf8')

describe('a licensed pattern pack', () => {
  it('holds the layout of DESIGN.md and lists every file with its SHA-256', async () => {
    const files = unzipPack(await buildPack())
    const names = [...files.keys()]
    expect(names.slice(0, 2)).toEqual(['manifest.json', 'manifest.sig'])
    for (const n of ['LICENSE.md', 'license.odrl.json', 'DISCLOSURE.md']) expect(names).toContain(n)
    const parsed = parseManifest(text(files.get('manifest.json')))
    if (!parsed.ok) throw new Error(parsed.error)
    const m = parsed.manifest
    expect(m.assets.map((a) => a.kind).sort()).toEqual(['pdf', 'png', 'png', 'png', 'repeat-preview', 'repeat-preview', 'svg'])
    const listed = new Set([...m.assets.map((a) => a.path), ...m.files.map((f) => f.path), 'manifest.json', 'manifest.sig'])
    expect(new Set(names)).toEqual(listed)
    for (const a of m.assets) {
      expect(files.get(a.c2pa)).toBeDefined()
      if (a.mediaType === 'image/png') {
        expect(a.width).toBeGreaterThan(0)
        expect(a.phash).toMatch(/^[0-9a-f]{64}$/)
      }
    }
    const preview = m.assets.find((a) => a.kind === 'repeat-preview' && a.pattern === AI_PATTERN.id)!
    expect([preview.width, preview.height]).toEqual([192, 192]) // 3 × the 64 px tile
  })

  it('is signed over the RFC 8785 bytes of the manifest', async () => {
    const files = unzipPack(await buildPack())
    const m = JSON.parse(text(files.get('manifest.json'))) as PackManifest
    const sig = base64Decode(text(files.get('manifest.sig')).trim())!
    const pub = Buffer.from(m.signer.publicKey, 'hex')
    expect(verifySignature(sig, canonicalBytes(m), pub)).toBe(true)
    const edited = { ...m, patterns: [{ ...m.patterns[0]!, hcc: 0.99 }, ...m.patterns.slice(1)] }
    expect(verifySignature(sig, canonicalBytes(edited), pub)).toBe(false)
  })

  it('is byte-identical for the same inputs and time, and differs for another time', async () => {
    const a = await buildPack()
    const b = await buildPack()
    expect(Buffer.compare(a, b)).toBe(0)
    const c = await buildPack(fixtureInput(), fixtureSigner(), new Date('2026-03-05T09:30:00Z'))
    expect(Buffer.compare(a, c)).not.toBe(0)
  })

  it('verifies with the CLI (exit 0), pinned to its key', async () => {
    const file = writeTmp(await buildPack())
    const m = parseManifest(text(unzipPack(readFileSync(file)).get('manifest.json')))
    if (!m.ok) throw new Error(m.error)
    const r = await cli('verify', file, '--trust', m.manifest.signer.fingerprint)
    expect(r.out).toContain('VERIFIED')
    expect(r.out).toContain('✓ key:')
    expect(r.code).toBe(0)
  })

  it('answers an intended use: allowed inside the terms, denied with reasons outside', async () => {
    const input = fixtureInput()
    const file = writeTmp(await buildPack({ ...input, patterns: [AI_PATTERN], assets: input.assets.filter((a) => a.pattern === AI_PATTERN.id) }))
    const ok = await cli('verify', file, '--use', 'apparel', '--territory', 'FR', '--units', '5000')
    expect(ok.out).toMatch(/✓ use: Rose Trellis: intended use allowed/)
    expect(ok.code).toBe(0)
    const bad = await cli('verify', file, '--use', 'advertising', '--territory', 'US', '--units', '20000')
    expect(bad.out).toContain('✗ use: Rose Trellis: intended use denied (Advertising is explicitly denied by the terms; US is outside the licensed territory')
    expect(bad.out).toContain('10,000 beyond the cap of 10,000')
    expect(bad.code).toBe(1)
    const late = await cli('verify', file, '--at', '2027-06-01')
    expect(late.out).toContain('✗ term: Rose Trellis: the term ended on 2027-02-28')
    expect(late.code).toBe(1)
  })

  it('refuses bad input without writing anything, and stops when asked', async () => {
    const signer = fixtureSigner()
    const noPatterns = await assemblePackAsync({ ...fixtureInput(), patterns: [] }, { signer, now: () => FIXED_NOW })
    expect(noPatterns).toMatchObject({ ok: false, error: 'The pack has no patterns. Nothing was written.' })
    const orphan = await assemblePackAsync(
      { ...fixtureInput(), assets: [{ pattern: 'nope', kind: 'png', bytes: tilePng(8) }] },
      { signer, now: () => FIXED_NOW },
    )
    expect(orphan.ok).toBe(false)
    const notPng = await assemblePackAsync(
      { ...fixtureInput(), assets: [{ pattern: AI_PATTERN.id, kind: 'png', bytes: new Uint8Array([1, 2, 3]) }] },
      { signer, now: () => FIXED_NOW },
    )
    expect(notPng).toMatchObject({ ok: false })
    let steps = 0
    const stages: string[] = []
    const stopped = await assemblePackAsync(fixtureInput(), {
      signer,
      now: () => FIXED_NOW,
      onProgress: (p) => stages.push(p.stage),
      shouldStop: () => ++steps > 3,
    })
    expect(stopped).toMatchObject({ ok: false, stopped: true })
    expect(stages.length).toBeGreaterThan(0)
  })
})

describe('metadata inside the assets', () => {
  it('ExifTool reads the IPTC source type, PLUS data mining, rights, creator and licensor from PNG and SVG', async () => {
    const files = unzipPack(await buildPack())
    const png = writeTmp(files.get('assets/rose-trellis/rose-trellis@2x.png')!, 'x.png')
    const svg = writeTmp(files.get('assets/rose-trellis/rose-trellis.svg')!, 'x.svg')
    const run = (f: string) =>
      JSON.parse(execFileSync('exiftool', ['-json', '-XMP:all', f], { encoding: 'utf8' }))[0] as { [k: string]: unknown }
    for (const f of [png, svg]) {
      const x = run(f)
      expect(x['DigitalSourceType']).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia')
      expect(x['DataMining']).toBe('http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED')
      expect(x['Rights']).toMatch(/^© Studio Loom\. Licensed on the terms in LICENSE\.md/)
      expect(x['Creator']).toBe('Grace Designer')
      expect(x['LicensorName']).toBe('Studio Loom')
      expect(x['Reservation']).toBe(1)
    }
    const human = run(writeTmp(files.get('assets/hand-drawn-dots/hand-drawn-dots@1x.png')!, 'h.png'))
    expect(human['DigitalSourceType']).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation')
  })

  it('keeps the pixels: the PNG with XMP decodes to the same image as the export', async () => {
    const files = unzipPack(await buildPack())
    const withXmp = decodePng(files.get('assets/rose-trellis/rose-trellis@1x.png')!)!
    const original = decodePng(tilePng(64))!
    expect(Buffer.compare(Buffer.from(withXmp.data), Buffer.from(original.data))).toBe(0)
    expect(readXmpFromPng(files.get('assets/rose-trellis/rose-trellis@1x.png')!)).toContain('DigitalSourceType')
  })
})

describe('perceptual hash', () => {
  it('finds a resized copy and tells an unrelated pattern apart', () => {
    const tile = decodePng(tilePng(64))!
    const a = perceptualHash(tile)
    // the same image at twice the size (nearest neighbour)
    const big = new Uint8Array(128 * 128 * 4)
    for (let y = 0; y < 128; y++) for (let x = 0; x < 128; x++) big.set(tile.data.subarray(((y >> 1) * 64 + (x >> 1)) * 4, ((y >> 1) * 64 + (x >> 1)) * 4 + 4), (y * 128 + x) * 4)
    const resized = perceptualHash({ width: 128, height: 128, data: big })
    const other = perceptualHash(decodePng(tilePng(64, 128))!)
    expect(hammingDistance(a, resized)).toBeLessThan(8)
    expect(hammingDistance(a, other)).toBeGreaterThan(hammingDistance(a, resized))
  })
})

describe('C2PA manifest definitions', () => {
  it('every definition is accepted by the C2PA reference parser (c2pa-wasm) and starts with c2pa.created', async () => {
    const wasm = readFileSync(new URL(import.meta.resolve('@contentauth/c2pa-wasm/c2pa.wasm')))
    initSync({ module: wasm })
    const files = unzipPack(await buildPack())
    const defs = [...files.keys()].filter((k) => k.startsWith('c2pa/'))
    expect(defs.length).toBe(7)
    for (const k of defs) {
      const json = text(files.get(k))
      const builder = WasmBuilder.fromJson(json)
      const back = builder.getDefinition() as unknown as { assertions: { label: string; data: { actions?: { action: string; digitalSourceType?: string; softwareAgent?: { name: string } }[] } }[] }
      builder.free()
      const actions = back.assertions.find((a) => a.label === 'c2pa.actions.v2')!.data.actions!
      expect(actions[0]!.action).toBe('c2pa.created')
      expect(actions.filter((a) => a.action === 'c2pa.created' || a.action === 'c2pa.opened')).toHaveLength(1)
      if (k.startsWith('c2pa/rose-trellis/')) {
        expect(actions[0]!.digitalSourceType).toMatch(/trainedAlgorithmicMedia$/)
        expect(actions[0]!.softwareAgent!.name).toBe('ComfyUI SDXL')
        expect(actions.slice(1).every((a) => /compositeWithTrainedAlgorithmicMedia$/.test(a.digitalSourceType ?? ''))).toBe(true)
        expect(actions.map((a) => a.action)).toContain('c2pa.adjustedColor')
      } else {
        expect(actions[0]!.digitalSourceType).toMatch(/digitalCreation$/)
      }
      const tm = back.assertions.find((a) => a.label === 'cawg.training-mining') as unknown as { data: { entries: { [k: string]: { use: string } } } }
      expect(tm.data.entries['cawg.ai_generative_training']!.use).toBe('notAllowed')
    }
    expect(() => WasmBuilder.fromJson('{"title": 5}')).toThrow()
  })
})

describe('keys', () => {
  it('a generated key signs packs that verify; the secret key never enters the pack', async () => {
    let seed = 1
    const pair = generateKeyPair({ randomBytes: (n) => new Uint8Array(n).map(() => (seed = (seed * 48271) % 2147483647) & 0xff), now: () => FIXED_NOW })
    const signer = signerFromSecretKey(pair.secretKey, { id: 'u-9', name: 'Key Owner' })!
    const zip = await buildPack({ ...fixtureInput(), patterns: [HUMAN_PATTERN], assets: fixtureInput().assets.slice(4) }, signer)
    expect(zip.includes(Buffer.from(pair.secretKey))).toBe(false)
    const file = writeTmp(zip)
    const r = await cli('verify', file, '--trust', pair.record.publicKey)
    expect(r.code).toBe(0)
    expect(signerFromSecretKey('zz')).toBeNull()
  })
})
