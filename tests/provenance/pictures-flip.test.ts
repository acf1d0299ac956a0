/**
 * A flipped layer shows its picture mirrored (ElementSnapshot.flipped: the layer's
 * transform has a negative determinant), on the canvas and in the capture's comparison.
 * Mirroring a picture is arrangement, not drawing (issue #20; the judged set's
 * "flipped in an image editor" is AI-generated): flipping the layer is the same choice
 * made in Figma, so it scores as a mirrored file does, about nothing; a flip that
 * undoes a mirrored file shows the AI's picture as it was.
 */
import { describe, expect, it } from 'vitest'
import { compareOnCanvas, imageSample, scoreContribution, type PatternSnapshot } from '../../src/coefficient/index'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { pictureTile } from './judged/picture-scores'
import { mirror, painterly, type Picture } from './judged/pictures-set'

/** One 400 × 400 picture layer (hash `hash`, showing `pic`), flipped or not. */
const pattern = (pic: Picture, hash: string, flipped: boolean): PatternSnapshot => pictureTile({ imageHash: hash }, { [hash]: imageSample(pic) }, flipped)

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
  const cases: [string, () => PatternSnapshot, () => PatternSnapshot, 'placement' | 'none'][] = [
    ['flipping an asymmetric picture’s layer horizontally', () => pattern(ai(), 'a', false), () => pattern(ai(), 'a', true), 'placement'],
    ['a layer the AI flipped, left as it was', () => pattern(ai(), 'a', true), () => pattern(ai(), 'a', true), 'none'],
    ['un-flipping a layer the AI flipped', () => pattern(ai(), 'a', true), () => pattern(ai(), 'a', false), 'placement'],
    ['flipping twice (back as it was)', () => pattern(ai(), 'a', false), () => pattern(ai(), 'a', false), 'none'],
    ['flipping the layer of a picture symmetric left to right', () => pattern(symmetric(), 's', false), () => pattern(symmetric(), 's', true), 'none'],
    ['flipping the layer and placing the picture mirrored: it looks as before', () => pattern(ai(), 'a', false), () => pattern(mirror(ai(), 'x'), 'm', true), 'none'],
    ['placing the picture mirrored, layer as it was (the judged set’s flip in an image editor)', () => pattern(ai(), 'a', false), () => pattern(mirror(ai(), 'x'), 'm', false), 'placement'],
  ]
  it.each(cases)('%s', (_name, before, after, band) => {
    const hcc = scoreContribution(before(), after()).hcc
    // A placement stays AI-generated (below 0.1), as the judged set's mirrored file does.
    expect(hcc).toBeLessThan(band === 'placement' ? 0.1 : 0.02)
  })

  it('the capture finds none of a flipped picture’s pixels drawn', () => {
    const c = compareOnCanvas(pattern(ai(), 'a', false), pattern(ai(), 'a', true), DEFAULT_POLICY, 'id')
    expect(c.pictures.filter((p) => (p.changedShare ?? 1) >= 0.05)).toEqual([])
  })

  it('a flipped layer painted over still counts the paint, where it shows', () => {
    const painted = ai()
    // A solid block over the left third of the picture as it lies in the file.
    for (let y = 0; y < painted.height; y++) for (let x = 0; x < painted.width / 3; x++) painted.data.set([20, 200, 40, 255], (y * painted.width + x) * 4)
    const hcc = scoreContribution(pattern(ai(), 'a', true), pattern(painted, 'p', true)).hcc
    expect(hcc).toBeGreaterThan(0.1)
  })
})
