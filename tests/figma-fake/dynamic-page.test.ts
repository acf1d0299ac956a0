import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

describe('documentAccess: dynamic-page rules', () => {
  test.each([
    ['getNodeById', 'figma.getNodeByIdAsync'],
    ['getStyleById', 'figma.getStyleByIdAsync'],
    ['getLocalPaintStyles', 'figma.getLocalPaintStylesAsync'],
  ])('figma.%s throws', (name, replacement) => {
    const s = createFigmaWorld().openSession()
    const fn = (s.figma as unknown as Record<string, (id?: string) => unknown>)[name]
    expect(() => fn('1:1')).toThrow(`in ${name}: Cannot call with documentAccess: dynamic-page. Use ${replacement} instead.`)
  })

  test('getNodeByIdAsync finds nodes on any page; null once removed', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession()
    const r = s.figma.createRectangle()
    // Plugin code may not touch an unloaded page; a user edit may.
    expect(() => world.document.children[1].appendChild(r)).toThrow(/has not been explicitly loaded/)
    world.edit(s, () => world.document.children[1].appendChild(r))
    expect(await s.figma.getNodeByIdAsync(r.id)).toBe(r)
    expect(await s.figma.getNodeByIdAsync(world.document.children[1].id)).toBe(world.document.children[1])
    r.remove()
    expect(await s.figma.getNodeByIdAsync(r.id)).toBeNull()
    expect(await s.figma.getNodeByIdAsync('99:99')).toBeNull()
  })

  test('figma.root.findAll* throws until loadAllPagesAsync resolved; page-level find works on the current page', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession()
    const r = s.figma.createRectangle()
    r.setPluginData('record', '1')
    expect(() => s.figma.root.findAll()).toThrow('without calling figma.loadAllPagesAsync() first')
    expect(() => s.figma.root.findAllWithCriteria({ pluginData: {} })).toThrow(/loadAllPagesAsync/)
    expect(() => s.figma.root.findOne(() => true)).toThrow(/loadAllPagesAsync/)
    expect(s.figma.currentPage.findAllWithCriteria({ pluginData: {} })).toEqual([r])
    expect(s.figma.root.children).toHaveLength(2) // the page list itself is available
    // Other pages must be loaded first.
    expect(() => s.figma.root.children[1].children).toThrow(/has not been explicitly loaded/)
    await s.figma.root.children[1].loadAsync()
    expect(s.figma.root.children[1].children).toEqual([])
    await s.figma.loadAllPagesAsync()
    expect(s.figma.root.findAllWithCriteria({ pluginData: { keys: ['record'] } })).toEqual([r])
    expect(s.figma.root.findAll().map((n) => n.type)).toEqual(['PAGE', 'RECTANGLE', 'PAGE'])
  })
})
