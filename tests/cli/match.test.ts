import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli, TMP, writeTmp } from '../pack/support'
import { makeCopy, photoNoise, seededRandom, toJpeg, toPng, unrelatedPatterns } from '../enforcement/corpus'
import { CORPUS, writeCorpusPack } from './aftersale-fixture'

let pack = ''
const folder = path.join(TMP, 'scan')

beforeAll(async () => {
  pack = await writeCorpusPack()
  const rng = seededRandom(5)
  mkdirSync(path.join(folder, 'listings', 'deep'), { recursive: true })
  writeFileSync(path.join(folder, 'dress.jpg'), makeCopy(CORPUS[0]!.tile, 'in-photo', rng).bytes)
  writeFileSync(path.join(folder, 'listings', 'deep', 'scarf.PNG'), makeCopy(CORPUS[1]!.tile, 'crop', rng).bytes)
  writeFileSync(path.join(folder, 'listings', 'other.png'), toPng(unrelatedPatterns(1, 4)[0]!.tile))
  writeFileSync(path.join(folder, 'holiday.jpeg'), toJpeg(photoNoise(200, 150, rng)))
  writeFileSync(path.join(folder, 'broken.png'), toPng(CORPUS[2]!.tile).slice(0, 100))
  writeFileSync(path.join(folder, 'notes.txt'), 'not an image')
  writeFileSync(path.join(folder, 'fake.jpg'), 'not a jpeg either')
  // A PNG that declares 60,000 × 60,000 pixels.
  const huge = new Uint8Array(toPng(CORPUS[2]!.tile))
  new DataView(huge.buffer).setUint32(16, 60_000)
  new DataView(huge.buffer).setUint32(20, 60_000)
  writeFileSync(path.join(folder, 'huge.png'), huge)
}, 120_000)

describe('loomprint match', () => {
  it('finds the copies, passes the rest, reports unreadable images — exit 1', async () => {
    const r = await cli('match', pack, '--in', folder)
    expect(r.code).toBe(1)
    const line = (name: string) => r.out.split('\n').find((l) => l.includes(name)) ?? ''
    expect(line('dress.jpg')).toMatch(new RegExp(`^✗ dress.jpg: likely copy of ${CORPUS[0]!.name} \\(corpus-pattern-0\\)`))
    expect(line('scarf.PNG')).toMatch(/^✗ .*likely copy of .*\(corpus-pattern-1\)/)
    expect(line('other.png')).toMatch(/^✓ /)
    expect(line('holiday.jpeg')).toMatch(/^✓ /)
    expect(line('broken.png')).toMatch(/^! .*skipped/)
    expect(line('fake.jpg')).toMatch(/^! .*Not a PNG or JPEG/)
    expect(line('huge.png')).toMatch(/^! .*60000 × 60000 pixels, over the/)
    expect(r.out).not.toContain('notes.txt')
    expect(r.out).toContain('4 images scanned against 3 patterns')
    expect(r.out).toContain('2 likely copies, 3 skipped')
  })

  it('--json gives each image with its matches, best first', async () => {
    const r = await cli('match', pack, '--in', folder, '--json')
    const json = JSON.parse(r.out) as { copies: number; images: { path: string; status: string; matches?: { patternId: string; distance: number; confidence: number }[] }[] }
    expect(json.copies).toBe(2)
    const dress = json.images.find((i) => i.path === 'dress.jpg')!
    expect(dress.status).toBe('copy')
    expect(dress.matches![0]!.patternId).toBe('corpus-pattern-0')
    expect(dress.matches![0]!.confidence).toBeGreaterThan(0.5)
  })

  it('a strict threshold reports nothing: exit 0', async () => {
    const r = await cli('match', pack, '--in', folder, '--threshold', '0.001')
    expect(r.code).toBe(0)
    expect(r.out).toContain('0 likely copies')
  })

  it.each([
    [['match', '--in', folder], 'at least one PACK'],
    [['match', 'x.zip'], 'needs --in FOLDER'],
    [['match', 'x.zip', '--in', folder, '--threshold', 'lots'], '--threshold must be'],
    [['match', 'x.zip', '--in', folder, '--bogus'], 'Unknown option'],
  ])('usage errors exit 2 with the usage: %j', async (argv, message) => {
    const r = await cli(...argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
    expect(r.err).toContain('usage: loomprint match')
  })

  it('a pack that does not verify is refused, nothing scanned: exit 2', async () => {
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(pack)
    bytes[bytes.length >> 1] ^= 0x01 // one bit inside the stored assets
    const r = await cli('match', writeTmp(bytes, 'tampered.zip'), '--in', folder)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^✗ .*does not verify, nothing was scanned/)
    expect(r.out).toBe('')
  })

  it('a folder that does not exist: exit 2', async () => {
    const r = await cli('match', pack, '--in', path.join(TMP, 'nowhere'))
    expect(r.code).toBe(2)
    expect(r.err).toContain('not a readable folder')
  })
})
