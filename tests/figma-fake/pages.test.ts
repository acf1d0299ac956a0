import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

describe('switching and revealing pages', () => {
  test('setCurrentPageAsync switches when the promise settles, not before', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession()
    const [a, b] = s.figma.root.children
    const switching = s.figma.setCurrentPageAsync(b)
    // Code that forgot `await` still sees the old page.
    expect(s.figma.currentPage).toBe(a)
    await switching
    expect(s.figma.currentPage).toBe(b)
    expect(b.children).toEqual([])
  })

  test('scrollAndZoomIntoView refuses nodes that are not on the current page', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession()
    const [, b] = s.figma.root.children
    const rect = s.figma.createRectangle()
    rect.x = 500
    const other = s.figma.createEllipse()
    world.edit(s, () => b.appendChild(other))
    expect(() => s.figma.viewport.scrollAndZoomIntoView([other])).toThrow(/is not on the current page/)
    s.figma.viewport.scrollAndZoomIntoView([rect])
    expect(s.figma.viewport.center).toEqual({ x: 550, y: 50 })
    await s.figma.setCurrentPageAsync(b)
    s.figma.viewport.scrollAndZoomIntoView([other])
    expect(s.figma.viewport.center).toEqual({ x: 50, y: 50 })
    world.edit(s, () => other.remove())
    expect(() => s.figma.viewport.scrollAndZoomIntoView([other])).toThrow(`The node with id "${other.id}" does not exist`)
  })
})
