import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

describe('figma.ui.postMessage', () => {
  test('sends only the documented types; class instances lose their prototype', async () => {
    const s = createFigmaWorld().openSession()
    s.figma.showUI('<p>ui</p>')
    const got: unknown[] = []
    s.ui.onMessage((m) => got.push(m))
    class Point {
      constructor(readonly x: number) {}
    }
    s.figma.ui.postMessage({ when: new Date(0), bytes: new Uint8Array([1]), list: [1, 'a', true, null, undefined], p: new Point(2) })
    for (const bad of [new Map(), new Set(), new ArrayBuffer(2), new Uint16Array(1), { deep: [new Map()] }]) {
      expect(() => s.figma.ui.postMessage(bad)).toThrow(/Figma documents objects, arrays, numbers, strings, booleans, null, undefined, Date and Uint8Array/)
    }
    expect(() => s.figma.ui.postMessage({ f: () => 1 })).toThrow(/could not be cloned/)
    await new Promise((r) => setTimeout(r, 5))
    expect(got).toHaveLength(1)
    const m = got[0] as { p: unknown; when: Date }
    expect(m.p).toEqual({ x: 2 })
    expect(Object.getPrototypeOf(m.p)).toBe(Object.prototype)
    expect(m.when).toEqual(new Date(0))
  })

  test('with a byte budget, a large asset must travel in slices', async () => {
    const world = createFigmaWorld({ uiMessageBudgetBytes: 64 * 1024 })
    const s = world.openSession()
    s.figma.showUI('<p>ui</p>')
    const asset = new Uint8Array(200 * 1024)
    expect(() => s.figma.ui.postMessage({ type: 'asset', bytes: asset })).toThrow(
      /a message of 204\d{3} bytes exceeds this world's budget of 65536 bytes per message/,
    )
    const slice = 48 * 1024
    for (let at = 0; at < asset.length; at += slice) s.figma.ui.postMessage({ type: 'asset-slice', at, bytes: asset.subarray(at, at + slice) })
    expect(s.ui.messageSizes).toHaveLength(5)
    expect(Math.max(...s.ui.messageSizes)).toBeLessThanOrEqual(64 * 1024)
  })
})
