/**
 * The coefficient as other code sees it (issue #9: "`src/provenance/` exports
 * `elementFromShape(shape)` … `scoreContribution(baseline, current, policy?)` stays the
 * entry point"): plain shape data in, a method-2 score out, through the folder's index.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, elementFromShape, METHOD_V2, scoreContribution, type PatternSnapshot } from '../../src/coefficient'

const cream = { kind: 'solid' as const, color: { r: 0.98, g: 0.95, b: 0.88, a: 1 } }
const rose = { kind: 'solid' as const, color: { r: 0.85, g: 0.3, b: 0.4, a: 1 } }
const teal = { kind: 'solid' as const, color: { r: 0.1, g: 0.5, b: 0.5, a: 1 } }

/** A 400 × 400 repeat: a cream ground and a 4 × 4 grid of rose discs. */
function repeat(edit?: (els: ReturnType<typeof elementFromShape>[]) => void, frame = { w: 400, h: 400 }): PatternSnapshot {
  const k = frame.w / 400
  const elements = [elementFromShape({ id: 'root', path: '', type: 'FRAME', bounds: { x: 0, y: 0, ...frame }, fills: [cream], clipsContent: true })]
  for (let i = 0; i < 16; i++) {
    elements.push(elementFromShape({ id: `d${i}`, path: String(i), type: 'ELLIPSE', bounds: { x: (20 + (i % 4) * 100) * k, y: (20 + Math.floor(i / 4) * 100) * k, w: 60 * k, h: 60 * k }, fills: [rose] }))
  }
  edit?.(elements)
  return { rootId: 'root', rootBounds: { x: 0, y: 0, ...frame }, elements }
}

describe('the coefficient from plain data', () => {
  it.each([
    { edit: 'nothing', current: () => repeat(), low: 0, high: 0 },
    { edit: 'the whole pattern scaled 2×', current: () => repeat(undefined, { w: 800, h: 800 }), low: 0, high: 0.02 },
    { edit: 'every disc recoloured', current: () => repeat((els) => els.forEach((e) => e.path !== '' && (e.fills = [teal]))), low: 0.5, high: 1 },
    { edit: 'one disc of sixteen recoloured', current: () => repeat((els) => (els[1]!.fills = [teal])), low: 0.01, high: 0.1 },
    {
      // Bottom of the layer list (path '0', every disc one place up): the first disc covers it.
      edit: 'a disc drawn fully under another',
      current: () =>
        repeat((els) => {
          els.forEach((e) => e.path !== '' && (e.path = String(Number(e.path) + 1)))
          els.push(elementFromShape({ id: 'hidden', path: '0', type: 'ELLIPSE', bounds: { x: 30, y: 30, w: 40, h: 40 }, fills: [teal] }))
        }),
      low: 0,
      high: 0,
    },
    {
      edit: 'a disc drawn over the first one',
      current: () => repeat((els) => els.push(elementFromShape({ id: 'over', path: '16', type: 'ELLIPSE', bounds: { x: 30, y: 30, w: 40, h: 40 }, fills: [teal] }))),
      low: 0.005,
      high: 0.1,
    },
  ])('$edit scores within [$low, $high] by method 2', ({ current, low, high }) => {
    const s = scoreContribution(repeat(), current(), DEFAULT_POLICY)
    expect(s.method).toBe(METHOD_V2)
    expect(s.hcc).toBeGreaterThanOrEqual(low)
    expect(s.hcc).toBeLessThanOrEqual(high)
  })
})
