/**
 * Transforms in the fake: absoluteBoundingBox under nested rotations, and groups that turn
 * and flip (GroupNode has LayoutMixin.rotation and relativeTransform, plugin-api.d.ts:10835,
 * :7382, :7408).
 */
import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

function setup() {
  const world = createFigmaWorld()
  const session = world.openSession()
  return { world, session, figma: session.figma }
}

type T = Transform
const flat = (t: T): number[] => [t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2]]
const apply = (t: T, x: number, y: number): [number, number] => [t[0][0] * x + t[0][1] * y + t[0][2], t[1][0] * x + t[1][1] * y + t[1][2]]

function expectClose(actual: readonly number[], expected: readonly number[], digits = 9): void {
  expect(actual.length).toBe(expected.length)
  actual.forEach((v, i) => expect(v, `index ${String(i)}`).toBeCloseTo(expected[i]!, digits))
}

/** The page corners of a node's own box. */
function corners(n: SceneNode): [number, number][] {
  return [
    [0, 0],
    [n.width, 0],
    [n.width, n.height],
    [0, n.height],
  ].map(([x, y]) => apply(n.absoluteTransform, x!, y!))
}

describe('absoluteBoundingBox', () => {
  test('is the box of the node itself under nested rotations (a turned-back rectangle in a turned frame is upright)', () => {
    const { figma } = setup()
    const frame = figma.createFrame()
    frame.resize(200, 100)
    frame.x = 50
    frame.y = 40
    frame.rotation = 30
    const r = figma.createRectangle()
    frame.appendChild(r)
    r.resize(40, 20)
    r.x = 60
    r.y = 10
    r.rotation = -30
    const abs = flat(r.absoluteTransform)
    expectClose([abs[0]!, abs[1]!, abs[3]!, abs[4]!], [1, 0, 0, 1])
    const bb = r.absoluteBoundingBox!
    expectClose([bb.x, bb.y, bb.width, bb.height], [abs[2]!, abs[5]!, 40, 20])
  })
})

describe('rotating a group', () => {
  function grouped() {
    const s = setup()
    const frame = s.figma.createFrame()
    frame.resize(400, 400)
    frame.x = 1000
    const a = s.figma.createRectangle()
    const b = s.figma.createEllipse()
    frame.appendChild(a)
    frame.appendChild(b)
    a.resize(40, 20)
    a.x = 100
    a.y = 100
    b.resize(30, 30)
    b.x = 150
    b.y = 130
    const group = s.figma.group([a, b], frame)
    return { ...s, frame, a, b, group }
  }

  test('turns its children with it about its top-left corner; its size stays its own', () => {
    const { frame, a, b, group } = grouped()
    expect([group.rotation, group.x, group.y, group.width, group.height]).toEqual([0, 100, 100, 80, 60])
    const before = [...corners(a), ...corners(b)]
    group.rotation = 90
    expect(group.rotation).toBeCloseTo(90, 9)
    // Still 80 × 60 along its own axes, with its top-left corner where it was.
    expectClose([group.x, group.y, group.width, group.height], [100, 100, 80, 60])
    expectClose(flat(group.relativeTransform), [0, 1, 100, -1, 0, 100])
    // Every child corner turned by 90° about the group's top-left corner (page 1100, 100).
    const turn = ([x, y]: [number, number]): [number, number] => [1100 + (y - 100), 100 - (x - 1100)]
    expectClose([...corners(a), ...corners(b)].flat(), before.map(turn).flat())
    // Children stay relative to the container parent (the frame), not the group.
    expect(a.rotation).toBeCloseTo(90, 9)
    expectClose([a.x, a.y], [100, 100])
    // absoluteBoundingBox: the upright box of the turned group.
    const bb = group.absoluteBoundingBox!
    expectClose([bb.x, bb.y, bb.width, bb.height], [1100, 20, 60, 80])
    expect(frame.children).toEqual([group])
  })

  test('relativeTransform flips a group; undo brings everything back; scale and skew are refused', () => {
    const { world, session, a, group } = grouped()
    const before = flat(a.relativeTransform)
    world.edit(session, () => {
      group.relativeTransform = [
        [-1, 0, 180],
        [0, 1, 100],
      ]
    })
    // Mirrored about the group's vertical axis: a's left edge now points left, from x = 180.
    expectClose(flat(a.relativeTransform), [-1, 0, 180, 0, 1, 100])
    expectClose([group.x, group.y, group.width, group.height], [180, 100, 80, 60])
    session.undo()
    expectClose(flat(a.relativeTransform), before)
    expect(group.rotation).toBe(0)
    expect(() => {
      group.relativeTransform = [
        [2, 0, 0],
        [0, 1, 0],
      ]
    }).toThrow(/not supported by the fake/)
    expect(() => {
      group.relativeTransform = [
        [1, 0.5, 0],
        [0, 1, 0],
      ]
    }).toThrow(/not supported by the fake/)
    expect(() => group.resize(10, 10)).toThrow(/not supported by the fake/)
  })

  test('a turned group inside a turned group: each child lands where both turns put it', () => {
    const { figma, frame, a, b, group } = grouped()
    const c = figma.createRectangle()
    frame.appendChild(c)
    c.resize(10, 10)
    c.x = 300
    c.y = 300
    group.rotation = 30
    const outer = figma.group([group, c], frame)
    const aBefore = corners(a)
    const cBefore = corners(c)
    const pivot = [outer.absoluteTransform[0][2], outer.absoluteTransform[1][2]] as const
    outer.rotation = 45
    const r = (45 * Math.PI) / 180
    const turn = ([x, y]: [number, number]): [number, number] => {
      const dx = x - pivot[0]
      const dy = y - pivot[1]
      return [pivot[0] + Math.cos(r) * dx + Math.sin(r) * dy, pivot[1] - Math.sin(r) * dx + Math.cos(r) * dy]
    }
    expectClose(corners(a).flat(), aBefore.map(turn).flat())
    expectClose(corners(c).flat(), cBefore.map(turn).flat())
    expect(group.rotation).toBeCloseTo(75, 9)
    expect(b.rotation).toBeCloseTo(75, 9)
    // The inner group keeps its own size along its own axes.
    expectClose([group.width, group.height], [80, 60])
  })

  test('grouping turned layers gives an upright group around their boxes', () => {
    const { figma } = setup()
    const r = figma.createRectangle()
    r.resize(40, 40)
    r.rotation = 45
    const group = figma.group([r], figma.currentPage)
    expect(group.rotation).toBe(0)
    const bb = r.absoluteBoundingBox!
    expectClose([group.x, group.y, group.width, group.height], [bb.x, bb.y, bb.width, bb.height])
  })
})
