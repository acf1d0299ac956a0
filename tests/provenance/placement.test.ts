/**
 * placementFromTransform: painting the placed shape (method 2's own painter,
 * canvas-layout.ts `layout`) puts every point of the outline where the transform does.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { layout, OutlineCache } from '../../src/coefficient/canvas-layout'
import { placedOutline, placementFromTransform, transformOfPlacement } from '../../src/coefficient/placement'
import type { Affine } from '../../src/coefficient/raster/raster'
import { elementFromShape } from '../../src/coefficient/shape'
import { boundingBoxOf, invertTransform, multiplyTransforms, type Transform2x3 } from '../../src/coefficient/transform'

fc.configureGlobal({ numRuns: Number(process.env['FC_RUNS'] ?? 200) })

const FRAME: Affine = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }

/** Figma's matrix for translate(tx, ty) · rotate(θ) · mirror? · scale(sx, sy). */
function figmaTransform(deg: number, flip: boolean, sx: number, sy: number, tx: number, ty: number): Transform2x3 {
  const r = (deg * Math.PI) / 180
  const cos = Math.cos(r)
  const sin = Math.sin(r)
  const f = flip ? -1 : 1
  // R(θ) = [cos sin; −sin cos] (plugin-api.d.ts:7408), times diag(f·sx, sy).
  return [cos * f * sx, sin * sy, tx, -sin * f * sx, cos * sy, ty]
}

/** The points of an M/L path, in order. */
function points(d: string): [number, number][] {
  const nums = d.split(/[\sMLZ]+/).filter((t) => t !== '').map(Number)
  const out: [number, number][] = []
  for (let i = 0; i < nums.length; i += 2) out.push([nums[i]!, nums[i + 1]!])
  return out
}

/** Where method 2 paints each vertex of the element's outline (its painter, not a copy of its formula). */
function painted(w: number, h: number, m: Transform2x3, outline: string): [number, number][] {
  const p = placementFromTransform(m, w, h)
  const el = elementFromShape({ id: '1', path: '0', type: 'VECTOR', bounds: p.bounds, rotation: p.rotation, fills: [{ kind: 'solid', color: { r: 0, g: 0, b: 0, a: 1 } }], pathData: placedOutline(p, [outline]) })
  const big = { x0: -1e9, y0: -1e9, x1: 1e9, y1: 1e9 }
  const lay = layout([{ el, opacity: 1, shown: true, share: 1 }], Uint8Array.of(1), FRAME, big, Uint8Array.of(0), Uint8Array.of(0), Uint8Array.of(0), new OutlineCache())
  const item = lay.placed[0]!.item
  const t = item.transform
  // Line segments flatten to their own vertices; the last subpath point closes it again.
  return item.outline.flatMap(({ points: xy }) => {
    const pts: [number, number][] = []
    for (let i = 0; i < xy.length; i += 2) pts.push([t.a * xy[i]! + t.c * xy[i + 1]! + t.e, t.b * xy[i]! + t.d * xy[i + 1]! + t.f])
    return pts
  })
}

function applied(m: Transform2x3, [x, y]: [number, number]): [number, number] {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]]
}

function expectSamePoints(actual: [number, number][], expected: [number, number][], tolerance: number): void {
  for (const [x, y] of expected) {
    const nearest = Math.min(...actual.map(([ax, ay]) => Math.hypot(ax - x, ay - y)))
    expect(nearest).toBeLessThan(tolerance)
  }
  for (const [x, y] of actual) {
    const nearest = Math.min(...expected.map(([ex, ey]) => Math.hypot(ex - x, ey - y)))
    expect(nearest).toBeLessThan(tolerance)
  }
}

const size = fc.integer({ min: 1, max: 4000 }).map((n) => n / 10)
const angle = fc.double({ min: -180, max: 180, noNaN: true })
const offset = fc.integer({ min: -5000, max: 5000 }).map((n) => n / 10)
const scale = fc.oneof(fc.constant(1), fc.double({ min: 0.2, max: 5, noNaN: true }))

describe('placementFromTransform', () => {
  test('the painted outline covers what the transform puts on the canvas (turns, flips, non-uniform scale)', () => {
    fc.assert(
      fc.property(size, size, angle, fc.boolean(), scale, scale, offset, offset, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 3, maxLength: 8 }), (w, h, deg, flip, sx, sy, tx, ty, unit) => {
        const m = figmaTransform(deg, flip, sx, sy, tx, ty)
        // Sample points: the box corners and random points inside, as one outline.
        const own: [number, number][] = [[0, 0], [w, 0], [w, h], [0, h], ...unit.map(([u, v]): [number, number] => [u * w, v * h])]
        const d = own.map(([x, y], i) => `${i === 0 ? 'M' : 'L'} ${String(x)} ${String(y)}`).join(' ') + ' Z'
        const tolerance = 1e-6 * (1 + Math.abs(tx) + Math.abs(ty) + 5 * (w + h))
        expectSamePoints(painted(w, h, m, d), own.map((p) => applied(m, p)), tolerance)
        const p = placementFromTransform(m, w, h)
        expect(p.flipped).toBe(flip)
        expect(p.rotation).toBeGreaterThan(-180)
        expect(p.rotation).toBeLessThanOrEqual(180)
      }),
    )
  })

  test('an upright layer keeps its box exactly (no rounding through the centre)', () => {
    const p = placementFromTransform([1, 0, 0.1, 0, 1, 0.7], 0.3, 0.2)
    expect(p).toEqual({ bounds: { x: 0.1, y: 0.7, w: 0.3, h: 0.2 }, rotation: 0, flipped: false, scaleX: 1, scaleY: 1 })
  })

  test.each([
    // Turned 90° about its top-left corner (Figma's rotation = 90): the box hangs above.
    [[0, 1, 10, -1, 0, 50], 40, 20, { x: 0, y: 20, w: 40, h: 20 }, 90, false],
    // Mirrored in place: x → 140 − x.
    [[-1, 0, 140, 0, 1, 0], 40, 20, { x: 100, y: 0, w: 40, h: 20 }, 0, true],
    // Upside down (a vertical flip): mirror and turn 180°.
    [[1, 0, 0, 0, -1, 20], 40, 20, { x: 0, y: 0, w: 40, h: 20 }, 180, true],
  ] as const)('%j on %d × %d → %j turned %d, flipped %s', (m, w, h, bounds, rotation, flipped) => {
    const p = placementFromTransform(m as unknown as Transform2x3, w, h)
    expect(p.bounds.x).toBeCloseTo(bounds.x, 9)
    expect(p.bounds.y).toBeCloseTo(bounds.y, 9)
    expect([p.bounds.w, p.bounds.h]).toEqual([bounds.w, bounds.h])
    expect(p.rotation).toBeCloseTo(rotation, 9)
    expect(p.flipped).toBe(flipped)
  })

  test('a skewed transform falls back to the nearest rotation, centred where the layer is', () => {
    // A shear of 0.2 on top of a 30° turn.
    const turn = figmaTransform(30, false, 1, 1, 100, 100)
    const m = multiplyTransforms(turn, [1, 0.2, 0, 0, 1, 0])
    const p = placementFromTransform(m, 50, 50)
    // Halfway between the turns its two axes show: the x axis 30°, the sheared y axis 30° + atan(0.2).
    expect(p.rotation).toBeCloseTo(30 + (Math.atan(0.2) * 180) / Math.PI / 2, 9)
    const centre = applied(m, [25, 25])
    expect(p.bounds.x + p.bounds.w / 2).toBeCloseTo(centre[0], 9)
    expect(p.bounds.y + p.bounds.h / 2).toBeCloseTo(centre[1], 9)
  })
})

describe('transformOfPlacement', () => {
  test('gives back the unit-axis transform a placement came from', () => {
    fc.assert(
      fc.property(size, size, angle, fc.boolean(), offset, offset, (w, h, deg, flip, tx, ty) => {
        const m = figmaTransform(deg, flip, 1, 1, tx, ty)
        const p = placementFromTransform(m, w, h)
        const back = transformOfPlacement(p.bounds, p.rotation, p.flipped)
        back.forEach((v, i) => expect(v).toBeCloseTo(m[i]!, 6))
      }),
    )
  })
})

describe('transform helpers', () => {
  test('invert, multiply, bounding box', () => {
    const m = figmaTransform(30, true, 1, 1, 12, -7)
    const inv = invertTransform(m)!
    multiplyTransforms(inv, m).forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0, 0, 1, 0][i]!, 12))
    expect(invertTransform([0, 0, 1, 0, 0, 1])).toBeNull()
    const box = boundingBoxOf(figmaTransform(90, false, 1, 1, 10, 50), 40, 20)
    expect(box.x).toBeCloseTo(10, 9)
    expect(box.y).toBeCloseTo(10, 9)
    expect(box.w).toBeCloseTo(20, 9)
    expect(box.h).toBeCloseTo(40, 9)
  })
})
