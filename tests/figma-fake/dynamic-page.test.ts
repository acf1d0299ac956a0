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

describe('page loading is enforced always, not only right after a figma. access', () => {
  const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

  test('a page reference held across an await still needs loadAsync', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession()
    const archive = s.figma.root.children[1]
    await tick()
    expect(() => archive.children).toThrow(/has not been explicitly loaded/)
    expect(() => archive.findAllWithCriteria({ types: ['RECTANGLE'] })).toThrow(/has not been explicitly loaded/)
    expect(() => archive.selection).toThrow(/property `selection` on a page that has not been explicitly loaded/)
    expect(() => {
      archive.selection = []
    }).toThrow(/has not been explicitly loaded/)
    const loading = archive.loadAsync()
    expect(() => archive.children).toThrow(/has not been explicitly loaded/) // forgot the await
    await loading
    await tick()
    expect(archive.children).toEqual([])
    expect(archive.selection).toEqual([])
  })

  test('figma.root.findAllWithCriteria after an await needs loadAllPagesAsync, and includes pages', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession()
    const root = s.figma.root
    await tick()
    expect(() => root.findAllWithCriteria({ pluginData: {} })).toThrow(/loadAllPagesAsync/)
    expect(() => root.findAll()).toThrow(/loadAllPagesAsync/)
    const rect = s.figma.createRectangle()
    rect.setPluginData('record', '1')
    root.setPluginData('policy', '{}')
    root.children[1].setPluginData('record', '2')
    await s.figma.loadAllPagesAsync()
    await tick()
    // plugin-api.d.ts:10564 "which also includes PageNode objects"
    expect(root.findAllWithCriteria({ pluginData: {} })).toEqual([rect, root.children[1]])
    expect(root.findAllWithCriteria({ types: ['PAGE'] })).toEqual(root.children)
  })

  test('world.edit and world.read are not plugin code', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession()
    const archive = s.figma.root.children[1]
    world.edit(s, () => archive.appendChild(s.figma.createRectangle()))
    await tick()
    expect(world.read(() => archive.children)).toHaveLength(1)
    expect(() => archive.children).toThrow(/has not been explicitly loaded/)
  })
})
