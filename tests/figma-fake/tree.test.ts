import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

function setup() {
  const world = createFigmaWorld({ pageNames: ['Patterns', 'Archive'] })
  const session = world.openSession()
  return { world, session, figma: session.figma }
}

describe('document and creation', () => {
  test('pages, defaults and "n:m" ids', () => {
    const { world, figma } = setup()
    expect(world.document.children.map((p) => p.name)).toEqual(['Patterns', 'Archive'])
    expect(figma.root).toBe(world.document)
    expect(figma.currentPage).toBe(world.document.children[0])
    const rect = figma.createRectangle()
    expect(rect.id).toMatch(/^\d+:\d+$/)
    expect(rect.parent).toBe(figma.currentPage)
    expect([rect.type, rect.width, rect.height, rect.x, rect.y]).toEqual(['RECTANGLE', 100, 100, 0, 0])
    expect(rect.fills).toHaveLength(1)
    const frame = figma.createFrame()
    expect((frame.fills as readonly SolidPaint[])[0].color).toEqual({ r: 1, g: 1, b: 1 })
    expect(figma.createComponent().type).toBe('COMPONENT')
    expect(figma.createEllipse().type).toBe('ELLIPSE')
    expect(figma.createVector().vectorPaths).toEqual([])
    const text = figma.createText()
    text.characters = 'Hello'
    expect([text.characters, text.name]).toEqual(['Hello', 'Hello'])
  })

  test('fills are frozen; the same frozen array is returned; assigning a new array works', () => {
    const { figma } = setup()
    const rect = figma.createRectangle()
    const fills = rect.fills as readonly SolidPaint[]
    expect(Object.isFrozen(fills)).toBe(true)
    expect(Object.isFrozen(fills[0].color)).toBe(true)
    expect(rect.fills).toBe(fills)
    expect(() => (fills as SolidPaint[]).push(fills[0])).toThrow()
    rect.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
    expect((rect.fills as readonly SolidPaint[])[0]).toMatchObject({ color: { r: 1, g: 0, b: 0 }, opacity: 1, visible: true })
    rect.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }]
    rect.strokeWeight = 2
    expect(Object.isFrozen(rect.strokes)).toBe(true)
    expect(() => (rect.fills = [{ type: 'SOLID', color: { r: 2, g: 0, b: 0 } }])).toThrow(/between 0 and 1/)
    expect(() => (rect.opacity = 2)).toThrow()
  })
})

describe('tree operations', () => {
  test('appendChild / insertChild / remove / removed / findAll order', () => {
    const { figma } = setup()
    const frame = figma.createFrame()
    const a = figma.createRectangle()
    const b = figma.createRectangle()
    const c = figma.createRectangle()
    frame.appendChild(a)
    frame.appendChild(b)
    frame.insertChild(1, c)
    expect(frame.children.map((n) => n.id)).toEqual([a.id, c.id, b.id])
    expect(() => frame.insertChild(4, figma.createRectangle())).toThrow(/out of range/)
    expect(() => a.parent && frame.appendChild(frame)).toThrow()
    expect(figma.currentPage.findAll().map((n) => n.id).slice(0, 4)).toEqual([frame.id, a.id, c.id, b.id])
    expect(Object.isFrozen(frame.children)).toBe(true)
    frame.remove()
    expect(frame.removed).toBe(true)
    expect(a.removed).toBe(true)
    expect(figma.currentPage.children.includes(frame)).toBe(false)
  })

  test('clone: new ids for the whole subtree, plugin data and shared plugin data copied', () => {
    const { figma } = setup()
    const frame = figma.createFrame()
    const inner = figma.createFrame()
    const rect = figma.createRectangle()
    frame.appendChild(inner)
    inner.appendChild(rect)
    frame.setPluginData('record', 'r')
    rect.setPluginData('k', 'v')
    rect.setSharedPluginData('loomprint', 'summary', 's')
    rect.x = 7
    const copy = frame.clone()
    const orig = [frame, ...frame.findAll()]
    const dup = [copy, ...copy.findAll()]
    expect(dup).toHaveLength(3)
    for (let i = 0; i < 3; i++) {
      expect(dup[i].id).not.toBe(orig[i].id)
      expect(dup[i].type).toBe(orig[i].type)
    }
    expect(new Set([...orig, ...dup].map((n) => n.id)).size).toBe(6)
    expect(copy.getPluginData('record')).toBe('r')
    const r2 = dup[2] as RectangleNode
    expect([r2.getPluginData('k'), r2.getSharedPluginData('loomprint', 'summary'), r2.x]).toEqual(['v', 's', 7])
    expect(copy.parent).toBe(figma.currentPage) // plugin-api.d.ts:10822
    r2.setPluginData('k', 'changed')
    expect(rect.getPluginData('k')).toBe('v')
  })

  test('figma.group keeps absolute positions; group bounds follow children; empty groups delete themselves', () => {
    const { figma } = setup()
    const frame = figma.createFrame()
    frame.x = 100
    frame.y = 50
    frame.resize(400, 400)
    const a = figma.createRectangle()
    const b = figma.createRectangle()
    a.x = 110
    a.y = 60 // on the page
    frame.appendChild(b)
    b.x = 30
    b.y = 40 // inside the frame: absolute 130, 90
    const group = figma.group([a, b], frame)
    expect(group.parent).toBe(frame)
    expect(a.absoluteTransform[0][2]).toBe(110)
    expect(a.absoluteTransform[1][2]).toBe(60)
    expect([a.x, a.y]).toEqual([10, 10]) // relative to the container parent (the frame), not the group
    expect([group.x, group.y, group.width, group.height]).toEqual([10, 10, 120, 130])
    expect(group.absoluteBoundingBox).toEqual({ x: 110, y: 60, width: 120, height: 130 })
    group.x = 20
    expect([a.x, b.x]).toEqual([20, 40])
    expect(() => figma.group([], frame)).toThrow()
    a.remove()
    b.remove()
    expect(group.removed).toBe(true)
  })

  test('transform: rotation, relativeTransform, absoluteBoundingBox', () => {
    const { figma } = setup()
    const frame = figma.createFrame()
    frame.x = 10
    frame.y = 20
    const r = figma.createRectangle()
    frame.appendChild(r)
    r.resize(40, 20)
    r.x = 5
    r.rotation = 90
    expect(r.rotation).toBeCloseTo(90)
    const t = r.relativeTransform
    expect(t[0][0]).toBeCloseTo(0)
    expect(t[0][1]).toBeCloseTo(1)
    expect(t[1][0]).toBeCloseTo(-1)
    const bb = r.absoluteBoundingBox!
    expect(bb.x).toBeCloseTo(15)
    expect(bb.y).toBeCloseTo(20 - 40)
    expect(bb.width).toBeCloseTo(20)
    expect(bb.height).toBeCloseTo(40)
  })

  test('vectorPaths and fillGeometry', () => {
    const { figma } = setup()
    const v = figma.createVector()
    v.vectorPaths = [{ windingRule: 'EVENODD', data: 'M 0 100 L 100 100 L 50 0 Z' }]
    expect(v.vectorPaths[0].data).toBe('M 0 100 L 100 100 L 50 0 Z')
    expect(v.fillGeometry).toEqual(v.vectorPaths)
    expect(() => (v.vectorPaths = [{ windingRule: 'NONZERO', data: 'A 1 2' }])).toThrow()
    const e = figma.createEllipse()
    expect(e.fillGeometry[0].data).toMatch(/^M .* C /)
    expect(figma.createRectangle().fillGeometry[0].data).toBe('M 0 0 L 100 0 L 100 100 L 0 100 L 0 0 Z')
  })

  test('a 10,000-node subtree reads quickly', () => {
    const { figma } = setup()
    const root = figma.createFrame()
    for (let i = 0; i < 100; i++) {
      const f = figma.createFrame()
      root.appendChild(f)
      for (let j = 0; j < 99; j++) {
        const r = figma.createRectangle()
        f.appendChild(r)
        r.x = j
      }
    }
    // CPU time, not wall time: on CI's two shared cores a wall clock also counts the time
    // this worker waits for the others (about 0.1 s of work here; 1.5 s is the fake being slow).
    const t0 = process.cpuUsage()
    const all = root.findAll()
    let sum = 0
    for (const n of all) {
      const g = n as RectangleNode
      sum += g.x + g.width + g.opacity + g.rotation + (g.fills as readonly Paint[]).length + g.absoluteTransform[0][2]
    }
    const cpu = process.cpuUsage(t0)
    const ms = (cpu.user + cpu.system) / 1000
    expect(all.length).toBe(10000)
    expect(sum).toBeGreaterThan(0)
    expect(ms).toBeLessThan(1500)
  })
})

describe('selection and viewport', () => {
  test('selection is per session, validated to the page, only directly selected nodes', () => {
    const { world, figma } = setup()
    const other = world.openSession({ id: '2002', name: 'Bo' })
    const frame = figma.createFrame()
    const child = figma.createRectangle()
    frame.appendChild(child)
    figma.currentPage.selection = [frame, child, frame]
    expect(figma.currentPage.selection.map((n) => n.id)).toEqual([frame.id])
    expect(other.figma.currentPage.selection).toEqual([])
    const archive = world.document.children[1]
    let offPage: RectangleNode | undefined
    world.edit(other, () => {
      offPage = other.figma.createRectangle()
      archive.appendChild(offPage)
    })
    expect(() => (figma.currentPage.selection = [offPage!])).toThrow(/not on page/)
    figma.viewport.scrollAndZoomIntoView([frame])
    expect(figma.viewport.center).toEqual({ x: 50, y: 50 })
  })
})
