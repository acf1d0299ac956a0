import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

const LIMIT = 100_000
const PLUGIN_ID = 'pid1'

function setup() {
  const world = createFigmaWorld({ pluginId: PLUGIN_ID })
  const session = world.openSession()
  const rect = session.figma.createRectangle()
  return { world, session, figma: session.figma, rect }
}

describe('setPluginData / getPluginData', () => {
  test.each([
    ['number value', 'k', 42],
    ['object value', 'k', { a: 1 }],
    ['undefined value', 'k', undefined],
    ['null value', 'k', null],
    ['number key', 7, 'v'],
  ])('rejects non-string: %s', (_label, key, value) => {
    const { rect } = setup()
    expect(() => rect.setPluginData(key as string, value as string)).toThrow(/Expected .* string/)
    expect(rect.getPluginDataKeys()).toEqual([])
  })

  test('stores strings, "" deletes, missing key reads ""', () => {
    const { rect } = setup()
    rect.setPluginData('a', '1')
    rect.setPluginData('b', '2')
    expect(rect.getPluginData('a')).toBe('1')
    expect(rect.getPluginDataKeys().sort()).toEqual(['a', 'b'])
    rect.setPluginData('a', '')
    expect(rect.getPluginData('a')).toBe('')
    expect(rect.getPluginDataKeys()).toEqual(['b'])
    expect(rect.getPluginData('never')).toBe('')
  })

  // The entry is pluginId + key + value, in UTF-8 bytes (plugin-api.d.ts:6530).
  test.each([
    ['exactly at the limit', LIMIT - PLUGIN_ID.length - 1, 'a', true],
    ['one byte over', LIMIT - PLUGIN_ID.length, 'a', false],
    ['multi-byte chars counted as UTF-8', Math.floor((LIMIT - PLUGIN_ID.length - 1) / 2) + 1, 'é', false],
  ])('100 kB entry limit: %s', (_label, count, ch, ok) => {
    const { rect } = setup()
    rect.setPluginData('k', 'old')
    const value = ch.repeat(count as number)
    if (ok) {
      rect.setPluginData('k', value)
      expect(rect.getPluginData('k').length).toBe(count)
    } else {
      expect(() => rect.setPluginData('k', value)).toThrow(/100 kB/)
      expect(rect.getPluginData('k')).toBe('old') // nothing written
    }
  })

  test('works on the document root and on pages', () => {
    const { figma } = setup()
    figma.root.setPluginData('policy', '{"v":1}')
    figma.currentPage.setPluginData('p', 'x')
    expect(figma.root.getPluginData('policy')).toBe('{"v":1}')
    expect(figma.currentPage.getPluginDataKeys()).toEqual(['p'])
  })
})

describe('shared plugin data', () => {
  test.each([
    ['loomprint', true],
    ['abc', true],
    ['A1b', true],
    ['ab', false],
    ['', false],
    ['my-ns', false],
    ['my ns', false],
    ['über', false],
  ])('namespace %j valid=%s', (ns, ok) => {
    const { rect } = setup()
    if (ok) {
      rect.setSharedPluginData(ns, 'summary', 'x')
      expect(rect.getSharedPluginData(ns, 'summary')).toBe('x')
      expect(rect.getSharedPluginDataKeys(ns)).toEqual(['summary'])
    } else {
      expect(() => rect.setSharedPluginData(ns, 'summary', 'x')).toThrow(/namespace/)
    }
  })

  test('limit counts namespace + key + value; "" deletes; strings only', () => {
    const { rect } = setup()
    const ns = 'loomprint'
    rect.setSharedPluginData(ns, 'k', 'v'.repeat(LIMIT - ns.length - 1))
    expect(() => rect.setSharedPluginData(ns, 'k', 'v'.repeat(LIMIT - ns.length))).toThrow(/100 kB/)
    expect(rect.getSharedPluginData(ns, 'k').length).toBe(LIMIT - ns.length - 1)
    expect(() => rect.setSharedPluginData(ns, 'k', 1 as unknown as string)).toThrow(/string/)
    rect.setSharedPluginData(ns, 'k', '')
    expect(rect.getSharedPluginDataKeys(ns)).toEqual([])
    expect(rect.getSharedPluginData(ns, 'k')).toBe('')
  })

  test('private and shared data are separate', () => {
    const { rect } = setup()
    rect.setPluginData('summary', 'private')
    rect.setSharedPluginData('loomprint', 'summary', 'public')
    expect(rect.getPluginData('summary')).toBe('private')
    expect(rect.getSharedPluginData('loomprint', 'summary')).toBe('public')
  })
})

describe('relaunch data', () => {
  test('each call replaces all; descriptions up to 1000 characters', () => {
    const { rect } = setup()
    rect.setRelaunchData({ open: 'Open Loomprint', capture: '' })
    rect.setRelaunchData({ capture: 'Capture' })
    expect(rect.getRelaunchData()).toEqual({ capture: 'Capture' })
    rect.setRelaunchData({ a: 'x'.repeat(1000) })
    expect(() => rect.setRelaunchData({ a: 'x'.repeat(1001) })).toThrow(/1000/)
    expect(rect.getRelaunchData()).toEqual({ a: 'x'.repeat(1000) })
    rect.setRelaunchData({})
    expect(rect.getRelaunchData()).toEqual({})
  })
})

describe('findAllWithCriteria', () => {
  test('pluginData {}, pluginData keys, sharedPluginData, types', () => {
    const { figma } = setup()
    const page = figma.currentPage
    const frame = figma.createFrame()
    const a = figma.createRectangle()
    const b = figma.createEllipse()
    const c = figma.createText()
    frame.appendChild(a)
    frame.appendChild(b)
    a.setPluginData('record', '1')
    b.setPluginData('other', '1')
    c.setSharedPluginData('loomprint', 'summary', '{}')
    const ids = (nodes: readonly SceneNode[]) => nodes.map((n) => n.id)
    expect(ids(page.findAllWithCriteria({ pluginData: {} }))).toEqual([a.id, b.id])
    expect(ids(page.findAllWithCriteria({ pluginData: { keys: ['record'] } }))).toEqual([a.id])
    expect(ids(page.findAllWithCriteria({ pluginData: { keys: ['nope'] } }))).toEqual([])
    expect(ids(page.findAllWithCriteria({ sharedPluginData: { namespace: 'loomprint' } }))).toEqual([c.id])
    expect(ids(page.findAllWithCriteria({ types: ['ELLIPSE', 'TEXT'] }))).toEqual([b.id, c.id])
    expect(ids(frame.findAllWithCriteria({ types: ['RECTANGLE'], pluginData: {} }))).toEqual([a.id])
  })
})
