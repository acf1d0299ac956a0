import { describe, expect, it } from 'vitest'
import { describePicture } from '../../src/ui/capture/picture-words'

describe('the capture result names what happened to a picture', () => {
  it.each([
    [{ id: '1', replaced: true, changedShare: 0, change: 0, placement: 'as before' }, 'replaced by a new image of the AI’s picture: nothing of it changed visibly'],
    [{ id: '1', replaced: true, changedShare: 0.34, change: 0.33, placement: 'as before' }, 'replaced by a new image of the AI’s picture: 34 % of it changed visibly'],
    [{ id: '1', replaced: true, changedShare: 0, change: 0, placement: 'mirrored or turned' }, 'replaced by a new image of the AI’s picture, mirrored or turned: nothing of it changed visibly'],
    [{ id: '1', replaced: true, changedShare: 0.97, change: 0.95, placement: 'as before' }, 'replaced by another picture: 97 % of it differs from the AI’s'],
    [{ id: '1', replaced: false, changedShare: 1, change: 0.7, placement: 'as before' }, 'the AI’s picture, adjusted or placed anew: 100 % of it changed visibly'],
    [{ id: '1', replaced: true, changedShare: 0.03, change: 0.05, placement: 'as before', rasterized: true }, 'AI layers rasterized into a picture of themselves; 3 % of it differs from what they showed'],
  ] as const)('%o → %s', (report, words) => {
    expect(describePicture(report)).toBe(words)
  })

  it('says when the baseline holds no sample (marked before pictures were read)', () => {
    expect(describePicture({ id: '1', replaced: true, changedShare: null, change: 1, placement: 'as before' })).toMatch(/no sample.*wholly new/)
  })
})
