import { describe, expect, it } from 'vitest'
import { decodeImage } from '../../src/enforcement/decode-image'
import { CATALOGUE_THRESHOLD, createCatalogueMatcher } from '../../src/enforcement/catalogue-matcher'
import { logPolarPlan } from '../../src/enforcement/log-polar'
import { describePattern, packDescriptor, unpackDescriptor, type PatternDescriptor } from '../../src/enforcement/pattern-descriptor'
import { imageSpectra } from '../../src/enforcement/image-spectra'
import { toGrey } from '../../src/enforcement/grey'
import { pyramid } from '../../src/enforcement/resample'
import { packPatterns, photoNoise, seededRandom, toPng, unrelatedPatterns } from './corpus'
import { viewRepeat, transformedCopy } from './transform-corpus'

const plan = logPolarPlan()
const pack = packPatterns(9, 31)
const descriptors: PatternDescriptor[] = pack.map((p) => {
  const d = describePattern(plan, p)
  if (!d.ok) throw new Error(d.error)
  return d.descriptor
})
const matcher = createCatalogueMatcher(descriptors)

function find(bytes: Uint8Array) {
  const d = decodeImage(bytes)
  if (!d.ok) throw new Error(d.error)
  return matcher.findCopies(d.image)
}

/** Cosine similarity of two harmonic-magnitude maps. */
function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0
  let aa = 0
  let bb = 0
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!
    aa += a[i]! * a[i]!
    bb += b[i]! * b[i]!
  }
  return ab / Math.sqrt(aa * bb)
}

describe('the short-list descriptor ignores a turn and a mirror', () => {
  const tile = pack[0]!.tile
  const spectrum = (angle: number, mirrored: boolean) => {
    const view = viewRepeat(tile, { angle, mirrored, scale: 1, offsetX: 17, offsetY: 5, width: 384, height: 384 })
    return imageSpectra(plan, pyramid(toGrey(view), 8))[0]!.harmonics.magnitude
  }
  const upright = spectrum(0, false)
  it.each([
    ['turned 30°', Math.PI / 6, false],
    ['turned 137°', (137 * Math.PI) / 180, false],
    ['mirrored', 0, true],
    ['mirrored and turned 71°', (71 * Math.PI) / 180, true],
  ] as const)('%s: the harmonic magnitudes stay (cosine ≥ 0.9)', (_name, angle, mirrored) => {
    expect(cosine(upright, spectrum(angle, mirrored))).toBeGreaterThan(0.9)
  })
  it('another pattern is farther', () => {
    const other = imageSpectra(plan, pyramid(toGrey(viewRepeat(pack[4]!.tile, { angle: 0, mirrored: false, scale: 1, offsetX: 0, offsetY: 0, width: 384, height: 384 })), 8))[0]!.harmonics.magnitude
    expect(cosine(upright, other)).toBeLessThan(cosine(upright, spectrum(Math.PI / 6, false)))
  })
})

describe('catalogue match: copies are found, and what was done to each is said', () => {
  const rng = seededRandom(41)
  const transforms = ['plain', 'turned', 'mirrored', 'recoloured', 'lightDarkSwapped', 'greyscale'] as const
  const colourOf = { plain: 'original colours', turned: 'original colours', mirrored: 'original colours', recoloured: 'recoloured', lightDarkSwapped: 'light and dark swapped', greyscale: 'greyscale' } as const
  // Two copies per transformation, of different patterns.
  const copies = transforms.flatMap((transform, t) =>
    [0, 1].map((k) => {
      const pattern = pack[(t + 3 * k) % pack.length]!
      const copy = transformedCopy(pattern.tile, transform, rng, false, false)
      return { transform, pattern, copy, best: find(copy.bytes)[0] }
    }),
  )
  const found = copies.filter((c) => c.best?.patternId === c.pattern.patternId && c.best.distance <= CATALOGUE_THRESHOLD)

  it('at least 10 of the 12 copies are found (the bench measures recall at scale)', () => {
    expect(found.length).toBeGreaterThanOrEqual(10)
  })

  it.each(transforms)('%s: a found copy is reported with its scale, turn, mirror and colours', (transform) => {
    const mine = found.filter((c) => c.transform === transform)
    expect(mine.length).toBeGreaterThan(0)
    for (const { copy, best } of mine) {
      expect(best!.scale).toBeGreaterThan(copy.geometry.scale * 0.85)
      expect(best!.scale).toBeLessThan(copy.geometry.scale * 1.15)
      // A mirror about one axis is a mirror about the other turned by 180°: either description is right.
      const truth = (copy.geometry.angle * 180) / Math.PI + (transform === 'mirrored' && Math.abs(best!.rotation) > 90 ? 180 : 0)
      expect(Math.abs(((best!.rotation - truth + 540) % 360) - 180)).toBeLessThan(5)
      expect(best!.mirrored).toBe(transform === 'mirrored')
      expect(best!.colour).toBe(colourOf[transform])
    }
  })
})

describe('catalogue match: copies inside a larger photo, saved as JPEG q50', () => {
  const rng = seededRandom(44)
  const transforms = ['plain', 'turned', 'mirrored', 'recoloured', 'lightDarkSwapped', 'greyscale'] as const
  const copies = transforms.flatMap((transform, t) =>
    [0, 1].map((k) => {
      const pattern = pack[(2 * t + k) % pack.length]!
      return { pattern, best: find(transformedCopy(pattern.tile, transform, rng, true, true).bytes)[0] }
    }),
  )
  it('at least 9 of the 12 are found, their own pattern on top', () => {
    // 8 before the windows were weighed by contrast, more scales tried and the pose refined; 9 now.
    // Copies inside pictures are the matcher's weak point (docs/enforcement.md): the bench measures them at scale.
    expect(copies.filter((c) => c.best?.patternId === c.pattern.patternId && c.best.distance <= CATALOGUE_THRESHOLD).length).toBeGreaterThanOrEqual(9)
  })
})

describe('catalogue match: what is not a copy is not reported', () => {
  const rng = seededRandom(42)
  const others = unrelatedPatterns(4, 43)
  it.each(others.map((o, i) => [o.name, i] as const))('%s', (_name, i) => {
    const [best] = find(transformedCopy(others[i]!.tile, 'turned', rng, false, true).bytes)
    expect(best?.distance ?? 2).toBeGreaterThan(CATALOGUE_THRESHOLD)
  })
  it('a photo-like picture', () => {
    const [best] = find(toPng(photoNoise(300, 220, rng)))
    expect(best?.distance ?? 2).toBeGreaterThan(CATALOGUE_THRESHOLD)
  })
  it('a flat picture: nothing, no crash', () => {
    expect(matcher.findCopies({ width: 120, height: 90, data: new Uint8Array(120 * 90 * 4).fill(255) })).toEqual([])
  })
})

describe('catalogue match: a copy agrees with itself a quarter period on; one period alike by chance does not', () => {
  const rng = seededRandom(45)
  const tile = pack[1]!.tile
  const copy = transformedCopy(tile, 'plain', rng, false, false)
  const [best] = find(copy.bytes)
  it('a copy: the window a quarter period further on correlates about as well', () => {
    expect(best?.patternId).toBe(pack[1]!.patternId)
    expect(best!.agreement).not.toBeNull()
    expect(best!.agreement!).toBeGreaterThan(best!.correlation - 0.1)
  })
  it('one period of the pattern alone in a photo: no second period agrees, so the distance rises above the correlation alone', () => {
    // Exactly one period pasted in a picture: the first window matches, the windows a quarter
    // period on take in the photo. Not a repeat, so not reported as one.
    const one = viewRepeat(tile, { angle: 0, mirrored: false, scale: 1, offsetX: 3, offsetY: 7, width: tile.width, height: tile.height })
    const picture = photoNoise(tile.width * 3, tile.height * 3, rng)
    for (let y = 0; y < one.height; y++) picture.data.set(one.data.subarray(y * one.width * 4, (y + 1) * one.width * 4), ((tile.height + y) * picture.width + tile.width) * 4)
    const mine = find(toPng(picture)).find((f) => f.patternId === pack[1]!.patternId)
    expect(mine?.correlation).toBeGreaterThan(0.7)
    expect(mine!.agreement).not.toBeNull()
    expect(mine!.agreement!).toBeLessThan(mine!.correlation - 0.1)
    expect(mine!.distance).toBeGreaterThan(1 - mine!.correlation)
  })
})

describe('descriptors survive the catalogue file', () => {
  it('pack → unpack keeps every number (float32)', () => {
    const d = descriptors[2]!
    const back = unpackDescriptor(d, packDescriptor(d))
    expect(Array.from(back.harmonics.magnitude)).toEqual(Array.from(d.harmonics.magnitude))
    expect(Array.from(back.reference.re)).toEqual(Array.from(Float32Array.from(d.reference.re)))
    expect(Array.from(back.colour)).toEqual(Array.from(d.colour))
  })
})
