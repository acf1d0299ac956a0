import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildPack, cli, TMP, writeTmp } from '../pack/support'
import { INTENDED_USE } from '../pack/fixture'
import { photoNoise, renderTile, seededRandom, toJpeg, toPng } from '../enforcement/corpus'
import { transformedCopy } from '../enforcement/transform-corpus'
import { CORPUS, packPattern, writeCorpusPack } from './aftersale-fixture'

const dir = path.join(TMP, 'catalogue')
const folder = path.join(TMP, 'sweep')
const results = path.join(TMP, 'sweep-results.jsonl')
let pack = ''

beforeAll(async () => {
  pack = await writeCorpusPack('catalogue-pack.zip')
  const rng = seededRandom(23)
  mkdirSync(path.join(folder, 'shop'), { recursive: true })
  // A light/dark-swapped colourway of pattern 0 and a mirrored copy of pattern 1.
  writeFileSync(path.join(folder, 'swapped.png'), transformedCopy(CORPUS[0]!.tile, 'lightDarkSwapped', rng, false, false).bytes)
  writeFileSync(path.join(folder, 'shop', 'mirrored.png'), transformedCopy(CORPUS[1]!.tile, 'mirrored', rng, false, false).bytes)
  writeFileSync(path.join(folder, 'holiday.jpg'), toJpeg(photoNoise(220, 160, rng), 50))
  writeFileSync(path.join(folder, 'broken.png'), toPng(CORPUS[2]!.tile).slice(0, 90))
}, 120_000)

describe('loomprint catalogue add', () => {
  it('adds a verified pack once; adding it again changes nothing', async () => {
    const first = await cli('catalogue', 'add', pack, '--catalogue', dir)
    expect(first.code).toBe(0)
    expect(first.out).toMatch(/\+ .*catalogue-pack\.zip: added pack .*, 3 patterns\./)
    const before = readFileSync(path.join(dir, 'catalogue.json'), 'utf8')
    const again = await cli('catalogue', 'add', pack, '--catalogue', dir)
    expect(again.code).toBe(0)
    expect(again.out).toContain('is already in the catalogue; nothing changed')
    expect(readFileSync(path.join(dir, 'catalogue.json'), 'utf8')).toBe(before)
    const list = await cli('catalogue', 'list', '--catalogue', dir, '--json')
    expect(JSON.parse(list.out)).toMatchObject({ patterns: 3 })
  })

  it('leaves out a pattern of plain stripes, saying why, and adds the rest of its pack', async () => {
    const stripes = { ...CORPUS[0]!, name: 'Plain Stripes', tile: renderTile('stripes', 4, 128, 112) }
    const patterns = [CORPUS[1]!, stripes]
    const zip = await buildPack({
      patterns: patterns.map(packPattern),
      assets: patterns.map((c, i) => ({ pattern: `corpus-pattern-${i}`, kind: 'png' as const, scale: 1, bytes: toPng(c.tile) })),
      intendedUse: INTENDED_USE,
    })
    const r = await cli('catalogue', 'add', writeTmp(zip, 'catalogue-stripes.zip'), '--catalogue', path.join(TMP, 'stripes-catalogue'))
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/! .*catalogue-stripes\.zip: Plain Stripes is not added: .*varies along one direction only \(plain stripes\)/)
    expect(r.out).toMatch(/added pack .*, 1 pattern\./)
  })

  it('refuses a pack that no longer verifies, and leaves the catalogue as it was', async () => {
    const before = readFileSync(path.join(dir, 'catalogue.json'), 'utf8')
    const bytes = readFileSync(pack)
    bytes[bytes.length >> 1] ^= 0x01
    const r = await cli('catalogue', 'add', writeTmp(bytes, 'catalogue-tampered.zip'), '--catalogue', dir)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/does not verify, not added/)
    expect(readFileSync(path.join(dir, 'catalogue.json'), 'utf8')).toBe(before)
  })

  it('a damaged catalogue is reported and left untouched', async () => {
    const bad = path.join(TMP, 'bad-catalogue')
    mkdirSync(bad, { recursive: true })
    writeFileSync(path.join(bad, 'catalogue.json'), '{"format":"something else"}')
    const r = await cli('catalogue', 'add', pack, '--catalogue', bad)
    expect(r.code).toBe(2)
    expect(r.err).toContain('is not a catalogue')
    expect(readFileSync(path.join(bad, 'catalogue.json'), 'utf8')).toBe('{"format":"something else"}')
  })

  it('a catalogue of an earlier descriptor version is refused with what to do, and left untouched', async () => {
    const old = path.join(TMP, 'old-catalogue')
    mkdirSync(old, { recursive: true })
    const made = JSON.parse(readFileSync(path.join(dir, 'catalogue.json'), 'utf8')) as { descriptorVersion: number }
    const text = JSON.stringify({ ...made, descriptorVersion: 1 })
    writeFileSync(path.join(old, 'catalogue.json'), text)
    writeFileSync(path.join(old, 'descriptors.f32'), readFileSync(path.join(dir, 'descriptors.f32')))
    const r = await cli('match', '--catalogue', old, '--in', folder)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/another version of loomprint \(descriptors v1, this one reads v2\); make it again/)
    expect(readFileSync(path.join(old, 'catalogue.json'), 'utf8')).toBe(text)
  })
})

describe('loomprint match --catalogue', () => {
  it('finds the swapped colourway and the mirrored copy, says what was done, keeps the results', async () => {
    const r = await cli('match', '--catalogue', dir, '--in', folder, '--results', results, '--workers', '0', '--json')
    expect(r.code).toBe(1)
    const json = JSON.parse(r.out) as { scannedNow: number; copies: number; images: { path: string; status: string; matches?: { patternId: string; colour: string; mirrored: boolean }[] }[] }
    const image = (p: string) => json.images.find((i) => i.path === p)!
    expect(image('swapped.png').matches![0]).toMatchObject({ patternId: 'corpus-pattern-0', colour: 'light and dark swapped' })
    expect(image(path.join('shop', 'mirrored.png')).matches![0]).toMatchObject({ patternId: 'corpus-pattern-1', mirrored: true })
    expect(image('holiday.jpg').status).toBe('clean')
    expect(image('broken.png').status).toBe('skipped')
    expect(json.scannedNow).toBe(4)
    expect(readFileSync(results, 'utf8').trim().split('\n')).toHaveLength(4)
  }, 60_000)

  it('a second run skips every image already scanned (by content), with the same answers', async () => {
    const r = await cli('match', '--catalogue', dir, '--in', folder, '--results', results, '--workers', '0')
    expect(r.code).toBe(1)
    expect(r.out).toContain('0 scanned now')
    expect(r.out).toContain('4 from earlier runs')
    expect(r.out).toMatch(/✗ swapped\.png: likely copy of .* light and dark swapped/)
    expect(r.out).toMatch(/✗ shop\/mirrored\.png: likely copy of .*mirrored/)
  })

  it('results of an earlier matcher are scanned again and said to be so; the old lines stay', async () => {
    const earlier = path.join(TMP, 'sweep-results-v2.jsonl')
    const lines = readFileSync(results, 'utf8').trim().split('\n')
    const old = lines.map((l) => JSON.stringify({ ...(JSON.parse(l) as object), v: 2 }))
    writeFileSync(earlier, `${old.join('\n')}\n{"v":2,"broken\n`)
    const r = await cli('match', '--catalogue', dir, '--in', folder, '--results', earlier, '--workers', '0')
    expect(r.out).toContain('4 scanned now')
    expect(r.out).toContain('4 results of an earlier loomprint matcher')
    expect(r.out).toContain('1 lines did not validate')
    expect(readFileSync(earlier, 'utf8').split('\n').slice(0, 4)).toEqual(old)
  }, 60_000)

  it('a catalogue that changed rescans', async () => {
    const other = path.join(TMP, 'catalogue-2')
    await cli('catalogue', 'add', pack, '--catalogue', other)
    writeFileSync(path.join(other, 'catalogue.json'), readFileSync(path.join(other, 'catalogue.json'), 'utf8').replace('"addedAt": "', '"addedAt": "x'))
    const r = await cli('match', '--catalogue', other, '--in', folder, '--results', results, '--workers', '0')
    expect(r.out).toContain('4 scanned now')
  }, 60_000)

  it('usage errors: a PACK with --catalogue, a missing catalogue', async () => {
    expect((await cli('match', pack, '--catalogue', dir, '--in', folder)).code).toBe(2)
    const r = await cli('match', '--catalogue', path.join(TMP, 'none'), '--in', folder)
    expect(r.code).toBe(2)
    expect(r.err).toContain('no catalogue there')
  })
})
