import { describe, expect, it } from 'vitest'
import { decodeImage } from '../../src/enforcement/decode-image'
import { createMatcher, DEFAULT_THRESHOLD } from '../../src/enforcement/match'
import { COPY_KINDS, cropRepeat, makeCopy, packPatterns, photoNoise, seededRandom, toPng, unrelatedPatterns, type CopyKind } from './corpus'

const pack = packPatterns(3, 7)
const { matcher } = createMatcher(pack.map(({ patternId, name, tile }) => ({ patternId, name, tile })))

function scores(bytes: Uint8Array) {
  const decoded = decodeImage(bytes)
  if (!decoded.ok) throw new Error(decoded.error)
  return matcher.scoreImage(decoded.image)
}

describe('match: copies of a pack pattern are found', () => {
  const rng = seededRandom(11)
  const cases: [string, CopyKind, Uint8Array][] = []
  for (const p of pack) for (const kind of COPY_KINDS) cases.push([p.patternId, kind, makeCopy(p.tile, kind, rng).bytes])

  it.each(cases)('%s, %s: best match, within the threshold', (patternId, _kind, bytes) => {
    const [best] = scores(bytes)
    expect(best!.patternId).toBe(patternId)
    expect(best!.distance).toBeLessThanOrEqual(DEFAULT_THRESHOLD)
  })

  it('an exact tile scores (nearly) 0 and the right scale', () => {
    const [best] = scores(toPng(pack[0]!.tile))
    expect(best!.distance).toBeLessThan(0.02)
    expect(best!.scale).toBeCloseTo(1, 1)
  })

  it('a crop at another offset of the repeat is still the same pattern', () => {
    const t = pack[1]!.tile
    const [best] = scores(toPng(cropRepeat(t, 37, 51, t.width, t.height)))
    expect(best!.patternId).toBe(pack[1]!.patternId)
    expect(best!.distance).toBeLessThan(0.05)
  })
})

describe('match: unrelated pictures are not reported', () => {
  const rng = seededRandom(12)
  const others = unrelatedPatterns(5, 9)
  const cases: [string, Uint8Array][] = others.map((o, i) => [o.name, makeCopy(o.tile, COPY_KINDS[i % COPY_KINDS.length]!, rng).bytes])
  cases.push(['a photo-like picture', toPng(photoNoise(300, 240, rng))])

  it.each(cases)('%s', (_name, bytes) => {
    const [best] = scores(bytes)
    expect(best!.distance).toBeGreaterThan(DEFAULT_THRESHOLD)
  })

  it('a flat picture scores nothing and does not crash', () => {
    const flat = { width: 200, height: 200, data: new Uint8Array(200 * 200 * 4).fill(255) }
    const [best] = matcher.scoreImage(flat)
    expect(best!.distance).toBeGreaterThan(DEFAULT_THRESHOLD)
  })
})
