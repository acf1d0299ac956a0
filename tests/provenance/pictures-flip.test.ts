/**
 * A flipped layer shows its picture mirrored (ElementSnapshot.flipped: the layer's
 * transform has a negative determinant), in the capture's comparison as on the canvas:
 * flipping a layer of an asymmetric picture moves every pixel of it, as flipping an
 * asymmetric vector moves its outline; flipping it back, or a picture that looks the same
 * mirrored, changes nothing visible.
 */
import { describe, expect, it } from 'vitest'
import { compareOnCanvas, elementFromShape, imageSample, scoreContribution, type PatternSnapshot } from '../../src/coefficient/index'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { mirror, painterly, type Picture } from './judged/pictures-set'

const ROOT = { x: 0, y: 0, w: 400, h: 400 }

/** One 400 × 400 picture layer (hash `hash`, showing `pic`), flipped or not. */
function pattern(pic: Picture, hash: string, flipped: boolean): PatternSnapshot {
  return {
    rootId: '1:1',
    rootBounds: ROOT,
    placement: 'own-box',
    masksRead: true,
    elements: [
      elementFromShape({ id: '1:1', path: '', type: 'FRAME', bounds: ROOT, fills: [], clipsContent: true }),
      elementFromShape({ id: '1:2', path: '0', type: 'RECTANGLE', bounds: ROOT, flipped, fills: [{ kind: 'image', imageHash: hash, opacity: 1, scaleMode: 'FILL' }] }),
    ],
    images: { [hash]: imageSample(pic) },
  }
}

const ai = () => painterly(11)
/** Left and right halves alike (each row a palindrome): the same picture mirrored. */
function symmetric(): Picture {
  const p = ai()
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width / 2; x++) {
      const from = (y * p.width + x) * 4
      p.data.copyWithin((y * p.width + (p.width - 1 - x)) * 4, from, from + 4)
    }
  }
  return p
}

describe('a flipped layer shows its picture mirrored', () => {
  // [edit, AI state, current state, band of the score]
  const cases: [string, () => PatternSnapshot, () => PatternSnapshot, 'visible' | 'none'][] = [
    ['flipping an asymmetric picture’s layer horizontally', () => pattern(ai(), 'a', false), () => pattern(ai(), 'a', true), 'visible'],
    ['a layer the AI flipped, left as it was', () => pattern(ai(), 'a', true), () => pattern(ai(), 'a', true), 'none'],
    ['un-flipping a layer the AI flipped', () => pattern(ai(), 'a', true), () => pattern(ai(), 'a', false), 'visible'],
    ['flipping twice (back as it was)', () => pattern(ai(), 'a', false), () => pattern(ai(), 'a', false), 'none'],
    ['flipping the layer of a picture symmetric left to right', () => pattern(symmetric(), 's', false), () => pattern(symmetric(), 's', true), 'none'],
    ['flipping the layer and placing the picture mirrored: it looks as before', () => pattern(ai(), 'a', false), () => pattern(mirror(ai(), 'x'), 'm', true), 'none'],
  ]
  it.each(cases)('%s', (_name, before, after, band) => {
    const hcc = scoreContribution(before(), after()).hcc
    if (band === 'visible') expect(hcc).toBeGreaterThan(0.1)
    else expect(hcc).toBeLessThan(0.02)
  })

  it('the capture names the flipped picture as changed over most of its area', () => {
    const c = compareOnCanvas(pattern(ai(), 'a', false), pattern(ai(), 'a', true), DEFAULT_POLICY, 'id')
    expect(c.pictures).toEqual([expect.objectContaining({ id: '1:2', replaced: false })])
    expect(c.pictures[0]!.changedShare).toBeGreaterThan(0.5)
  })
})
