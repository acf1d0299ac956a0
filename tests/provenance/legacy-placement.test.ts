/**
 * toBoundingBoxPlacement: a snapshot read in own boxes, brought to the placement of
 * baselines before format 4. The end-to-end check against the fake's own
 * absoluteBoundingBox and rotation is tests/ui/rotation.test.ts.
 */
import { describe, expect, test } from 'vitest'
import { toBoundingBoxPlacement } from '../../src/coefficient/legacy-placement'
import { placedOutline, placementFromTransform } from '../../src/coefficient/placement'
import { elementFromShape } from '../../src/coefficient/shape'
import { OWN_BOX, type PatternSnapshot } from '../../src/coefficient/snapshot'
import type { Transform2x3 } from '../../src/coefficient/transform'

const ARROW = 'M 0 0 L 40 10 L 0 20 L 8 10 Z'

/** Figma's matrix for translate · rotate(θ) · mirror?. */
function turned(deg: number, flip: boolean, tx: number, ty: number): Transform2x3 {
  const r = (deg * Math.PI) / 180
  const f = flip ? -1 : 1
  return [Math.cos(r) * f, Math.sin(r), tx, -Math.sin(r) * f, Math.cos(r), ty]
}

function layer(id: string, path: string, type: string, m: Transform2x3, w: number, h: number, outline: string[] | null) {
  const p = placementFromTransform(m, w, h)
  return elementFromShape({ id, path, type, bounds: p.bounds, rotation: p.rotation, flipped: p.flipped, pathData: outline && placedOutline(p, outline) })
}

function snapshot(): PatternSnapshot {
  return {
    rootId: '1:1',
    rootBounds: { x: 0, y: 0, w: 200, h: 100 },
    placement: OWN_BOX,
    elements: [
      layer('1:1', '', 'FRAME', [1, 0, 0, 0, 1, 0], 200, 100, null),
      layer('1:2', '0', 'RECTANGLE', turned(90, false, 10, 50), 40, 20, ['M 0 0 L 40 0 L 40 20 L 0 20 L 0 0 Z']),
      layer('1:3', '1', 'VECTOR', turned(30, true, 100, 20), 40, 20, [ARROW]),
      // A group turned 20°, and in it a layer turned 50° in all (30° in the group, which Figma's rotation skips).
      layer('1:4', '2', 'GROUP', turned(20, false, 120, 40), 60, 50, null),
      layer('1:5', '2.0', 'VECTOR', turned(50, false, 130, 60), 40, 20, [ARROW]),
    ],
  }
}

describe('toBoundingBoxPlacement', () => {
  const legacy = toBoundingBoxPlacement(snapshot())
  const at = (id: string) => legacy.elements.find((e) => e.id === id)!

  test('bounds become the axis-aligned box Figma reported, rotations Figma’s own', () => {
    expect(legacy.placement).toBeUndefined()
    expect(legacy.rootBounds).toEqual({ x: 0, y: 0, w: 200, h: 100 })
    const rect = at('1:2')
    // 40 × 20 turned 90° about its top-left (10, 50): it hangs above, 20 wide and 40 high.
    expect(rect.bounds.x).toBeCloseTo(10, 9)
    expect(rect.bounds.y).toBeCloseTo(10, 9)
    expect(rect.bounds.w).toBeCloseTo(20, 9)
    expect(rect.bounds.h).toBeCloseTo(40, 9)
    expect(rect.rotation).toBeCloseTo(90, 9)
    // Inside a group, Figma's rotation is relative to the group's container parent (the root).
    expect(at('1:5').rotation).toBeCloseTo(50, 9)
    expect(at('1:4').rotation).toBeCloseTo(20, 9)
  })

  test('a flipped layer gets back its unmirrored outline and the rotation Figma reports for it', () => {
    const arrow = at('1:3')
    expect(arrow.flipped).toBeUndefined()
    expect(arrow.pathData).toEqual([ARROW])
    // atan2(−m10, m00) of [−cos 30°, sin 30°; sin 30°, cos 30°]: 30° − 180°.
    expect(arrow.rotation).toBeCloseTo(-150, 9)
  })

  test('a snapshot already in the bounding-box placement is left as it is', () => {
    const old = toBoundingBoxPlacement(snapshot())
    expect(toBoundingBoxPlacement(old)).toBe(old)
  })

  test('a turned root: boxes in page axes, relative to the root’s box', () => {
    const root: Transform2x3 = turned(90, false, 500, 500)
    const onPage = toBoundingBoxPlacement(snapshot(), { absolute: root, relative: root })
    // The 200 × 100 root turned 90° covers 100 × 200 of the page.
    expect(onPage.rootBounds.w).toBeCloseTo(100, 9)
    expect(onPage.rootBounds.h).toBeCloseTo(200, 9)
    // The root itself reports its own rotation; its children theirs relative to it.
    expect(onPage.elements[0]!.rotation).toBeCloseTo(90, 9)
    expect(onPage.elements[1]!.rotation).toBeCloseTo(90, 9)
    // The rectangle (upright on the page once both turns add up to 180°): 40 × 20.
    expect(onPage.elements[1]!.bounds.w).toBeCloseTo(40, 9)
    expect(onPage.elements[1]!.bounds.h).toBeCloseTo(20, 9)
  })
})
