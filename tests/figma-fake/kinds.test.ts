import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'
import { flattenPath } from './raster'

function setup() {
  const world = createFigmaWorld({ pageNames: ['Patterns'] })
  const session = world.openSession()
  return { world, session, figma: session.figma }
}

/** Area of path data by the shoelace formula over its flattened rings (signed rings add up). */
function area(paths: readonly { data: string }[]): number {
  let total = 0
  for (const p of paths) {
    for (const ring of flattenPath(p.data)) {
      let a = 0
      for (let i = 0; i < ring.length; i++) {
        const [x0, y0] = ring[i]!
        const [x1, y1] = ring[(i + 1) % ring.length]!
        a += x0 * y1 - x1 * y0
      }
      total += a / 2
    }
  }
  return Math.abs(total)
}

describe('layer kinds (plugin-api.d.ts 1.142.0)', () => {
  test('a line is 100 wide, 0 high, black-stroked, unfilled; its stroke has an outline (:940-955, :8766)', () => {
    const { figma } = setup()
    const line = figma.createLine()
    expect([line.type, line.width, line.height, line.strokeWeight]).toEqual(['LINE', 100, 0, 1])
    expect(line.fillGeometry).toEqual([])
    expect(area(line.strokeGeometry)).toBeCloseTo(100, 0)
    line.strokeWeight = 4
    expect(area(line.strokeGeometry)).toBeCloseTo(400, 0)
  })

  test('polygons and stars fill their box; pointCount is checked (:10955, :10976)', () => {
    const { figma } = setup()
    const tri = figma.createPolygon()
    expect(area(tri.fillGeometry)).toBeCloseTo(5000, 3)
    expect(() => (tri.pointCount = 2)).toThrow(/pointCount/)
    const star = figma.createStar()
    star.innerRadius = 1
    star.pointCount = 4
    // innerRadius 1: "a regular polygon with 2 * pointCount edges": an octagon, points at the box's edges (2√2 / 4 of it).
    expect(area(star.fillGeometry)).toBeCloseTo(10000 * Math.SQRT2 / 2, 0)
  })

  test('every shape has strokeGeometry from the centre, empty without a stroke (:8762-8766)', () => {
    const { figma } = setup()
    const rect = figma.createRectangle()
    expect(rect.strokeGeometry).toEqual([])
    rect.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]
    rect.strokeWeight = 2
    rect.strokeAlign = 'INSIDE'
    // A 2 px band centred on the 100 × 100 outline: 102² − 98² = 800 (the fake's corners are octagonal: 1.2 less).
    expect(Math.abs(area(rect.strokeGeometry) - 800)).toBeLessThan(2)
  })

  test('a vector open path (windingRule NONE) has no fill but a stroke (:5490)', () => {
    const { figma } = setup()
    const v = figma.createVector()
    v.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 L 50 0 L 50 50' }]
    v.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]
    expect(v.fillGeometry).toEqual([])
    expect(area(v.strokeGeometry)).toBeGreaterThan(99)
  })

  test('a boolean operation paints the operation over its operands (:11342-11361, :1919-1950)', () => {
    const { figma } = setup()
    const frame = figma.createFrame()
    const a = figma.createRectangle()
    const b = figma.createRectangle()
    frame.appendChild(a)
    frame.appendChild(b)
    b.x = 50
    const sub = figma.subtract([a, b], frame)
    expect(sub.type).toBe('BOOLEAN_OPERATION')
    expect(sub.booleanOperation).toBe('SUBTRACT')
    expect(sub.children).toEqual([a, b])
    expect([sub.width, sub.height]).toEqual([150, 100])
    expect(area(sub.fillGeometry)).toBeCloseTo(5000, 3)
    sub.booleanOperation = 'INTERSECT'
    expect(area(sub.fillGeometry)).toBeCloseTo(5000, 3)
    sub.booleanOperation = 'UNION'
    expect(area(sub.fillGeometry)).toBeCloseTo(15000, 3)
    sub.booleanOperation = 'EXCLUDE'
    expect(area(sub.fillGeometry)).toBeCloseTo(10000, 3)
    // Operands keep positions relative to the container (the frame), not the boolean (:7350-7372).
    expect(b.x).toBe(50)
  })

  test('instances mirror their main component; overrides stay; detach gives a frame (:11200-11320)', async () => {
    const { world, session, figma } = setup()
    const main = figma.createComponent()
    const dot = figma.createEllipse()
    main.appendChild(dot)
    const inst = main.createInstance()
    const sub = inst.children[0] as EllipseNode
    expect(sub.id).toBe(`I${inst.id};${dot.id}`)
    expect(await inst.getMainComponentAsync()).toBe(main)
    expect(() => inst.mainComponent).toThrow(/dynamic-page/)
    dot.resize(40, 40)
    expect(sub.width).toBe(40)
    sub.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
    dot.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }]
    dot.resize(30, 30)
    expect((sub.fills as SolidPaint[])[0]!.color).toEqual({ r: 1, g: 0, b: 0 })
    expect(sub.width).toBe(30)
    expect(inst.overrides).toEqual([{ id: sub.id, overriddenFields: ['fills'] }])
    figma.commitUndo()
    main.appendChild(figma.createRectangle())
    expect(inst.children).toHaveLength(2)
    session.undo() // undoing the main component's edit undoes it in every instance
    expect(inst.children).toHaveLength(1)
    expect(world).toBeDefined()
    const frame = inst.detachInstance()
    expect(frame.type).toBe('FRAME')
    expect(inst.removed).toBe(true)
    expect(((frame.children[0] as EllipseNode).fills as SolidPaint[])[0]!.color).toEqual({ r: 1, g: 0, b: 0 })
  })

  test('skipInvisibleInstanceChildren hides invisible sublayers from that session only (:88-109)', async () => {
    const { world, figma } = setup()
    const main = figma.createComponent()
    const hidden = figma.createRectangle()
    const shown = figma.createEllipse()
    main.appendChild(hidden)
    main.appendChild(shown)
    hidden.visible = false
    const inst = main.createInstance()
    const sub = world.read(() => inst.children[0]!)
    figma.skipInvisibleInstanceChildren = true
    expect(inst.children.map((c) => c.type)).toEqual(['ELLIPSE'])
    expect(inst.findAll().map((c) => c.type)).toEqual(['ELLIPSE'])
    expect(() => sub.name).toThrow(/skipInvisibleInstanceChildren/)
    expect(await figma.getNodeByIdAsync(sub.id)).toBeNull()
    // The main component's own hidden layer is no instance sublayer: still readable.
    expect(hidden.name).toBe('Rectangle')
    expect(world.read(() => inst.children.length)).toBe(2)
    figma.skipInvisibleInstanceChildren = false
    expect(inst.children).toHaveLength(2)
  })
})

describe('createNodeFromSvg (plugin-api.d.ts:1730-1734)', () => {
  test('groups, shapes, paths, transforms, fills, strokes and fill-rule', () => {
    const { figma } = setup()
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40" viewBox="0 0 40 20">
      <g fill="#ff0000" transform="translate(2 2)">
        <rect x="0" y="0" width="4" height="4"/>
        <circle cx="10" cy="2" r="2" fill-opacity=".5"/>
      </g>
      <path d="M20 0h10v10h-10z M22 2h6v6h-6z" fill-rule="evenodd"/>
      <polyline points="0 18 10 12 20 18" fill="none" stroke="#00f" stroke-width="2"/>
    </svg>`
    const frame = figma.createNodeFromSvg(svg)
    expect([frame.type, frame.width, frame.height, frame.fills]).toEqual(['FRAME', 80, 40, []])
    const [group, path, line] = frame.children as [GroupNode, VectorNode, VectorNode]
    expect(group.type).toBe('GROUP')
    const [rect, circle] = group.children as [RectangleNode, EllipseNode]
    expect([rect.type, rect.x, rect.y, rect.width]).toEqual(['RECTANGLE', 4, 4, 8])
    expect([circle.type, circle.width]).toEqual(['ELLIPSE', 8])
    expect((circle.fills as SolidPaint[])[0]).toMatchObject({ color: { r: 1, g: 0, b: 0 }, opacity: 0.5 })
    expect(path.vectorPaths[0]!.windingRule).toBe('EVENODD')
    expect(path.fillGeometry.map((p) => p.windingRule)).toEqual(['EVENODD'])
    expect(flattenPath(path.fillGeometry[0]!.data)).toHaveLength(2)
    expect(line.vectorPaths.map((p) => p.windingRule)).toEqual(['NONE'])
    expect(line.fillGeometry).toEqual([])
    expect(line.strokeWeight).toBe(4)
  })

  test('arcs and relative commands come out as absolute M L C Z', () => {
    const { figma } = setup()
    const frame = figma.createNodeFromSvg('<svg width="10" height="10"><path d="m0 5a5 5 0 1 0 10 0a5 5 0 1 0-10 0z"/></svg>')
    const v = frame.children[0] as VectorNode
    expect(v.vectorPaths[0]!.data).toMatch(/^M [\d. ]+( C [\d. -]+)+ Z$/)
    expect(area(v.fillGeometry)).toBeCloseTo(Math.PI * 25, 0)
  })

  test('what the fake does not draw is refused, not skipped', () => {
    const { figma } = setup()
    expect(() => figma.createNodeFromSvg('<svg width="4" height="4"><text>a</text></svg>')).toThrow(/not modelled/)
    expect(() => figma.createNodeFromSvg('<svg width="4" height="4"><rect width="4" height="4" fill="url(#g)"/></svg>')).toThrow(/not modelled/)
  })
})
