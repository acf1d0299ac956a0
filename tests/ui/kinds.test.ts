/**
 * Real documents' layer kinds, painted as Figma paints them (issue #19, problems 3–6):
 * a boolean operation paints its result, not its operands; even-odd leaves holes and open
 * paths have no fill; strokes and lines paint their strokeGeometry; an instance's hidden
 * sublayers neither shift the others nor lose a batch of changes. Each test names what a
 * person would see, and each failed on the plugin before these fixes.
 */
import { describe, expect, test } from 'vitest'
import { captureAsync, markAsync, readSnapshotAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { ADA, captured, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'

const CREAM = { r: 0.98, g: 0.95, b: 0.88 }
const INDIGO = { r: 0.15, g: 0.2, b: 0.55 }
const RED = { r: 0.9, g: 0.1, b: 0.1 }
const GREEN = { r: 0.1, g: 0.6, b: 0.2 }
const solid = (color: RGB): SolidPaint[] => [{ type: 'SOLID', color }]

/** A marked 400 × 400 cream frame with what `draw` puts in it (one edit by Ada). */
async function pattern(draw: (figma: PluginAPI, frame: FrameNode) => void) {
  const world = createFigmaWorld()
  const ada: PluginUser = openPlugin(world, ADA)
  let frame!: FrameNode
  world.edit(ada.session, () => {
    frame = ada.figma.createFrame()
    frame.name = 'Repeat'
    frame.resize(400, 400)
    frame.fills = solid(CREAM)
    draw(ada.figma, frame)
  })
  const mark = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  expect(mark.kind === 'done' && mark.marked.length).toBe(1)
  const captureAfter = async (change: () => void) => {
    world.edit(ada.session, change)
    await world.flush()
    return captured(await captureAsync(frame.id, ada.ctx)).score.hcc
  }
  return { world, ada, frame, captureAfter }
}

describe('boolean operations paint their result (problem 3)', () => {
  let cutter!: EllipseNode
  let disc!: RectangleNode
  const draw = (figma: PluginAPI, frame: FrameNode) => {
    disc = figma.createRectangle()
    disc.resize(300, 300)
    disc.x = 50
    disc.y = 50
    disc.fills = solid(INDIGO)
    cutter = figma.createEllipse()
    cutter.resize(150, 150)
    cutter.x = 125
    cutter.y = 125
    cutter.fills = solid(RED) // an operand's own fill: never painted
    frame.appendChild(disc)
    frame.appendChild(cutter)
    figma.subtract([disc, cutter], frame)
  }

  test('an untouched pattern with a boolean scores 0, and the reading marks the operands', async () => {
    const s = await pattern(draw)
    const read = await readSnapshotAsync(s.ada.client, s.frame.id)
    expect(read.snapshot.elements.filter((e) => e.operand).map((e) => e.id)).toEqual([disc.id, cutter.id])
    expect(await s.captureAfter(() => undefined)).toBe(0)
  })

  test("recolouring the subtracted shape changes nothing anyone sees (it is a hole, not red paint)", async () => {
    const s = await pattern(draw)
    expect(await s.captureAfter(() => (cutter.fills = solid(GREEN)))).toBe(0)
  })

  test('moving the subtracted shape moves the hole: a visible change', async () => {
    const s = await pattern(draw)
    expect(await s.captureAfter(() => (cutter.x = 40))).toBeGreaterThan(0.02)
  })
})

describe('winding rules and open paths (problem 4)', () => {
  let motif!: EllipseNode
  /** A motif under an indigo vector whose `paths` decide whether the motif shows. */
  const under = (paths: VectorPaths, at = { x: 150, y: 150 }) => (figma: PluginAPI, frame: FrameNode) => {
    motif = figma.createEllipse()
    motif.resize(100, 100)
    motif.x = at.x
    motif.y = at.y
    motif.fills = solid(RED)
    const v = figma.createVector()
    v.vectorPaths = paths
    v.resize(300, 300) // the paths' box (the fake does not size a vector to its paths)
    v.fills = solid(INDIGO)
    v.strokes = solid(INDIGO)
    v.strokeWeight = 4
    frame.appendChild(motif)
    frame.appendChild(v)
    v.x = 50
    v.y = 50
  }

  test('an even-odd hole shows the motif beneath it: recolouring the motif counts', async () => {
    const s = await pattern(under([{ windingRule: 'EVENODD', data: 'M 0 0 L 300 0 L 300 300 L 0 300 Z M 75 75 L 225 75 L 225 225 L 75 225 Z' }]))
    expect(await s.captureAfter(() => undefined)).toBe(0)
    const s2 = await pattern(under([{ windingRule: 'EVENODD', data: 'M 0 0 L 300 0 L 300 300 L 0 300 Z M 75 75 L 225 75 L 225 225 L 75 225 Z' }]))
    expect(await s2.captureAfter(() => (motif.fills = solid(GREEN)))).toBeGreaterThan(0.02)
  })

  test('the same outline filled nonzero hides the motif: recolouring it changes nothing seen', async () => {
    const s = await pattern(under([{ windingRule: 'NONZERO', data: 'M 0 0 L 300 0 L 300 300 L 0 300 Z M 75 75 L 225 75 L 225 225 L 75 225 Z' }]))
    expect(await s.captureAfter(() => (motif.fills = solid(GREEN)))).toBe(0)
  })

  test('an open pen stroke (windingRule NONE) is not filled: the motif inside its bend shows', async () => {
    // The motif lies wholly inside the triangle that closing the path would fill.
    const bend = { x: 220, y: 80 }
    const s = await pattern(under([{ windingRule: 'NONE', data: 'M 0 0 L 300 0 L 300 300' }], bend))
    expect(await s.captureAfter(() => undefined)).toBe(0)
    const s2 = await pattern(under([{ windingRule: 'NONE', data: 'M 0 0 L 300 0 L 300 300' }], bend))
    expect(await s2.captureAfter(() => (motif.fills = solid(GREEN)))).toBeGreaterThan(0.02)
  })
})

describe('strokes and lines paint their strokeGeometry (problem 5)', () => {
  let line!: LineNode
  const lines = (figma: PluginAPI, frame: FrameNode) => {
    const dot = figma.createEllipse()
    dot.resize(60, 60)
    dot.x = 20
    dot.y = 20
    dot.fills = solid(INDIGO)
    frame.appendChild(dot)
    for (let k = 0; k < 4; k++) {
      const l = figma.createLine()
      l.resize(360, 0)
      l.x = 20
      l.y = 120 + 70 * k
      l.strokeWeight = 12
      l.strokes = solid(INDIGO)
      frame.appendChild(l)
      if (k === 0) line = l
    }
  }

  test('lines weigh what they paint: an untouched pattern scores 0, recolouring one line counts', async () => {
    const s = await pattern(lines)
    const read = await readSnapshotAsync(s.ada.client, s.frame.id)
    const l = read.snapshot.elements.find((e) => e.id === line.id)!
    expect(l.windings).toBe('S')
    expect(await s.captureAfter(() => undefined)).toBe(0)
    const s2 = await pattern(lines)
    expect(await s2.captureAfter(() => (line.strokes = solid(RED)))).toBeGreaterThan(0.005)
  })

  test('a thicker stroke on a shape is more paint: it counts', async () => {
    let ring!: EllipseNode
    const s = await pattern((figma, frame) => {
      ring = figma.createEllipse()
      ring.resize(300, 300)
      ring.x = 50
      ring.y = 50
      ring.fills = []
      ring.strokes = solid(INDIGO)
      ring.strokeWeight = 4
      frame.appendChild(ring)
    })
    const read = await readSnapshotAsync(s.ada.client, s.frame.id)
    expect(read.snapshot.elements.find((e) => e.id === ring.id)!.windings).toBe('NS')
    expect(await s.captureAfter(() => (ring.strokeWeight = 24))).toBeGreaterThan(0.05)
  })
})

describe("an instance's hidden sublayers (problem 6)", () => {
  let hidden!: RectangleNode
  let first!: EllipseNode
  let instance!: InstanceNode
  const withInstance = (figma: PluginAPI, frame: FrameNode) => {
    // The main component lives outside the pattern, as in a real library.
    const main = figma.createComponent()
    main.resize(200, 200)
    main.x = 600
    hidden = figma.createRectangle()
    hidden.resize(200, 200)
    hidden.fills = solid(RED)
    hidden.visible = false
    first = figma.createEllipse()
    first.resize(80, 80)
    first.fills = solid(INDIGO)
    const second = figma.createEllipse()
    second.resize(80, 80)
    second.x = 100
    second.fills = solid(INDIGO)
    for (const n of [hidden, first, second]) main.appendChild(n)
    instance = main.createInstance()
    frame.appendChild(instance)
    instance.x = 100
    instance.y = 100
  }

  test('the reading holds the hidden sublayer, so showing it shifts no other layer', async () => {
    const s = await pattern(withInstance)
    const before = await readSnapshotAsync(s.ada.client, s.frame.id)
    const sub = (i: number) => s.world.read(() => instance.children[i]!)
    const hiddenSub = sub(0)
    const firstSub = sub(1)
    expect(before.snapshot.elements.map((e) => e.id)).toContain(hiddenSub.id)
    s.world.edit(s.ada.session, () => (hiddenSub.visible = true))
    const after = await readSnapshotAsync(s.ada.client, s.frame.id)
    const pathOf = (r: typeof before, id: string) => r.snapshot.elements.find((e) => e.id === id)?.path
    expect(pathOf(after, firstSub.id)).toBe(pathOf(before, firstSub.id))
    // The plugin's own switch is back on afterwards (it speeds up everything else).
    expect(s.ada.figma.skipInvisibleInstanceChildren).toBe(true)
    expect(first.visible).toBe(true)
  })

  test('an edit to a hidden sublayer does not lose the other edits of its batch', async () => {
    const s = await pattern(withInstance)
    const hiddenSub = s.world.read(() => instance.children[0]!) as RectangleNode
    const firstSub = s.world.read(() => instance.children[1]!) as EllipseNode
    s.world.edit(s.ada.session, () => {
      hiddenSub.fills = solid(GREEN)
      firstSub.fills = solid(RED)
    })
    await s.world.flush()
    const result = captured(await captureAsync(s.frame.id, s.ada.ctx))
    expect(result.score.hcc).toBeGreaterThan(0)
    expect(JSON.stringify(result)).toContain('Ada Designer')
  })
})
